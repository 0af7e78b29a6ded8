import { installedUnits } from '@kkmp/api';
import { makeNik, type Principal } from '@kkmp/core';
import { createDemoContext } from '@kkmp/host';
import { serveApi, type BenchApi } from '../env';
import { addDays, mutate, pool, rawIds } from './client';

export interface Member {
  id: string;
  nik: string;
  name: string;
  memberNumber: string;
}

export interface CoopPeople {
  manager: string;
  staff: string;
  supervisor: string;
  /** The first member, signed in as herself (the member app). */
  member: string;
}


/** The main cooperative's people: development tokens for its demo principals (as `npm run dev` has them). */
export async function coopPeople(api: BenchApi, cooperativeId: string, firstMember: string): Promise<CoopPeople> {
  const coopId = rawIds(cooperativeId)[0]!;
  const p = (userId: string, role: Principal['role'], extra: Partial<Principal> = {}): Promise<string> => api.token({ userId, name: userId, role, coopId, ...extra });
  return {
    manager: await p('bench-ketua', 'COOP_MANAGER'),
    staff: await p('bench-kasir', 'COOP_STAFF', { units: installedUnits.map((u) => u.id) }),
    supervisor: await p('bench-pengawas', 'SUPERVISOR'),
    member: await p('bench-anggota-1', 'MEMBER', { memberId: rawIds(firstMember)[1]! }),
  };
}

/** The main cooperative's manager (who registers its members before there is a member to sign in as). */
export function managerToken(api: BenchApi, cooperativeId: string): Promise<string> {
  return api.token({ userId: 'bench-ketua', name: 'bench-ketua', role: 'COOP_MANAGER', coopId: rawIds(cooperativeId)[0]! });
}

/** `count` members, each with simpanan pokok paid and a few months of wajib. */
export async function seedMembers(api: BenchApi, cooperativeId: string, manager: string, count: number, today: string): Promise<Member[]> {
  const members: Member[] = new Array(count);
  await pool(
    Array.from({ length: count }, (_, i) => i),
    6,
    async (i) => {
      const sex = i % 2 ? 'MALE' : 'FEMALE';
      const born = `19${70 + (i % 30)}-${String(1 + (i % 12)).padStart(2, '0')}-${String(1 + (i % 28)).padStart(2, '0')}`;
      const nik = makeNik({ provinceCode: '32', regencyCode: '73', districtCode: '21', birthDate: born, sex, sequence: i + 1 });
      const m = await mutate(
        api,
        manager,
        'registerMember',
        { cooperativeId, nik, name: `Anggota ${i + 1}`, address: `Jl. Bench No. ${i + 1}, Kota Bench`, phone: `0812${String(30000000 + i * 7).padStart(8, '0')}`, joinDate: addDays(today, -180) },
        'id nik name memberNumber',
      );
      members[i] = { id: m.id, nik: m.nik, name: m.name, memberNumber: String(m.memberNumber) };
      await mutate(api, manager, 'recordEquityPayment', { memberId: m.id, kind: 'POKOK', amount: 50_000, businessDate: addDays(today, -180) });
      await mutate(api, manager, 'recordEquityPayment', { memberId: m.id, kind: 'WAJIB', amount: 20_000 * (1 + (i % 6)), method: i % 2 ? 'QRIS' : 'CASH' });
    },
  );
  return members;
}

/**
 * Enables every installed unit with its sample settings and runs each unit's own demo (products, stock,
 * buyers, a week or a month of business, loans, a pond's readings) through the API. The demos run side by
 * side, each on an API instance of its own on the same table, since each moves its clock as it goes
 * (history is written on past business dates). Returns the demos' values by "<unit>.<name>".
 */
export async function runUnitDemos(api: BenchApi, cooperativeId: string, people: CoopPeople, members: Member[]): Promise<Record<string, string>> {
  for (const unit of installedUnits) await mutate(api, people.manager, 'enableUnit', { cooperativeId, unitId: unit.id, settings: unit.sampleSettings }, '__typename', 'UnitSettingsInput');
  const now = api.clock.now();
  const values: Record<string, string> = {};
  const tokens = { manager: people.manager, staff: people.staff, supervisor: people.supervisor };
  await Promise.all(
    installedUnits.map(async (unit) => {
      if (!unit.demo) return;
      const side = await serveApi(api.db, api.endpoint, now);
      try {
        const ctx = createDemoContext({
          cooperativeId,
          members: members.slice(0, 8),
          gql: (query, variables = {}, as = 'manager') => side.http.gql(query, variables, tokens[as]),
          today: () => localToday(side),
          setTime: (date, time = '09:00') => side.clock.set(new Date(`${date}T${time}:00+07:00`)),
        });
        for (const [name, value] of Object.entries((await unit.demo(ctx)) ?? {})) values[`${unit.id}.${name}`] = value;
      } finally {
        await side.close();
      }
    }),
  );
  return values;
}

/** Today in WIB on the API's clock. */
export function localToday(api: BenchApi): string {
  return new Date(api.clock.now().getTime() + 7 * 3_600_000).toISOString().slice(0, 10);
}
