import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApi, type TestApi } from '../support/api';
import { unitCalls } from '../support/business-date';
import { cityWithCoop, nextNik, ops, rawIds } from '../support/fixtures';
import { outcome } from '../support/outcome';

// Activity is measured from what the cooperative records, on each event's business date, against a window
// ending today on the API's clock (30 days by default). The shop opens on Monday 2 March 2026, 10:00 WIB.
let api: TestApi;
let f: Awaited<ReturnType<typeof cityWithCoop>>;
let idle: { coopId: string };
let sugar = '';
const { ok } = unitCalls(() => ({ api, coopId: f.coopId, manager: f.manager }), 'id');

const ACTIVITY = `active lastActivityDate daysSinceActivity members equityCollected unitsEnabled unitsTrading savingsLastDate lastRatDate booksClosedLastYear`;
const activityOf = async (coopId: string, token = f.cityAdmin) => {
  const res = await api.gql(`query($id: ID!) { cooperative(id: $id) { ... on Cooperative { activity { ${ACTIVITY} } } } }`, { id: coopId }, token);
  expect(res.errors, JSON.stringify(res.errors)).toBeUndefined();
  return res.data.cooperative.activity;
};
const counts = async () => {
  const res = await api.gql(`query($id: ID!) { city(id: $id) { ... on City { dashboard { asOf activeSince windowDays counts { total active inactive operatingWithoutActivity } units { unitId enabled trading } } } } }`, { id: f.cityId }, f.cityAdmin);
  expect(res.errors, JSON.stringify(res.errors)).toBeUndefined();
  return res.data.city.dashboard;
};
const sell = (businessDate?: string) => ok('sembakoSell', { lines: [{ productId: sugar, quantity: 1 }], paymentMethod: 'CASH', ...(businessDate ? { businessDate } : {}) });
const at = (date: string) => api.clock.set(`${date}T03:00:00Z`);

beforeAll(async () => {
  api = await startTestApi({ now: '2026-03-02T03:00:00Z' });
  f = await cityWithCoop(api, 'Kota Aktivitas');
  const region = (await api.gql(`query($id: ID!) { city(id: $id) { ... on City { regionCode } } }`, { id: f.cityId }, f.cityAdmin)).data.city.regionCode;
  const kel = await api.gql(ops.createKelurahan, { input: { cityId: f.cityId, name: 'Sepi', kecamatan: 'Sukajadi', regionCode: `${region}011002` } }, f.cityAdmin);
  const coop = await api.gql(ops.createCooperative, { input: { kelurahanId: kel.data.createKelurahan.data.id, name: 'KKMP Sepi', legalName: 'Koperasi Kelurahan Merah Putih Sepi' } }, f.cityAdmin);
  idle = { coopId: coop.data.createCooperative.data.id };
}, 60_000);
afterAll(() => api?.close());

describe('activity is measured from business events, on their business dates', () => {
  it('a cooperative that recorded nothing is not active, and a new one has no date', async () => {
    expect(await activityOf(f.coopId)).toMatchObject({ active: false, lastActivityDate: null, daysSinceActivity: null, unitsEnabled: [], unitsTrading: [] });
  });

  it('enabling a unit shows at once; the first purchase and sale make the cooperative active today', async () => {
    const enabled = await api.gql(`mutation($input: UnitSettingsInput!) { enableUnit(input: $input) { __typename } }`, { input: { cooperativeId: f.coopId, unitId: 'sembako', settings: {} } }, f.manager);
    expect(enabled.data.enableUnit.__typename).toBe('EnableUnitSuccess');
    expect(await activityOf(f.coopId)).toMatchObject({ active: false, unitsEnabled: ['sembako'], unitsTrading: [] });
    sugar = (await ok('sembakoCreateProduct', { sku: 'GULA-1KG', name: 'Gula 1 kg', unitOfMeasure: 'GRAM', packSize: 1000, packName: 'pak', nonMemberPrice: 17_500 })).id;
    const supplier = (await ok('sembakoCreateSupplier', { name: 'Perum Bulog', kind: 'BULOG' })).id;
    await ok('sembakoReceiveGoods', { supplierId: supplier, payment: 'CASH', lines: [{ productId: sugar, quantity: 200, unitCost: 16_000 }] });
    await sell();
    expect(await activityOf(f.coopId)).toMatchObject({ active: true, lastActivityDate: '2026-03-02', daysSinceActivity: 0, unitsTrading: ['sembako'] });
    expect(await counts()).toMatchObject({ asOf: '2026-03-02', windowDays: 30, counts: { total: 2, active: 1, inactive: 1 }, units: [{ unitId: 'sembako', enabled: 1, trading: 1 }] });
  });

  it('as the window passes the cooperative stops being active (day 30 in, day 31 out)', async () => {
    at('2026-03-31');
    expect(await activityOf(f.coopId)).toMatchObject({ active: true, daysSinceActivity: 29 });
    at('2026-04-01');
    expect(await activityOf(f.coopId)).toMatchObject({ active: false, daysSinceActivity: 30, unitsTrading: [] });
    expect(await counts()).toMatchObject({ activeSince: '2026-03-03', counts: { active: 0, inactive: 2 }, units: [{ unitId: 'sembako', enabled: 1, trading: 0 }] });
  });

  it('a back-dated sale counts on its business date: inside the window it makes the cooperative active again', async () => {
    await sell('2026-03-25');
    expect(await activityOf(f.coopId)).toMatchObject({ active: true, lastActivityDate: '2026-03-25', daysSinceActivity: 7 });
  });

  it('the city sets its own window; a shorter one leaves the same cooperative out', async () => {
    const set = (days: number) =>
      api.gql(`mutation($input: SetCitySettingsInput!) { setCitySettings(input: $input) { __typename ... on SetCitySettingsSuccess { data { activityWindowDays } } ... on ValidationError { fields { field messageEn messageId } } } }`, { input: { cityId: f.cityId, activityWindowDays: days } }, f.cityAdmin);
    expect((await set(7)).data.setCitySettings.data.activityWindowDays).toBe(7);
    expect(await activityOf(f.coopId)).toMatchObject({ active: false });
    expect((await counts()).activeSince).toBe('2026-03-26');
    const bad = (await set(0)).data.setCitySettings;
    expect(bad.__typename).toBe('ValidationError');
    expect(bad.fields[0]).toMatchObject({ field: 'input.activityWindowDays', messageEn: 'must be 1 to 366 days', messageId: 'harus 1 sampai 366 hari' });
    await set(30);
    expect(await activityOf(f.coopId)).toMatchObject({ active: true });
  });

  it('an older back-dated sale never moves the latest date back', async () => {
    await sell();
    await sell('2026-03-20');
    expect(await activityOf(f.coopId)).toMatchObject({ lastActivityDate: '2026-04-01', daysSinceActivity: 0 });
  });

  it('members and savings: registering counts members, an equity payment is savings activity, leaving takes one off', async () => {
    const reg = async (name: string) => (await api.gql(ops.registerMember, { input: { cooperativeId: idle.coopId, nik: nextNik(), name, address: 'Jl. Sepi 1', joinDate: '2026-03-10' } }, await idleManager())).data.registerMember.data.id as string;
    const a = await reg('Ani');
    await reg('Budi');
    expect(await activityOf(idle.coopId)).toMatchObject({ members: 2, active: false, savingsLastDate: null });
    const paid = await api.gql(ops.recordEquityPayment, { input: { memberId: a, kind: 'POKOK', amount: 50_000, businessDate: '2026-03-30' } }, await idleManager());
    expect(paid.data.recordEquityPayment.__typename).toBe('RecordEquityPaymentSuccess');
    expect(await activityOf(idle.coopId)).toMatchObject({ active: true, lastActivityDate: '2026-03-30', savingsLastDate: '2026-03-30', unitsTrading: [], equityCollected: 50_000 });
    await api.gql(ops.recordEquityPayment, { input: { memberId: a, kind: 'WAJIB', amount: 20_000 } }, await idleManager());
    await api.gql(ops.recordEquityPayment, { input: { memberId: a, kind: 'WAJIB', amount: 20_000, businessDate: '2026-03-31' } }, await idleManager());
    expect(await activityOf(idle.coopId)).toMatchObject({ lastActivityDate: '2026-04-01', equityCollected: 90_000 });
    const end = await api.gql(`mutation($input: EndMembershipInput!) { endMembership(input: $input) { __typename } }`, { input: { memberId: a, status: 'RESIGNED' } }, await idleManager());
    expect(end.data.endMembership.__typename).toBe('EndMembershipSuccess');
    expect((await activityOf(idle.coopId)).members).toBe(1);
  });
});

async function idleManager() {
  return api.token({ userId: 'idle-manager', role: 'COOP_MANAGER', coopId: rawIds(idle.coopId)[0]! });
}

describe('who sees a summary', () => {
  it('its managers and supervisors see their own; members and cashiers see none; cooperative people see no city figures', async () => {
    const coop = rawIds(f.coopId)[0]!;
    const as = async (role: string, extra: Record<string, unknown> = {}) => api.token({ userId: `u-${role}`, role: role as never, coopId: coop, ...extra });
    expect((await activityOf(f.coopId, f.manager)).active).toBe(true);
    expect((await activityOf(f.coopId, await as('SUPERVISOR'))).active).toBe(true);
    for (const token of [await as('MEMBER', { memberId: 'x' }), await as('COOP_STAFF', { units: ['sembako'] })]) {
      const res = await api.gql(`query($id: ID!) { cooperative(id: $id) { ... on Cooperative { name activity { active } } } }`, { id: f.coopId }, token);
      expect(res.data.cooperative).toEqual({ name: expect.any(String), activity: null });
      expect(res.errors?.map((e: any) => e.extensions.code)).toEqual(['FORBIDDEN']);
    }
    // Another cooperative's summary, even in the same city: refused.
    const res = await api.gql(`query($id: ID!) { cooperative(id: $id) { __typename ... on Error { code } } }`, { id: idle.coopId }, f.manager);
    expect(outcome(res, 'cooperative')).toBe('FORBIDDEN');
    const city = await api.gql(`query($id: ID!) { city(id: $id) { ... on City { name dashboard { counts { total } } } } }`, { id: f.cityId }, f.manager);
    expect(city.data.city).toEqual({ name: 'Kota Aktivitas', dashboard: null });
    expect(city.errors?.map((e: any) => e.extensions.code)).toEqual(['FORBIDDEN']);
  });
});
