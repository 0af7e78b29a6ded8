import type { AnyUnit } from '@kkmp/plugin-sdk';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApi, type TestApi } from '../support/api';
import { cityWithCoop } from '../support/fixtures';
import { businessItems, outcome } from '../support/outcome';
import { digest, notes } from './fixture-units';

let api: TestApi;
let f: Awaited<ReturnType<typeof cityWithCoop>>;
let other: Awaited<ReturnType<typeof cityWithCoop>>;
beforeAll(async () => {
  api = await startTestApi({ units: [notes, digest] as AnyUnit[] });
  f = await cityWithCoop(api, 'Kota Unit');
  other = await cityWithCoop(api, 'Kota Lain');
});
afterAll(() => api.close());

const enable = `mutation($input: UnitSettingsInput!) { enableUnit(input: $input) { __typename
  ... on EnableUnitSuccess { data { unitId enabled settings } }
  ... on ValidationError { code fields { field messageEn messageId } }
  ... on UnitDependencyError { code unitId units messageEn messageId }
  ... on Error { code messageEn } } }`;
const disable = `mutation($input: DisableUnitInput!) { disableUnit(input: $input) { __typename
  ... on DisableUnitSuccess { data { unitId enabled } }
  ... on UnitDependencyError { code unitId units messageId }
  ... on Error { code messageEn } } }`;
const add = `mutation($input: NotesAddInput!) { notesAdd(input: $input) { __typename
  ... on NotesAddSuccess { data { id text } } ... on UnitNotEnabledError { code unitId messageEn messageId } ... on Error { code } } }`;
const list = `query($id: ID!) { notesList(cooperativeId: $id) { text } }`;
const units = `query($id: ID!) { cooperative(id: $id) { ... on Cooperative { units(includeDisabled: true) { unitId enabled settings } } } }`;

describe('a unit is enabled, used, disabled and re-enabled per cooperative; its data survives', () => {
  it('enable -> use -> disable -> typed refusal -> re-enable -> data still there', async () => {
    const on = await api.gql(enable, { input: { cooperativeId: f.coopId, unitId: 'notes', settings: { maxLength: 50 } } }, f.manager);
    expect(on.data.enableUnit.data).toEqual({ unitId: 'notes', enabled: true, settings: { maxLength: 50, title: 'Catatan' } });

    const added = await api.gql(add, { input: { cooperativeId: f.coopId, text: 'Stok beras tinggal 10 karung' } }, f.manager);
    expect(added.data.notesAdd.__typename).toBe('NotesAddSuccess');
    const tooLong = await api.gql(add, { input: { cooperativeId: f.coopId, text: 'x'.repeat(51) } }, f.manager);
    expect(tooLong.data.notesAdd.code).toBe('VALIDATION');
    const texts = (await api.gql(list, { id: f.coopId }, f.manager)).data.notesList.map((n: { text: string }) => n.text);
    expect(texts).toEqual(['Selamat datang di Catatan', 'Stok beras tinggal 10 karung']);

    const off = await api.gql(disable, { input: { cooperativeId: f.coopId, unitId: 'notes' } }, f.manager);
    expect(off.data.disableUnit.data).toEqual({ unitId: 'notes', enabled: false });

    const refusedWrite = await api.gql(add, { input: { cooperativeId: f.coopId, text: 'lagi' } }, f.manager);
    expect(refusedWrite.data.notesAdd).toMatchObject({ __typename: 'UnitNotEnabledError', code: 'UNIT_NOT_ENABLED', unitId: 'notes' });
    expect(refusedWrite.data.notesAdd.messageId).toMatch(/Catatan \(notes\) belum diaktifkan/);
    const refusedRead = await api.gql(list, { id: f.coopId }, f.manager);
    expect(outcome(refusedRead, 'notesList')).toBe('UNIT_NOT_ENABLED');
    expect(refusedRead.errors?.[0].extensions.messageId).toMatch(/notes/);
    expect((await api.gql(units, { id: f.coopId }, f.manager)).data.cooperative.units).toEqual([{ unitId: 'notes', enabled: false, settings: { maxLength: 50, title: 'Catatan' } }]);

    const again = await api.gql(enable, { input: { cooperativeId: f.coopId, unitId: 'notes', settings: { maxLength: 60 } } }, f.manager);
    expect(again.data.enableUnit.data.enabled).toBe(true);
    const after = (await api.gql(list, { id: f.coopId }, f.manager)).data.notesList.map((n: { text: string }) => n.text);
    // The same two notes: nothing lost, and onEnable did not add a second welcome note.
    expect(after).toEqual(['Selamat datang di Catatan', 'Stok beras tinggal 10 karung']);
  });

  it('another cooperative is not affected by this one enabling a unit', async () => {
    const res = await api.gql(add, { input: { cooperativeId: other.coopId, text: 'x' } }, other.manager);
    expect(res.data.notesAdd.code).toBe('UNIT_NOT_ENABLED');
  });
});

describe('dependency rules', () => {
  it('refuses to enable a unit before its dependency, and to disable a unit others depend on', async () => {
    const early = await api.gql(enable, { input: { cooperativeId: other.coopId, unitId: 'digest', settings: {} } }, other.manager);
    expect(early.data.enableUnit).toMatchObject({ code: 'UNIT_DEPENDENCY', unitId: 'digest', units: ['notes'] });
    expect(early.data.enableUnit.messageId).toMatch(/aktifkan notes sebelum digest/);

    await api.gql(enable, { input: { cooperativeId: other.coopId, unitId: 'notes', settings: {} } }, other.manager);
    const ok = await api.gql(enable, { input: { cooperativeId: other.coopId, unitId: 'digest', settings: { hour: 7 } } }, other.manager);
    expect(ok.data.enableUnit.data).toMatchObject({ unitId: 'digest', enabled: true });

    const blocked = await api.gql(disable, { input: { cooperativeId: other.coopId, unitId: 'notes' } }, other.manager);
    expect(blocked.data.disableUnit).toMatchObject({ code: 'UNIT_DEPENDENCY', unitId: 'notes', units: ['digest'] });

    // A unit's own rule refuses with a typed BusinessRuleError carrying its rule code and figures.
    const cashier = await api.token({ userId: 'kasir', role: 'COOP_STAFF', coopId: other.rawCoopId, units: ['digest'] });
    const send = `mutation($input: DigestSendInput!) { digestSend(input: $input) { __typename ... on DigestSendSuccess { data }
      ... on BusinessRuleError { code rule field details messageId } } }`;
    const tooEarly = await api.gql(send, { input: { cooperativeId: other.coopId, hour: 6 } }, cashier);
    expect(tooEarly.data.digestSend).toEqual({ __typename: 'BusinessRuleError', code: 'BUSINESS_RULE', rule: 'TOO_EARLY', field: 'input.hour', details: { from: 7 }, messageId: 'ringkasan dikirim mulai pukul 7.00' });
    expect((await api.gql(send, { input: { cooperativeId: other.coopId, hour: 8 } }, cashier)).data.digestSend.data).toBe('sent');

    expect((await api.gql(disable, { input: { cooperativeId: other.coopId, unitId: 'digest' } }, other.manager)).data.disableUnit.data.enabled).toBe(false);
    expect((await api.gql(disable, { input: { cooperativeId: other.coopId, unitId: 'notes' } }, other.manager)).data.disableUnit.data.enabled).toBe(false);
  });
});

describe('settings are validated per field on enable and update', () => {
  it('names each bad settings field, in both languages, and writes nothing', async () => {
    const before = await businessItems(api.db);
    const res = await api.gql(enable, { input: { cooperativeId: other.coopId, unitId: 'notes', settings: { maxLength: 5, title: 'x' } } }, other.manager);
    expect(res.data.enableUnit.code).toBe('VALIDATION');
    expect(res.data.enableUnit.fields.map((x: { field: string }) => x.field).sort()).toEqual(['input.settings.maxLength', 'input.settings.title']);
    expect(res.data.enableUnit.fields[0].messageId).toMatch(/Terlalu kecil/);
    expect(await businessItems(api.db)).toEqual(before);

    const wrongType = await api.gql(enable, { input: { cooperativeId: other.coopId, unitId: 'notes', settings: { maxLength: 'banyak' } } }, other.manager);
    expect(wrongType.data.enableUnit.fields[0].field).toBe('input.settings.maxLength');
    const unknown = await api.gql(enable, { input: { cooperativeId: other.coopId, unitId: 'kolam', settings: {} } }, other.manager);
    expect(unknown.data.enableUnit.code).toBe('NOT_FOUND');
  });

  it('updateUnitSettings validates the same way and takes effect at once', async () => {
    const update = `mutation($input: UnitSettingsInput!) { updateUnitSettings(input: $input) { __typename ... on UpdateUnitSettingsSuccess { data { settings } } ... on ValidationError { fields { field } } ... on Error { code } } }`;
    expect((await api.gql(update, { input: { cooperativeId: f.coopId, unitId: 'notes', settings: { maxLength: 2000 } } }, f.manager)).data.updateUnitSettings.fields[0].field).toBe('input.settings.maxLength');
    await api.gql(update, { input: { cooperativeId: f.coopId, unitId: 'notes', settings: { maxLength: 10 } } }, f.manager);
    expect((await api.gql(add, { input: { cooperativeId: f.coopId, text: 'sebelas huruf' } }, f.manager)).data.notesAdd.code).toBe('VALIDATION');
  });

  it('the catalog shows each unit with its settings as JSON Schema', async () => {
    const res = await api.gql(`{ unitCatalog { id name { id en } dependsOn settingsSchema sampleSettings permissions { name roles } } }`, {}, f.manager);
    const n = res.data.unitCatalog.find((u: { id: string }) => u.id === 'notes');
    expect(n.name).toEqual({ id: 'Catatan', en: 'Notes' });
    expect(n.settingsSchema.properties.maxLength).toMatchObject({ type: 'integer', minimum: 10, maximum: 1000, default: 200 });
    expect(res.data.unitCatalog.find((u: { id: string }) => u.id === 'digest').dependsOn).toEqual(['notes']);
  });

  it("a unit's declared accounts join the cooperative's chart, named by the unit", async () => {
    const res = await api.gql(`query($id: ID!) { cooperative(id: $id) { ... on Cooperative { ledger { accounts { code kind name { en } } } } } }`, { id: f.coopId }, f.manager);
    expect(res.data.cooperative.ledger.accounts).toContainEqual({ code: 'digest.deposit', kind: 'LIABILITY', name: { en: 'Digest deposits' } });
    expect(res.data.cooperative.ledger.accounts).toContainEqual({ code: '4110', kind: 'REVENUE', name: { en: 'Revenue from members' } });
  });
});

describe('who may switch and use units', () => {
  it('managers and the city admin enable; staff and supervisors cannot; outsiders learn nothing', async () => {
    const staff = await api.token({ userId: 's', role: 'COOP_STAFF', coopId: f.rawCoopId, units: ['notes'] });
    const supervisor = await api.token({ userId: 'p', role: 'SUPERVISOR', coopId: f.rawCoopId });
    expect(outcome(await api.gql(enable, { input: { cooperativeId: f.coopId, unitId: 'digest', settings: {} } }, staff), 'enableUnit')).toBe('FORBIDDEN');
    expect(outcome(await api.gql(enable, { input: { cooperativeId: f.coopId, unitId: 'digest', settings: {} } }, supervisor), 'enableUnit')).toBe('FORBIDDEN');
    expect(outcome(await api.gql(enable, { input: { cooperativeId: f.coopId, unitId: 'digest', settings: {} } }, f.cityAdmin), 'enableUnit')).toBe('OK');
    expect(outcome(await api.gql(enable, { input: { cooperativeId: f.coopId, unitId: 'digest', settings: {} } }, other.cityAdmin), 'enableUnit')).toBe('FORBIDDEN');
  });

  it('staff use only the units named in their token; other tenants get FORBIDDEN before any enablement check', async () => {
    const cashier = await api.token({ userId: 'c1', role: 'COOP_STAFF', coopId: f.rawCoopId, units: ['notes'] });
    const otherCashier = await api.token({ userId: 'c2', role: 'COOP_STAFF', coopId: f.rawCoopId, units: ['sembako'] });
    expect(outcome(await api.gql(add, { input: { cooperativeId: f.coopId, text: 'kas' } }, cashier), 'notesAdd')).toBe('OK');
    expect(outcome(await api.gql(add, { input: { cooperativeId: f.coopId, text: 'kas' } }, otherCashier), 'notesAdd')).toBe('FORBIDDEN');
    // Supervisors read but hold no write permission.
    const supervisor = await api.token({ userId: 'p', role: 'SUPERVISOR', coopId: f.rawCoopId });
    expect(outcome(await api.gql(list, { id: f.coopId }, supervisor), 'notesList')).toBe('OK');
    expect(outcome(await api.gql(add, { input: { cooperativeId: f.coopId, text: 'x' } }, supervisor), 'notesAdd')).toBe('FORBIDDEN');
    // The other cooperative has notes disabled: its manager is still FORBIDDEN here, not told about enablement.
    expect(outcome(await api.gql(list, { id: f.coopId }, other.manager), 'notesList')).toBe('FORBIDDEN');
  });

  it('unit mutations are idempotent and audited like core ones', async () => {
    const input = { cooperativeId: f.coopId, text: 'sekali', idempotencyKey: 'note-once-0001' };
    const a = await api.gql(add, { input }, f.manager);
    const b = await api.gql(add, { input }, f.manager);
    expect(b.data).toEqual(a.data);
    const notesNow = (await api.gql(list, { id: f.coopId }, f.manager)).data.notesList.filter((n: { text: string }) => n.text === 'sekali');
    expect(notesNow).toHaveLength(1);
    const audit = await api.gql(`query($id: ID!) { cooperative(id: $id) { ... on Cooperative { auditLog(first: 100) { edges { node { operation outcome } } } } } }`, { id: f.coopId }, f.manager);
    const ops = audit.data.cooperative.auditLog.edges.map((e: any) => `${e.node.operation}:${e.node.outcome}`);
    expect(ops).toEqual(expect.arrayContaining(['notesAdd:OK', 'enableUnit:OK', 'disableUnit:OK', 'notesAdd:UNIT_NOT_ENABLED', 'notesAdd:FORBIDDEN', 'updateUnitSettings:VALIDATION']));
  });
});
