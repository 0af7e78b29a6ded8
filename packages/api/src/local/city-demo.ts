import { addDays, cooperativeItem, emptyPositionItem, kelurahanKey, localDate, summaryKey, type Clock, type Cooperative, type CoopStatus } from '@kkmp/core';
import type { AnyUnit } from '@kkmp/plugin-sdk';
import { pk, putAll, sk, type Db, type StoredItem } from '@kkmp/store';
import { BANDUNG_KECAMATAN } from './city-demo-data';

export interface DemoCityTarget {
  cityId: string;
  /** 4-digit code of the city; the demo's kelurahan codes start with it. */
  regionCode: string;
  /** Kelurahan names the city has already (seeded through the API): left out here. */
  existing: ReadonlySet<string>;
}

/** A cooperative the generator made, with what it made of it. */
export interface DemoCoop {
  coop: Cooperative;
  active: boolean;
}

const CROCKFORD = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';
/** A deterministic id in the ULID alphabet, so a seed run again rewrites the same items. */
function demoId(kind: number, i: number): string {
  let n = BigInt(kind) * 1_000_003n + BigInt(i) * 7_919n + 104_729n;
  let out = '';
  for (let k = 0; k < 16; k++) {
    out = CROCKFORD[Number(n % 32n)] + out;
    n /= 32n;
  }
  return `01JDEM0C1TY${kind}${out}`.slice(0, 26).padEnd(26, '0');
}

/** Stable pseudo-random numbers per cooperative and purpose (a demo must look the same on every machine). */
function roll(i: number, salt: number, mod: number): number {
  // A small integer hash (murmur3's finaliser) of the cooperative and the purpose.
  let h = (Math.imul(i + 1, 0x9e3779b1) ^ Math.imul(salt + 1, 0x85ebca6b)) >>> 0;
  h = Math.imul(h ^ (h >>> 16), 0x85ebca6b) >>> 0;
  h = Math.imul(h ^ (h >>> 13), 0xc2b2ae35) >>> 0;
  return ((h ^ (h >>> 16)) >>> 0) % mod;
}

/**
 * The rest of a city of about 150 cooperatives, written in batches (BatchWriteItem, 25 items a call) so
 * `npm run dev` starts fast: kelurahan, cooperatives in a realistic spread of states (a fifth formed, two
 * fifths legal entities, the rest operating), the units they enabled, and their activity summaries as the
 * write path keeps them, about a quarter active within 30 days (Bandung reported 36 of 151). These
 * cooperatives' transactions are not generated: their summaries stand for them. The seeded cooperatives
 * made through the API (KKMP Sukaluyu) have summaries measured from their real transactions.
 */
export async function seedDemoCity(db: Db, clock: Clock, target: DemoCityTarget, units: readonly AnyUnit[]): Promise<DemoCoop[]> {
  const now = clock.now();
  const today = localDate(now, 'WIB');
  const year = Number(today.slice(0, 4));
  const cityPk = pk({ kind: 'city', cityId: target.cityId });
  const enableable = units.filter((u) => u.settings.safeParse(u.sampleSettings).success);
  const items: StoredItem[] = [];
  const made: DemoCoop[] = [];
  let i = 0;
  for (const [k, [kecamatan, names]] of Object.entries(BANDUNG_KECAMATAN).entries()) {
    for (const [j, name] of names.entries()) {
      if (target.existing.has(name)) continue;
      const regionCode = `${target.regionCode}${String(60 + k).padStart(2, '0')}${String(1001 + j)}`;
      const kelId = demoId(1, i);
      items.push({ ...kelurahanKey(target.cityId, kelId), type: 'Kelurahan', version: 1, id: kelId, cityId: target.cityId, name, kecamatan, regionCode, createdAt: now.toISOString() });
      items.push({ pk: cityPk, sk: sk('KELCODE', regionCode), type: 'Unique', kelurahanId: kelId });
      const listed = demoCooperative(i, target.cityId, kelId, name, now, year);
      const { summary, enabled, active } = demoSummary(i, listed, today, year, enableable);
      // As the API keeps them: the profile indexes its unit records, the (empty) books have complete totals.
      const coop = { ...listed, unitIds: enabled.map((u) => u.id).sort() };
      items.push(cooperativeItem(coop));
      items.push({ pk: cityPk, sk: sk('KELCOOP', kelId), type: 'Unique', coopId: coop.id });
      items.push(emptyPositionItem(coop.id));
      items.push(summary);
      for (const u of enabled) {
        items.push({ pk: pk({ kind: 'coop', coopId: coop.id }), sk: sk('UNIT', u.id), type: 'UnitRecord', unitId: u.id, enabled: true, settings: u.settings.parse(u.sampleSettings), enabledAt: now.toISOString(), updatedAt: now.toISOString(), version: 1 });
      }
      made.push({ coop, active });
      i += 1;
    }
  }
  await putAll(db, items);
  return made;
}

function demoCooperative(i: number, cityId: string, kelurahanId: string, name: string, now: Date, year: number): Cooperative {
  const r = roll(i, 1, 100);
  const status: CoopStatus = r < 22 ? 'FORMED' : r < 62 ? 'LEGAL_ENTITY' : 'OPERATING';
  return {
    id: demoId(2, i),
    cityId,
    kelurahanId,
    name: `KKMP ${name}`,
    legalName: `Koperasi Kelurahan Merah Putih ${name}`,
    ...(status !== 'FORMED' ? { registrationNumber: `AHU-00${String(10_000 + i)}.AH.01.29.TAHUN${year - 1}` } : {}),
    status,
    statusChangedAt: now.toISOString(),
    board: [
      { name: `Ketua ${name}`, position: 'KETUA' },
      { name: `Bendahara ${name}`, position: 'BENDAHARA' },
    ],
    supervisors: [{ name: `Pengawas ${name}`, position: 'KETUA' }],
    equity: { simpananPokok: 50_000, simpananWajib: 20_000 },
    timeZone: 'WIB',
    firstFinancialYear: year - 1,
    createdAt: now.toISOString(),
    version: 1,
  };
}

function demoSummary(i: number, coop: Cooperative, today: string, year: number, units: readonly AnyUnit[]) {
  const operating = coop.status === 'OPERATING';
  // Operating cooperatives run one to three units; a few legal entities already collect savings.
  const enabled = operating ? units.filter((_, n) => n === roll(i, 2, units.length) || roll(i, 3 + n, 3) === 0) : [];
  const active = operating ? roll(i, 7, 100) < 55 : coop.status === 'LEGAL_ENTITY' && roll(i, 7, 100) < 8;
  const everTraded = active || (operating && roll(i, 8, 100) < 60);
  const last = active ? addDays(today, -roll(i, 9, 25)) : everTraded ? addDays(today, -(35 + roll(i, 9, 150))) : undefined;
  const summary: StoredItem = {
    ...summaryKey(coop.id),
    type: 'CoopSummary',
    coopId: coop.id,
    membersRegistered: coop.status === 'FORMED' ? 20 + roll(i, 10, 40) : operating ? 80 + roll(i, 10, 320) : 40 + roll(i, 10, 110),
  };
  for (const u of enabled) summary[`unit_${u.id}`] = { enabled: true, version: 1 };
  if (last) {
    summary.lastActivityDate = last;
    if (enabled.length) enabled.slice(0, 1 + roll(i, 11, 2)).forEach((u, n) => (summary[`act_${u.id}`] = n === 0 ? last : addDays(last, -roll(i, 12, 20))));
    else summary.act_SAVINGS = last;
  }
  if (coop.status !== 'FORMED' && roll(i, 13, 3) > 0) summary.lastRatDate = `${year}-0${2 + roll(i, 14, 4)}-${String(10 + roll(i, 15, 18))}`;
  if (summary.lastRatDate && String(summary.lastRatDate) > today) delete summary.lastRatDate;
  if (operating && roll(i, 16, 2) === 0) summary.closedYears = new Set([year - 1]);
  return { summary, enabled, active };
}
