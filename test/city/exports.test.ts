import { seedDemoData } from '@kkmp/api/local';
import { csvParse, encodeId } from '@kkmp/plugin-sdk';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApi, type TestApi } from '../support/api';

// The CSV exports of the demo city, read back with a CSV parser, give the dashboard's figures exactly.
let api: TestApi;
let token: string;
let cityId: string;

const gql = async (query: string, variables: Record<string, unknown> = {}) => {
  const res = await api.gql(query, { id: cityId, ...variables }, token);
  expect(res.errors, JSON.stringify(res.errors)).toBeUndefined();
  return res.data.city;
};
const csv = async (kind: string): Promise<Record<string, string>[]> => csvParse((await gql(`query($id: ID!, $k: CityExport!) { city(id: $id) { ... on City { exportCsv(kind: $k) } } }`, { k: kind })).exportCsv, { columns: true });
const COUNTS = 'total formed legalEntity operating active inactive operatingWithoutActivity';
const asRow = (c: Record<string, number>) => ({ total: c.total, formed: c.formed, legal_entity: c.legalEntity, operating: c.operating, active: c.active, inactive: c.inactive, operating_without_activity: c.operatingWithoutActivity });
const numbers = (r: Record<string, string>) => Object.fromEntries(['total', 'formed', 'legal_entity', 'operating', 'active', 'inactive', 'operating_without_activity'].map((k) => [k, Number(r[k])]));

beforeAll(async () => {
  api = await startTestApi({ now: '2026-11-23T03:00:00Z' });
  const users = await seedDemoData(api.db, api.clock);
  const principal = users.find((u) => u.label === 'city')!.principal;
  token = await api.token(principal);
  cityId = encodeId('City', principal.cityId!);
}, 300_000);
afterAll(() => api?.close());

describe('CSV exports round-trip to the dashboard', () => {
  it('the activation table: each kelurahan and the city total equal the dashboard counts', async () => {
    const d = (await gql(`query($id: ID!) { city(id: $id) { ... on City { name dashboard { counts { ${COUNTS} } kelurahan { kelurahan { name kecamatan } counts { ${COUNTS} } } } } } }`)).dashboard;
    const rows = await csv('ACTIVATION');
    expect(rows).toHaveLength(d.kelurahan.length + 1);
    d.kelurahan.forEach((k: any, i: number) => {
      expect(rows[i]).toMatchObject({ kelurahan: k.kelurahan.name, kecamatan: k.kelurahan.kecamatan });
      expect(numbers(rows[i]!)).toEqual(asRow(k.counts));
    });
    expect(rows.at(-1)).toMatchObject({ kelurahan: 'TOTAL', kecamatan: 'Kota Bandung' });
    expect(numbers(rows.at(-1)!)).toEqual(asRow(d.counts));
    expect(Number(rows.at(-1)!.active)).toBeGreaterThan(0);
  });

  it('the figures per cooperative equal the list, cooperative by cooperative', async () => {
    const nodes: any[] = [];
    let after: string | null = null;
    do {
      const page: any = (await gql(`query($id: ID!, $after: String) { city(id: $id) { ... on City { cooperativeActivity(first: 100, after: $after) { totalCount pageInfo { hasNextPage endCursor } edges { node { active lastActivityDate daysSinceActivity members equityCollected unitsEnabled unitsTrading lastRatDate booksClosedLastYear cooperative { name status } } } } } } }`, { after })).cooperativeActivity;
      nodes.push(...page.edges.map((e: any) => e.node));
      after = page.pageInfo.hasNextPage ? page.pageInfo.endCursor : null;
    } while (after);
    const rows = await csv('COOPERATIVES');
    expect(rows.map((r) => r.cooperative)).toEqual(nodes.map((n) => n.cooperative.name));
    rows.forEach((r, i) => {
      const n = nodes[i];
      expect(r).toMatchObject({
        status: n.cooperative.status,
        active: n.active ? 'yes' : 'no',
        last_activity_date: n.lastActivityDate ?? '',
        days_since_activity: n.daysSinceActivity === null ? '' : String(n.daysSinceActivity),
        members: String(n.members),
        equity_collected: String(n.equityCollected),
        units_enabled: n.unitsEnabled.join(' '),
        units_trading: n.unitsTrading.join(' '),
        last_rat_date: n.lastRatDate ?? '',
        books_closed_last_year: n.booksClosedLastYear ? 'yes' : 'no',
      });
    });
    expect(rows.filter((r) => r.active === 'yes')).toHaveLength(nodes.filter((n) => n.active).length);
  });

  it('follow-ups and training attendance: one row per contact and per attendee', async () => {
    const c = await gql(`query($id: ID!) { city(id: $id) { ... on City { dashboard { constraints { constraint cooperatives } } overdueFollowUps { cooperative { name } } trainingAttendance { attendees { name } } } } }`);
    const followUps = await csv('FOLLOW_UPS');
    expect(followUps.length).toBeGreaterThanOrEqual(c.overdueFollowUps.length);
    for (const o of c.overdueFollowUps) expect(followUps.map((r) => r.cooperative)).toContain(o.cooperative.name);
    for (const { constraint, cooperatives } of c.dashboard.constraints) expect(followUps.filter((r) => (r.constraints ?? '').split(' ').includes(constraint)).length).toBeGreaterThanOrEqual(cooperatives);
    const attendance = await csv('TRAINING_ATTENDANCE');
    expect(attendance).toHaveLength(c.trainingAttendance.reduce((s: number, a: any) => s + a.attendees.length, 0));
    expect(new Set(attendance.map((r) => r.topic))).toEqual(new Set(['RAPBK', 'BOOKKEEPING']));
  });
});
