import {
  changeCooperativeStatus,
  createCity,
  createCooperative,
  createCoreContext,
  createKelurahan,
  localDate,
  makeNik,
  recordEquityPayment,
  registerMember,
  systemClock,
  type Clock,
  type Principal,
} from '@kkmp/core';
import { Transaction, getItem, pk, sk, type Db } from '@kkmp/store';
import { z } from 'zod';
import { installedUnits } from '../units.config';
import { runUnitDemos, type DemoCooperative } from './unit-demos';

export interface DemoUser {
  label: string;
  description: string;
  principal: Principal;
}

const SEED_MARKER = { pk: pk({ kind: 'platform' }), sk: sk('DEMO', 'SEEDED') };

/**
 * Kota Bandung with six real kelurahan and cooperatives in every lifecycle state. Region codes follow
 * Kemendagri's scheme for Kota Bandung (32.73); check them against the current decree before relying on
 * them for anything but a demo.
 */
const KELURAHAN = [
  { name: 'Sukaluyu', kecamatan: 'Cibeunying Kaler', code: '3273210003', postal: '40123', coop: 'OPERATING' },
  { name: 'Dago', kecamatan: 'Coblong', code: '3273220006', postal: '40135', coop: 'OPERATING' },
  { name: 'Sekeloa', kecamatan: 'Coblong', code: '3273220004', postal: '40134', coop: 'LEGAL_ENTITY' },
  { name: 'Cibangkong', kecamatan: 'Batununggal', code: '3273150002', postal: '40273', coop: 'LEGAL_ENTITY' },
  { name: 'Rancanumpang', kecamatan: 'Gedebage', code: '3273260003', postal: '40295', coop: 'FORMED' },
  { name: 'Cisaranten Kidul', kecamatan: 'Gedebage', code: '3273260001', postal: '40295', coop: null },
] as const;

const MEMBERS = [
  { name: 'Siti Nurhaliza', sex: 'FEMALE', born: '1984-02-11', street: 'Jl. Sukaluyu No. 12' },
  { name: 'Asep Saepudin', sex: 'MALE', born: '1979-08-23', street: 'Jl. Cikutra No. 41' },
  { name: 'Dewi Lestari', sex: 'FEMALE', born: '1990-12-05', street: 'Gg. Sukaluyu II No. 3' },
  { name: 'Ujang Rahmat', sex: 'MALE', born: '1972-05-30', street: 'Jl. Sukaluyu No. 88' },
  { name: 'Euis Kurniasih', sex: 'FEMALE', born: '1988-07-17', street: 'Jl. Cikutra Barat No. 9' },
  { name: 'Dedi Mulyadi', sex: 'MALE', born: '1995-03-02', street: 'Jl. PHH Mustofa No. 120' },
  { name: 'Rina Marlina', sex: 'FEMALE', born: '1982-10-21', street: 'Gg. Sukaluyu IV No. 15' },
  { name: 'Yayan Sopyan', sex: 'MALE', born: '1969-01-08', street: 'Jl. Sukaluyu No. 2' },
] as const;

const markerSchema = z.object({ users: z.array(z.object({ label: z.string(), description: z.string(), principal: z.any() })) });

/** Demo users of an already seeded database, or undefined before the first seed. */
export async function loadDemoUsers(db: Db): Promise<DemoUser[] | undefined> {
  return (await getItem(db, SEED_MARKER, markerSchema))?.users as DemoUser[] | undefined;
}

/** Seeds once (idempotency keys make a half-finished seed safe to run again). Returns the demo users. */
export async function seedDemoData(db: Db, clock: Clock = systemClock): Promise<DemoUser[]> {
  const platform: Principal = { userId: 'demo-platform-admin', name: 'Admin Platform', role: 'PLATFORM_ADMIN' };
  const as = (principal: Principal) => createCoreContext({ db, clock, principal });
  const admin = as(platform);

  const city = await createCity(admin, {
    idempotencyKey: 'demo-city-bandung',
    name: 'Kota Bandung',
    kind: 'KOTA',
    regionCode: '3273',
    provinceName: 'Jawa Barat',
    timeZone: 'WIB',
  });
  const cityAdmin: Principal = { userId: 'demo-dinas-bandung', name: 'Dinas KUKM Kota Bandung', role: 'CITY_ADMIN', cityId: city.id };
  const dinas = as(cityAdmin);

  let main: { coopId: string; memberIds: string[]; members: DemoCooperative['members'] } | undefined;
  for (const k of KELURAHAN) {
    const kel = await createKelurahan(dinas, {
      idempotencyKey: `demo-kel-${k.code}`,
      cityId: city.id,
      name: k.name,
      kecamatan: k.kecamatan,
      regionCode: k.code,
      postalCode: k.postal,
    });
    if (!k.coop) continue;
    const coop = await createCooperative(dinas, {
      idempotencyKey: `demo-coop-${k.code}`,
      cityId: city.id,
      kelurahanId: kel.id,
      name: `KKMP ${k.name}`,
      legalName: `Koperasi Kelurahan Merah Putih ${k.name}`,
      board: [
        { name: `Ketua ${k.name}`, position: 'KETUA' },
        { name: `Sekretaris ${k.name}`, position: 'SEKRETARIS' },
        { name: `Bendahara ${k.name}`, position: 'BENDAHARA' },
      ],
      supervisors: [{ name: `Pengawas ${k.name}`, position: 'KETUA' }],
      equity: { simpananPokok: 50_000, simpananWajib: 20_000 },
      // The demo's history starts half a year back: its books begin the year before.
      firstFinancialYear: Number(localDate(clock.now(), 'WIB').slice(0, 4)) - 1,
    });
    if (k.coop !== 'FORMED') {
      await changeCooperativeStatus(dinas, {
        idempotencyKey: `demo-legal-${k.code}`,
        cooperativeId: coop.id,
        status: 'LEGAL_ENTITY',
        registrationNumber: `AHU-00${k.code.slice(-5)}.AH.01.29.TAHUN2025`,
      });
    }
    if (k.coop === 'OPERATING') {
      await changeCooperativeStatus(dinas, { idempotencyKey: `demo-op-${k.code}`, cooperativeId: coop.id, status: 'OPERATING' });
    }
    if (k.name === 'Sukaluyu') main = { coopId: coop.id, memberIds: [], members: [] };
  }
  if (!main) throw new Error('demo seed lost its main cooperative');

  const manager: Principal = { userId: 'demo-ketua-sukaluyu', name: 'Ketua KKMP Sukaluyu', role: 'COOP_MANAGER', coopId: main.coopId };
  const pengurus = as(manager);
  const today = localDate(clock.now(), 'WIB');
  const months = (n: number) => {
    const d = new Date(`${today}T00:00:00Z`);
    d.setUTCMonth(d.getUTCMonth() - n, 1);
    return d.toISOString().slice(0, 10);
  };
  for (const [i, m] of MEMBERS.entries()) {
    const member = await registerMember(pengurus, {
      idempotencyKey: `demo-member-${i}`,
      cooperativeId: main.coopId,
      nik: makeNik({ provinceCode: '32', regencyCode: '73', districtCode: '21', birthDate: m.born, sex: m.sex, sequence: i + 1 }),
      name: m.name,
      address: `${m.street}, Sukaluyu, Cibeunying Kaler, Kota Bandung`,
      phone: `0812${String(20000000 + i * 1371).padStart(8, '0')}`,
      joinDate: months(6 - (i % 3)),
      simpananWajib: i === 7 ? 50_000 : undefined,
    });
    main.memberIds.push(member.id);
    main.members.push({ id: member.id, nik: member.nik, name: member.name, memberNumber: member.memberNumber });
    // Most paid pokok on joining; wajib payments vary so the arrears list has something to show.
    if (i % 4 !== 3) {
      await recordEquityPayment(pengurus, { idempotencyKey: `demo-pokok-${i}`, cooperativeId: main.coopId, memberId: member.id, kind: 'POKOK', amount: 50_000, paidOn: member.joinDate });
    }
    const wajibMonths = [6, 4, 2, 0, 5, 3, 1, 6][i]!;
    if (wajibMonths > 0) {
      await recordEquityPayment(pengurus, {
        idempotencyKey: `demo-wajib-${i}`,
        cooperativeId: main.coopId,
        memberId: member.id,
        kind: 'WAJIB',
        amount: wajibMonths * (i === 7 ? 50_000 : 20_000),
        method: i % 2 ? 'QRIS' : 'CASH',
      });
    }
  }
  const users: DemoUser[] = [
    { label: 'platform', description: 'Platform admin: every city', principal: platform },
    { label: 'city', description: 'Dinas Koperasi Kota Bandung', principal: cityAdmin },
    { label: 'manager', description: 'Pengurus (manager) of KKMP Sukaluyu', principal: manager },
    {
      label: 'staff',
      // One cashier at the counter of every unit, as in a small cooperative; every unit's tabs run as staff.
      description: "Cashier of KKMP Sukaluyu (every unit's counter)",
      principal: { userId: 'demo-kasir-sukaluyu', name: 'Kasir Sukaluyu', role: 'COOP_STAFF', coopId: main.coopId, units: installedUnits.map((u) => u.id) },
    },
    {
      label: 'supervisor',
      description: 'Pengawas (supervisor) of KKMP Sukaluyu',
      principal: { userId: 'demo-pengawas-sukaluyu', name: 'Pengawas Sukaluyu', role: 'SUPERVISOR', coopId: main.coopId },
    },
    {
      label: 'member',
      description: 'Siti Nurhaliza, member no. 1 of KKMP Sukaluyu',
      principal: { userId: 'demo-anggota-1', name: 'Siti Nurhaliza', role: 'MEMBER', coopId: main.coopId, memberId: main.memberIds[0]! },
    },
  ];
  const principal = (label: string) => users.find((u) => u.label === label)!.principal;
  await runUnitDemos(db, installedUnits, { coopId: main.coopId, members: main.members, manager, staff: principal('staff'), supervisor: principal('supervisor') }, clock);
  // Written last: a seed cut short is simply run again (every step above is idempotent).
  await new Transaction(db).put({ ...SEED_MARKER, type: 'DemoSeed', at: clock.now().toISOString(), users }).commit();
  return users;
}
