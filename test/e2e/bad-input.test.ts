import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApi, type TestApi } from '../support/api';
import { cityWithCoop, nextNik, ops } from '../support/fixtures';
import { businessItems } from '../support/outcome';
import { encodeId } from '@kkmp/api';

let api: TestApi;
let f: Awaited<ReturnType<typeof cityWithCoop>>;
let memberId: string;
let takenNik: string;

beforeAll(async () => {
  api = await startTestApi();
  f = await cityWithCoop(api);
  takenNik = nextNik();
  const m = await api.gql(ops.registerMember, { input: { cooperativeId: f.coopId, nik: takenNik, name: 'Ani', address: 'Jl. Mawar 1' } }, f.manager);
  memberId = m.data.registerMember.data.id;
});
afterAll(() => api.close());

const member = (nik: string, extra: Record<string, unknown> = {}) => ({ cooperativeId: () => f.coopId, nik, name: 'Budi', address: 'Jl. Melati 2', ...extra });

/** Each case: operation, input, expected error type and code, and the field the error must name. */
const cases: { name: string; op: keyof typeof ops; input: () => Record<string, unknown>; type: string; code: string; field: string; messageId?: RegExp }[] = [
  { name: 'NIK of 15 digits', op: 'registerMember', input: () => ({ ...member('327310150485000'), cooperativeId: f.coopId }), type: 'ValidationError', code: 'VALIDATION', field: 'input.nik', messageId: /16 digit/ },
  { name: 'NIK with letters', op: 'registerMember', input: () => ({ ...member('32731015048500AB'), cooperativeId: f.coopId }), type: 'ValidationError', code: 'VALIDATION', field: 'input.nik' },
  // 30 February does not exist; 71 - 40 = 31 April does not either (a woman's day + 40).
  { name: 'impossible birth date 30-02', op: 'registerMember', input: () => ({ ...member('3273103002850001'), cooperativeId: f.coopId }), type: 'ValidationError', code: 'VALIDATION', field: 'input.nik' },
  { name: 'impossible birth date 31-04 (woman)', op: 'registerMember', input: () => ({ ...member('3273107104850001'), cooperativeId: f.coopId }), type: 'ValidationError', code: 'VALIDATION', field: 'input.nik' },
  { name: 'unknown province 99', op: 'registerMember', input: () => ({ ...member('9973101504850001'), cooperativeId: f.coopId }), type: 'ValidationError', code: 'VALIDATION', field: 'input.nik' },
  { name: 'duplicate NIK', op: 'registerMember', input: () => ({ ...member(takenNik), cooperativeId: f.coopId }), type: 'ConflictError', code: 'CONFLICT', field: 'input.nik', messageId: /sudah terdaftar/ },
  { name: 'empty name', op: 'registerMember', input: () => ({ ...member(nextNik()), name: '   ', cooperativeId: f.coopId }), type: 'ValidationError', code: 'VALIDATION', field: 'input.name' },
  { name: 'join date in the future', op: 'registerMember', input: () => ({ ...member(nextNik()), joinDate: '2030-01-01', cooperativeId: f.coopId }), type: 'ValidationError', code: 'VALIDATION', field: 'input.joinDate' },
  { name: 'bad phone', op: 'registerMember', input: () => ({ ...member(nextNik()), phone: '12345', cooperativeId: f.coopId }), type: 'ValidationError', code: 'VALIDATION', field: 'input.phone' },
  { name: 'unknown cooperative id', op: 'registerMember', input: () => ({ ...member(nextNik()), cooperativeId: encodeId('Cooperative', '01ARZ3NDEKTSV4RRFFQ69G5FAV') }), type: 'ForbiddenError', code: 'FORBIDDEN', field: '' },
  { name: 'garbage cooperative id', op: 'registerMember', input: () => ({ ...member(nextNik()), cooperativeId: 'not-an-id' }), type: 'ValidationError', code: 'VALIDATION', field: 'input.cooperativeId' },
  { name: 'negative amount', op: 'recordEquityPayment', input: () => ({ memberId, kind: 'WAJIB', amount: -20000 }), type: 'ValidationError', code: 'VALIDATION', field: 'input.amount', messageId: /negatif/ },
  { name: 'zero amount', op: 'recordEquityPayment', input: () => ({ memberId, kind: 'WAJIB', amount: 0 }), type: 'ValidationError', code: 'VALIDATION', field: 'input.amount' },
  { name: 'wrong pokok amount', op: 'recordEquityPayment', input: () => ({ memberId, kind: 'POKOK', amount: 10000 }), type: 'ValidationError', code: 'VALIDATION', field: 'input.amount' },
  { name: 'payment dated in the future', op: 'recordEquityPayment', input: () => ({ memberId, kind: 'WAJIB', amount: 20000, paidOn: '2030-01-01' }), type: 'ValidationError', code: 'VALIDATION', field: 'input.paidOn' },
  { name: 'unknown member id', op: 'recordEquityPayment', input: () => ({ memberId: encodeId('Member', f.rawCoopId, '01ARZ3NDEKTSV4RRFFQ69G5FAV'), kind: 'WAJIB', amount: 20000 }), type: 'NotFoundError', code: 'NOT_FOUND', field: 'input.memberId' },
  { name: 'member id given as cooperative id', op: 'recordEquityPayment', input: () => ({ memberId: f.coopId, kind: 'WAJIB', amount: 20000 }), type: 'ValidationError', code: 'VALIDATION', field: 'input.memberId' },
  { name: 'short idempotency key', op: 'recordEquityPayment', input: () => ({ memberId, kind: 'WAJIB', amount: 20000, idempotencyKey: 'abc' }), type: 'ValidationError', code: 'VALIDATION', field: 'input.idempotencyKey' },
];

describe('bad input gets a typed error naming the field, and nothing is written', () => {
  it.each(cases)('$name', async (c) => {
    const before = await businessItems(api.db);
    const res = await api.gql(ops[c.op], { input: c.input() }, f.manager);
    const result = res.data[c.op];
    expect(result.__typename).toBe(c.type);
    expect(result.code).toBe(c.code);
    expect(result.messageEn.length).toBeGreaterThan(3);
    expect(result.messageId.length).toBeGreaterThan(3);
    if (c.type === 'ValidationError') expect(result.fields.map((x: { field: string }) => x.field)).toContain(c.field);
    if (c.type === 'ConflictError') expect(result.field).toBe(c.field);
    if (c.messageId) expect(JSON.stringify(result)).toMatch(c.messageId);
    expect(await businessItems(api.db)).toEqual(before);
  });

  it('rejects a money amount that is not a whole number at the GraphQL layer', async () => {
    const before = await businessItems(api.db);
    const res = await api.gql(ops.recordEquityPayment, { input: { memberId, kind: 'WAJIB', amount: 1500.5 } }, f.manager);
    expect(res.errors?.[0].message).toMatch(/Rupiah/);
    expect(await businessItems(api.db)).toEqual(before);
  });

  it('lists every bad field at once, in both languages', async () => {
    const res = await api.gql(ops.registerMember, { input: { cooperativeId: f.coopId, nik: '123', name: '', address: '' } }, f.manager);
    const fields = res.data.registerMember.fields;
    expect(fields.map((x: { field: string }) => x.field).sort()).toEqual(['input.address', 'input.name']);
    expect(fields[0].messageId).toMatch(/kosong/);
  });
});
