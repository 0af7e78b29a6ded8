import { ManualClock, createCity, createCooperative, createCoreContext, createKelurahan, runMutation, postEntry, type CoreContext, type JournalEntryInput } from '@kkmp/core';
import { createDb, ensureTable, type Db } from '@kkmp/store';
import { randomUUID } from 'node:crypto';
import { inject } from 'vitest';

/** A fresh table with one cooperative, and a manager's core context for posting at the service layer. */
export async function ledgerFixture(now = '2026-06-15T03:00:00Z') {
  const db: Db = createDb({ tableName: `ledger-${randomUUID()}`, endpoint: inject('dynamoDbEndpoint') });
  await ensureTable(db);
  const clock = new ManualClock(now);
  const platform = createCoreContext({ db, clock, principal: { userId: 'platform', role: 'PLATFORM_ADMIN' } });
  const city = await createCity(platform, { name: 'Kota Buku', kind: 'KOTA', regionCode: '3273', provinceName: 'Jawa Barat', timeZone: 'WIB' });
  const kel = await createKelurahan(platform, { cityId: city.id, name: 'Sukabuku', kecamatan: 'Buku', regionCode: '3273010010' });
  const coop = await createCooperative(platform, { cityId: city.id, kelurahanId: kel.id, name: 'KKMP Sukabuku', legalName: 'Koperasi Kelurahan Merah Putih Sukabuku' });
  const manager = (): CoreContext => createCoreContext({ db, clock, principal: { userId: 'ketua', role: 'COOP_MANAGER', coopId: coop.id } });
  /** Posts one entry in its own transaction, as a unit's business mutation would. */
  const post = (entry: JournalEntryInput) => runMutation(manager(), { operation: 'testPosting', tenant: { kind: 'coop', coopId: coop.id }, input: entry }, (tx) => postEntry(manager(), tx, coop.id, entry));
  return { db, clock, coop, manager, post };
}
