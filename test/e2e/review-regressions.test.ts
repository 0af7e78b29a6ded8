import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApi, type TestApi } from '../support/api';
import { cityWithCoop, nextNik, ops } from '../support/fixtures';
import { outcome } from '../support/outcome';

let api: TestApi;
let f: Awaited<ReturnType<typeof cityWithCoop>>;
beforeAll(async () => {
  api = await startTestApi({ now: '2026-03-15T03:00:00Z' });
  f = await cityWithCoop(api, 'Kota Regresi');
});
afterAll(() => api.close());

const register = (name: string, extra: Record<string, unknown> = {}) =>
  api.gql(ops.registerMember, { input: { cooperativeId: f.coopId, nik: nextNik(), name, address: 'Jl. Uji 1', joinDate: '2026-01-05', ...extra } }, f.manager);

describe('concurrency', () => {
  it('30 people registered at once all get distinct member numbers', async () => {
    const results = await Promise.all(Array.from({ length: 30 }, (_, i) => register(`Anggota ${i}`)));
    expect(results.map((r) => r.data.registerMember.__typename)).toEqual(Array(30).fill('RegisterMemberSuccess'));
    const numbers = results.map((r) => r.data.registerMember.data.memberNumber);
    expect(new Set(numbers).size).toBe(30);
  });

  it('concurrent twins of a pokok payment (same key) all get the first answer; paid once', async () => {
    const member = (await register('Kembar')).data.registerMember.data.id;
    const input = { idempotencyKey: 'pokok-twins-0001', memberId: member, kind: 'POKOK', amount: 50000 };
    const answers = await Promise.all(Array.from({ length: 6 }, () => api.gql(ops.recordEquityPayment, { input }, f.manager)));
    expect(answers.map((a) => a.data.recordEquityPayment.__typename)).toEqual(Array(6).fill('RecordEquityPaymentSuccess'));
    expect(new Set(answers.map((a) => a.data.recordEquityPayment.data.payment.id)).size).toBe(1);
  });
});

describe('equity rules', () => {
  it('raising simpanan pokok later does not re-bill members who joined before; only the board changes it', async () => {
    const before = (await register('Lama')).data.registerMember.data.id;
    const update = `mutation($input: UpdateCooperativeInput!) { updateCooperative(input: $input) { __typename ... on Error { code } } }`;
    expect(outcome(await api.gql(update, { input: { cooperativeId: f.coopId, equity: { simpananPokok: 100000, simpananWajib: 20000 } } }, f.cityAdmin), 'updateCooperative')).toBe('FORBIDDEN');
    expect(outcome(await api.gql(update, { input: { cooperativeId: f.coopId, equity: { simpananPokok: 100000, simpananWajib: 20000 } } }, f.manager), 'updateCooperative')).toBe('OK');
    const after = (await register('Baru')).data.registerMember.data.id;
    const pay = (memberId: string, amount: number) => api.gql(ops.recordEquityPayment, { input: { memberId, kind: 'POKOK', amount } }, f.manager);
    expect(outcome(await pay(before, 50000), 'recordEquityPayment')).toBe('OK');
    expect((await pay(after, 50000)).data.recordEquityPayment.fields[0].field).toBe('input.amount');
    expect(outcome(await pay(after, 100000), 'recordEquityPayment')).toBe('OK');
    const eq = await api.gql(`query($id: ID!) { member(id: $id) { ... on Member { equity { pokokDue pokokPaid } } } }`, { id: before }, f.manager);
    expect(eq.data.member.equity).toEqual({ pokokDue: 50000, pokokPaid: 50000 });
  });

  it('a member must be of age on joining; back-dated wajib changes are refused', async () => {
    const child = await api.gql(ops.registerMember, { input: { cooperativeId: f.coopId, nik: '3273104506150001', name: 'Anak', address: 'Jl. Uji', joinDate: '2026-01-05' } }, f.manager);
    expect(child.data.registerMember.fields[0].field).toBe('input.joinDate');
    expect(child.data.registerMember.fields[0].messageId).toMatch(/minimal berusia 17 tahun/);
    const m = (await register('Wajib')).data.registerMember.data.id;
    const res = await api.gql(
      `mutation($input: UpdateMemberInput!) { updateMember(input: $input) { __typename ... on ValidationError { fields { field } } } }`,
      { input: { memberId: m, simpananWajib: 30000, simpananWajibFrom: '2026-01' } },
      f.manager,
    );
    expect(res.data.updateMember.fields[0].field).toBe('input.simpananWajibFrom');
  });

  it('supervisors read the arrears list; an impossible or far as-of date is a typed error', async () => {
    const supervisor = await api.token({ userId: 'pengawas', role: 'SUPERVISOR', coopId: f.rawCoopId });
    const q = `query($id: ID!, $asOf: Date) { cooperative(id: $id) { ... on Cooperative { equityArrears(asOf: $asOf) { member { name } wajibArrears } } } }`;
    const ok = await api.gql(q, { id: f.coopId }, supervisor);
    expect(ok.errors).toBeUndefined();
    expect(ok.data.cooperative.equityArrears.length).toBeGreaterThan(0);
    expect((await api.gql(q, { id: f.coopId, asOf: '2026-02-30' }, supervisor)).errors?.[0].message).toMatch(/real date/);
    expect((await api.gql(q, { id: f.coopId, asOf: '9999-12-31' }, supervisor)).errors?.[0].extensions.code).toBe('VALIDATION');
  });
});

describe('the cashier desk', () => {
  it('accepts NIK and phone as printed (spaces, dashes), finds members by NIK, and lets a former member rejoin', async () => {
    const nik = nextNik('FEMALE');
    const spaced = `${nik.slice(0, 4)} ${nik.slice(4, 8)} ${nik.slice(8, 12)} ${nik.slice(12)}`;
    const res = await api.gql(ops.registerMember, { input: { cooperativeId: f.coopId, nik: spaced, name: 'Rina', address: 'Jl. Uji 2', phone: '0812-3456 7890', joinDate: '2026-01-05' } }, f.manager);
    expect(res.data.registerMember.data.nik).toBe(nik);
    const find = `query($id: ID!, $nik: String!) { cooperative(id: $id) { ... on Cooperative { memberByNik(nik: $nik) { name memberNumber phone } } } }`;
    const found = (await api.gql(find, { id: f.coopId, nik: spaced }, f.manager)).data.cooperative.memberByNik;
    expect(found).toMatchObject({ name: 'Rina', phone: '081234567890' });

    await api.gql(
      `mutation($input: EndMembershipInput!) { endMembership(input: $input) { __typename } }`,
      { input: { memberId: res.data.registerMember.data.id, status: 'RESIGNED' } },
      f.manager,
    );
    expect((await api.gql(find, { id: f.coopId, nik }, f.manager)).data.cooperative.memberByNik).toBeNull();
    const again = await api.gql(ops.registerMember, { input: { cooperativeId: f.coopId, nik, name: 'Rina', address: 'Jl. Uji 2', joinDate: '2026-03-01' } }, f.manager);
    expect(again.data.registerMember.__typename).toBe('RegisterMemberSuccess');
    expect(again.data.registerMember.data.memberNumber).toBeGreaterThan(found.memberNumber);
  });
});
