import { csvParse } from '@kkmp/plugin-sdk';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApi, type TestApi } from '../support/api';
import { unitCalls } from '../support/business-date';
import { cityWithCoop, ops } from '../support/fixtures';
import { businessItems } from '../support/outcome';

// The city office's follow-up work: contacts and constraints, the overdue list, training and who has not
// attended a topic, partners and supply agreements with the volume bought under each. Tuesday 10 March 2026.
let api: TestApi;
let f: Awaited<ReturnType<typeof cityWithCoop>>;
let other = '';
const { ok } = unitCalls(() => ({ api, coopId: f.coopId, manager: f.manager }), 'id');

const RESULT = `__typename ... on ValidationError { code fields { field messageEn messageId } } ... on Error { code messageEn messageId }`;
async function mutate(field: string, input: Record<string, unknown>, selection = 'id') {
  const type = `${field[0]!.toUpperCase()}${field.slice(1)}`;
  return (await api.gql(`mutation($input: ${type}Input!) { ${field}(input: $input) { ${RESULT} ... on ${type}Success { data { ${selection} } } } }`, { input }, f.cityAdmin)).data[field];
}
async function city(selection: string, variables: Record<string, unknown> = {}, types = '') {
  const res = await api.gql(`query($id: ID!${types}) { city(id: $id) { ... on City { ${selection} } } }`, { id: f.cityId, ...variables }, f.cityAdmin);
  expect(res.errors, JSON.stringify(res.errors)).toBeUndefined();
  return res.data.city;
}

beforeAll(async () => {
  api = await startTestApi({ now: '2026-03-10T03:00:00Z' });
  f = await cityWithCoop(api, 'Kota Pembinaan');
  const region = (await city('regionCode')).regionCode;
  const kel = await api.gql(ops.createKelurahan, { input: { cityId: f.cityId, name: 'Lain', kecamatan: 'Sukajadi', regionCode: `${region}011002` } }, f.cityAdmin);
  other = (await api.gql(ops.createCooperative, { input: { kelurahanId: kel.data.createKelurahan.data.id, name: 'KKMP Lain', legalName: 'Koperasi Lain' } }, f.cityAdmin)).data.createCooperative.data.id;
}, 60_000);
afterAll(() => api?.close());

describe('follow-ups', () => {
  it('refuses bad contacts field by field, in both languages, and writes nothing', async () => {
    const before = await businessItems(api.db);
    const cases: [Record<string, unknown>, string, RegExp][] = [
      [{ date: '2026-03-11' }, 'input.date', /future/],
      [{ date: '2026-03-05', nextFollowUpDate: '2026-03-05' }, 'input.nextFollowUpDate', /after the contact date/],
      [{ constraints: ['CAPITAL', 'CAPITAL'] }, 'input.constraints', /twice/],
      [{ actions: [' '] }, 'input.actions.0', /empty/],
    ];
    for (const [extra, field, en] of cases) {
      const res = await mutate('recordFollowUp', { cooperativeId: f.coopId, kind: 'VISIT', ...extra });
      expect(res.__typename, JSON.stringify(res)).toBe('ValidationError');
      const issue = res.fields.find((x: any) => x.field === field);
      expect(issue?.messageEn, JSON.stringify(res.fields)).toMatch(en);
      expect(issue.messageId).not.toBe(issue.messageEn);
    }
    expect(await businessItems(api.db)).toEqual(before);
  });

  it('keeps the log, lists overdue follow-ups as the clock passes them, and counts constraints of the latest contact', async () => {
    const note = 'Modal kurang, "tempat" belum ada;\nrapat ulang';
    expect((await mutate('recordFollowUp', { cooperativeId: f.coopId, date: '2026-03-02', kind: 'MEETING_AT_CITY_HALL', constraints: ['CAPITAL', 'PREMISES'], notes: note, actions: ['Ajukan proposal ke bank'], nextFollowUpDate: '2026-03-09' })).__typename).toBe('RecordFollowUpSuccess');
    expect((await mutate('recordFollowUp', { cooperativeId: other, kind: 'CALL', constraints: ['UNDERSTANDING'], nextFollowUpDate: '2026-03-20' })).__typename).toBe('RecordFollowUpSuccess');
    const overdue = async () => (await city('overdueFollowUps { cooperative { name } nextFollowUpDate constraints } dashboard { overdueFollowUps constraints { constraint cooperatives } }'));
    let v = await overdue();
    expect(v.overdueFollowUps).toEqual([{ cooperative: { name: expect.stringMatching(/Sukamaju/) }, nextFollowUpDate: '2026-03-09', constraints: ['CAPITAL', 'PREMISES'] }]);
    expect(v.dashboard.constraints.filter((c: any) => c.cooperatives > 0)).toEqual([{ constraint: 'UNDERSTANDING', cooperatives: 1 }, { constraint: 'CAPITAL', cooperatives: 1 }, { constraint: 'PREMISES', cooperatives: 1 }]);
    api.clock.set('2026-03-21T03:00:00Z');
    v = await overdue();
    expect(v.overdueFollowUps.map((o: any) => o.nextFollowUpDate)).toEqual(['2026-03-09', '2026-03-20']);
    // A contact typed in late for an earlier day does not replace the latest; a new one does.
    await mutate('recordFollowUp', { cooperativeId: f.coopId, date: '2026-03-01', kind: 'CALL', constraints: ['LEGAL'] });
    expect((await overdue()).dashboard.overdueFollowUps).toBe(2);
    await mutate('recordFollowUp', { cooperativeId: f.coopId, kind: 'VISIT', constraints: ['MANAGEMENT'], actions: ['Pelatihan pembukuan'], nextFollowUpDate: '2026-04-15' });
    v = await overdue();
    expect(v.overdueFollowUps.map((o: any) => o.nextFollowUpDate)).toEqual(['2026-03-20']);
    const log = await city('followUps(cooperativeId: $c) { edges { node { date kind constraints notes actions nextFollowUpDate } } }', { c: f.coopId }, ', $c: ID!');
    expect(log.followUps.edges.map((e: any) => e.node.date)).toEqual(['2026-03-21', '2026-03-02', '2026-03-01']);
    // The export keeps commas, quotes and line breaks of the notes whole.
    const rows = csvParse((await city('exportCsv(kind: FOLLOW_UPS)')).exportCsv, { columns: true }) as Record<string, string>[];
    expect(rows).toHaveLength(4);
    expect(rows.find((r) => r.date === '2026-03-02')).toMatchObject({ kind: 'MEETING_AT_CITY_HALL', constraints: 'CAPITAL PREMISES', notes: note, next_follow_up_date: '2026-03-09' });
  });
});

describe('training', () => {
  it('records sessions and attendance, and names the cooperatives that have not attended a topic', async () => {
    const bad = await mutate('createTrainingSession', { cityId: f.cityId, topic: 'RAPBK', title: 'RAPBK', startDate: '2026-03-12', endDate: '2026-03-11', venue: 'Aula' });
    expect(bad.fields[0]).toMatchObject({ field: 'input.endDate', messageEn: 'must not be before the start date' });
    const session = await mutate('createTrainingSession', { cityId: f.cityId, topic: 'RAPBK', title: 'Menyusun RAPBK', startDate: '2026-03-12', endDate: '2026-03-13', venue: 'Aula Dinas' }, 'id topic');
    expect(session.__typename).toBe('CreateTrainingSessionSuccess');
    const without = async (topic: string) => (await city(`cooperativesWithoutTraining(topic: ${topic}) { name }`)).cooperativesWithoutTraining.map((c: any) => c.name);
    expect(await without('RAPBK')).toHaveLength(2);
    const attended = await mutate('recordTrainingAttendance', { sessionId: session.data.id, cooperativeId: f.coopId, attendees: [{ name: 'Ibu Ketua', position: 'Ketua' }, { name: 'Pak Bendahara', position: 'Bendahara' }] }, 'topic attendees { name position }');
    expect(attended.data).toEqual({ topic: 'RAPBK', attendees: [{ name: 'Ibu Ketua', position: 'Ketua' }, { name: 'Pak Bendahara', position: 'Bendahara' }] });
    expect(await without('RAPBK')).toEqual(['KKMP Lain']);
    expect(await without('TAX')).toHaveLength(2);
    const rows = csvParse((await city('exportCsv(kind: TRAINING_ATTENDANCE)')).exportCsv, { columns: true }) as Record<string, string>[];
    expect(rows.map((r) => [r.session, r.topic, r.attendee])).toEqual([['Menyusun RAPBK', 'RAPBK', 'Ibu Ketua'], ['Menyusun RAPBK', 'RAPBK', 'Pak Bendahara']]);
  });
});

describe('partners and supply agreements', () => {
  it("a purchase under an agreement adds to the agreement's volume; another cooperative's agreement is refused", async () => {
    const bulog = (await mutate('createPartner', { cityId: f.cityId, name: 'Perum Bulog', kind: 'STATE_OWNED', offers: ['Beras SPHP'] })).data.id;
    const agreement = (await mutate('createSupplyAgreement', { cooperativeId: f.coopId, partnerId: bulog, goods: 'Beras SPHP 5 kg', terms: 'Rp11.300/kg, tunai', startDate: '2026-03-01' })).data.id;
    const theirs = (await mutate('createSupplyAgreement', { cooperativeId: other, partnerId: bulog, goods: 'Beras SPHP', terms: 'tunai', startDate: '2026-03-01' })).data.id;
    const enabled = await api.gql(`mutation($input: UnitSettingsInput!) { enableUnit(input: $input) { __typename } }`, { input: { cooperativeId: f.coopId, unitId: 'sembako', settings: {} } }, f.manager);
    expect(enabled.data.enableUnit.__typename).toBe('EnableUnitSuccess');
    const rice = (await ok('sembakoCreateProduct', { sku: 'BERAS-SPHP-5KG', name: 'Beras SPHP 5 kg', unitOfMeasure: 'GRAM', packSize: 5000, packName: 'karung', nonMemberPrice: 62_500 })).id;
    const supplier = (await ok('sembakoCreateSupplier', { name: 'Perum Bulog', kind: 'BULOG' })).id;
    const receive = (supplyAgreementId: string, quantity: number) => ok('sembakoReceiveGoods', { supplierId: supplier, payment: 'CASH', supplyAgreementId, lines: [{ productId: rice, quantity, unitCost: 56_500 }] }, undefined, 'id total');
    expect((await receive(agreement, 20)).total).toBe(1_130_000);
    await receive(agreement, 10);
    // Document numbers are taken outside the transaction (a refused receipt leaves a gap, by design): all else stays.
    const records = async () => (await businessItems(api.db)).filter((i) => i.type !== 'Counter');
    const before = await records();
    const refused = await api.gql(`mutation($input: SembakoReceiveGoodsInput!) { sembakoReceiveGoods(input: $input) { ${RESULT} } }`, { input: { cooperativeId: f.coopId, supplierId: supplier, payment: 'CASH', supplyAgreementId: theirs, lines: [{ productId: rice, quantity: 1, unitCost: 56_500 }] } }, f.manager);
    expect(refused.data.sembakoReceiveGoods.fields).toEqual([{ field: 'input.supplyAgreementId', messageEn: 'is not a supply agreement of this cooperative', messageId: 'bukan perjanjian pasokan koperasi ini' }]);
    expect(await records()).toEqual(before);
    const list = (await city('partners { name kind offers } supplyAgreements { id goods status volume { amount purchases } }'));
    expect(list.partners).toEqual([{ name: 'Perum Bulog', kind: 'STATE_OWNED', offers: ['Beras SPHP'] }]);
    expect(list.supplyAgreements.find((a: any) => a.id === agreement)).toMatchObject({ status: 'ACTIVE', volume: { amount: 1_695_000, purchases: 2 } });
    expect(list.supplyAgreements.find((a: any) => a.id === theirs).volume).toEqual({ amount: 0, purchases: 0 });
  });
});
