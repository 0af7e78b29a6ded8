import { startUnitTestHost, type UnitTestHost } from '@kkmp/unit-testing';
import kolamretensi from '../src/index';

const SELECTIONS: Record<string, string> = {
  kolamretensiCreatePond: 'id name',
  kolamretensiAddSensor: 'id name kind',
  kolamretensiIssueSensorCredential: 'id label token revokedAt',
  kolamretensiRevokeSensorCredential: 'id revokedAt token',
  kolamretensiRecordReadings: 'stored duplicates alertsRaised alertsWithdrawn latestLevelCm latestLevel',
  kolamretensiLogOperation: 'at date kind equipment completedMaintenance',
  kolamretensiScheduleMaintenance: 'id nextDue status daysLeft',
  kolamretensiCreateCage: 'id name',
  kolamretensiStockCage: 'date kind fish amount',
  kolamretensiFeedCage: 'date kind grams amount',
  kolamretensiHarvestCage: 'date kind grams',
  kolamretensiSellFish: 'date kind grams amount',
  kolamretensiSellTickets: 'date kind count amount',
  kolamretensiCreateRental: 'id monthlyRent',
  kolamretensiBillRentals: 'id month amount space',
  kolamretensiPayRentalBill: 'id paidOn',
  kolamretensiPostCityShare: 'month revenue revenueShareBps amount date',
  kolamretensiUpdatePond: 'id thresholds { siaga3Cm }',
};

/** Sirnaraga-like: 19,473 m³, Bandung's thresholds (750 / 850 / 950 cm), 30% to the city. */
export const SIRNARAGA = {
  name: 'Kolam Retensi Sirnaraga',
  location: 'Jl. Sirnaraga, Kota Bandung',
  capacityM3: 19_473,
  areaM2: 8_200,
  pumps: [{ name: 'Pompa 1', capacityLps: 450 }, { name: 'Pompa 2', capacityLps: 450 }],
  gates: ['Pintu inlet', 'Pintu outlet'],
  thresholds: { siaga3Cm: 750, siaga2Cm: 850, siaga1Cm: 950 },
  agreement: { number: 'PKS/012/DSDABM/2026', startDate: '2026-01-01', endDate: '2030-12-31', revenueShareBps: 3_000, obligations: ['Bersihkan saringan sampah tiap minggu', 'Laporan bulanan'] },
};

export interface Pond {
  host: UnitTestHost;
  run(field: string, input: Record<string, unknown>, token?: string, auth?: string): Promise<any>;
  ok(field: string, input: Record<string, unknown>, token?: string, auth?: string): Promise<any>;
  query(q: string, vars?: Record<string, unknown>): Promise<any>;
  /** A raw GraphQL request with an Authorization header as given. */
  raw(query: string, variables: Record<string, unknown>, authorization?: string): Promise<{ status: number; body: any }>;
  pond(overrides?: Record<string, unknown>): Promise<string>;
  sensor(pondId: string, kind?: 'MANUAL' | 'AUTOMATIC'): Promise<string>;
  close(): Promise<void>;
}

const typeName = (field: string) => `${field[0]!.toUpperCase()}${field.slice(1)}`;

export async function startPond(now = '2026-03-16T02:00:00Z'): Promise<Pond> {
  const host = await startUnitTestHost([kolamretensi], { now });
  await host.enable(host.a, 'kolamretensi', kolamretensi.sampleSettings);
  const raw: Pond['raw'] = async (query, variables, authorization) => {
    const res = await fetch(host.url, { method: 'POST', headers: { 'content-type': 'application/json', ...(authorization ? { authorization } : {}) }, body: JSON.stringify({ query, variables }) });
    return { status: res.status, body: await res.json() };
  };
  const run: Pond['run'] = async (field, input, token = host.a.manager, auth) => {
    const q = `mutation($input: ${typeName(field)}Input!) { ${field}(input: $input) { __typename
      ... on ${typeName(field)}Success { data { ${SELECTIONS[field] ?? '__typename'} } }
      ... on ValidationError { fields { field messageEn messageId } }
      ... on BusinessRuleError { rule field details }
      ... on Error { code messageEn messageId } } }`;
    const r = await raw(q, { input: { cooperativeId: host.a.id, ...input } }, auth ?? `Bearer ${token}`);
    if (r.body.errors) throw new Error(JSON.stringify(r.body.errors));
    return r.body.data[field];
  };
  const ok: Pond['ok'] = async (field, input, token, auth) => {
    const r = await run(field, input, token, auth);
    if (!String(r.__typename).endsWith('Success')) throw new Error(`${field}: ${JSON.stringify(r)}`);
    return r.data;
  };
  const query: Pond['query'] = async (q, vars = {}) => {
    const r = await host.gql(q, { c: host.a.id, ...vars }, host.a.manager);
    if (r.errors) throw new Error(JSON.stringify(r.errors));
    return r.data;
  };
  return {
    host,
    run,
    ok,
    query,
    raw,
    pond: async (overrides = {}) => (await ok('kolamretensiCreatePond', { ...SIRNARAGA, ...overrides })).id,
    sensor: async (pondId, kind = 'AUTOMATIC') => (await ok('kolamretensiAddSensor', { pondId, name: `Sensor ${kind.toLowerCase()}`, kind })).id,
    close: () => host.close(),
  };
}

/** The alert log of a pond over a wide window, as (sensor, at, from, to); one page (tests stay under 100). */
export async function alertLog(p: Pond, pondId: string, from = '2026-01-01', to = '2026-12-31') {
  const d = await p.query(`query($c: ID!, $p: ID!, $from: Date!, $to: Date!) { kolamretensiAlerts(cooperativeId: $c, pondId: $p, from: $from, to: $to) { sensorId at levelCm from to direction } }`, { p: pondId, from, to });
  if (d.kolamretensiAlerts.length >= 100) throw new Error('alert log longer than a page');
  return d.kolamretensiAlerts as { sensorId: string; at: string; levelCm: number; from: string; to: string; direction: string }[];
}
