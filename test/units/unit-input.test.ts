import { ScanCommand } from '@aws-sdk/lib-dynamodb';
import { defineUnit, msg, text, z, type AnyUnit } from '@kkmp/plugin-sdk';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApi, type TestApi } from '../support/api';
import { cityWithCoop } from '../support/fixtures';
import { businessItems } from '../support/outcome';

/**
 * The unit kit parses a unit's input with the unit's zod schema after the gate and before the resolver;
 * a zod refusal escaping a resolver (a `.parse` in a service) is a ValidationError too, never INTERNAL.
 */

const orderSchema = z.object({ id: z.string(), customer: z.string(), lines: z.array(z.object({ sku: z.string(), quantity: z.number() })) });
type Order = z.infer<typeof orderSchema>;

const POSITIVE = msg('must be more than zero', 'harus lebih dari nol');
const placeInput = z.object({
  customer: text(80),
  remark: text(2000).nullish(),
  lines: z
    .array(z.object({ sku: text(20), quantity: z.number().int().positive(POSITIVE) }))
    .min(1, msg('at least one line', 'paling sedikit satu baris'))
    .max(3),
});

/** Deep in a service: parses what it was given, as services of units without a kit schema do. */
const quantityRule = z.object({ quantity: z.number().int().positive(POSITIVE) });

const orders = defineUnit({
  id: 'orders',
  name: { id: 'Pesanan', en: 'Orders' },
  description: { id: 'Pesanan anggota.', en: "Members' orders." },
  version: '1.0.0',
  compatibility: '^1',
  settings: z.object({}),
  sampleSettings: {},
  permissions: {
    'orders:write': { description: 'Place orders.', roles: ['COOP_MANAGER'] },
    'orders:read': { description: 'Read orders.', roles: ['COOP_MANAGER', 'COOP_STAFF'] },
  },
  schema(b, unit) {
    const Line = b.inputType('OrdersLineInput', {
      description: 'A line.',
      fields: (t) => ({ sku: t.string({ description: 'SKU.' }), quantity: t.int({ description: 'How many.' }) }),
    });
    const OrderRef = b.objectRef<Order>('OrdersOrder').implement({
      description: 'An order.',
      fields: (t) => ({ id: t.exposeString('id', { description: 'Id.' }), customer: t.exposeString('customer', { description: 'Customer.' }) }),
    });
    unit.mutation('place', {
      type: OrderRef,
      description: 'Place an order (the kit parses the input).',
      permission: 'orders:write',
      input: (t) => ({
        customer: t.string({ description: 'Customer.' }),
        lines: t.field({ type: [Line], description: 'Lines.' }),
        // Named like no kind of the text rule: it declares its kind (a note: lines allowed, 2,000 characters).
        remark: t.string({ description: 'A remark.', required: false, extensions: { kkmpText: 'note' } }),
      }),
      schema: placeInput,
      resolve: async (input, u) => {
        const order: Order = { id: u.newId(), customer: input.customer, lines: input.lines };
        u.writes.create(['ORDER', order.id], order);
        return order;
      },
    });
    unit.mutation('placeOne', {
      type: OrderRef,
      description: 'Place a one-line order (old form: a service parses, after a write).',
      permission: 'orders:write',
      input: (t) => ({ quantity: t.int({ description: 'How many.' }) }),
      resolve: async (input, u) => {
        const order: Order = { id: u.newId(), customer: 'walk-in', lines: [] };
        u.writes.create(['ORDER', order.id], order);
        const { quantity } = quantityRule.parse(input);
        return { ...order, lines: [{ sku: 'ONE', quantity }] };
      },
    });
    unit.query('preview', {
      type: 'Int',
      description: 'Total quantity of lines (the kit parses the arguments).',
      permission: 'orders:read',
      args: (t) => ({ quantities: t.intList({ description: 'Quantities.' }) }),
      schema: z.object({ quantities: z.array(z.number().int().positive(POSITIVE)) }),
      resolve: (args) => args.quantities.reduce((s, q) => s + q, 0),
    });
    unit.query('check', {
      type: 'Int',
      description: 'A quantity as a service checks it (old form: a service parses).',
      permission: 'orders:read',
      args: (t) => ({ quantity: t.int({ description: 'How many.' }) }),
      resolve: (args) => quantityRule.parse(args).quantity,
    });
  },
  async onEnable() {},
  async onDisable() {},
});

const FIELDS = '... on ValidationError { code messageEn messageId fields { field messageEn messageId } } ... on Error { code messageEn }';
const place = `mutation($input: OrdersPlaceInput!) { ordersPlace(input: $input) { __typename ... on OrdersPlaceSuccess { data { id customer } } ${FIELDS} } }`;
const placeOne = `mutation($input: OrdersPlaceOneInput!) { ordersPlaceOne(input: $input) { __typename ... on OrdersPlaceOneSuccess { data { id } } ${FIELDS} } }`;

let api: TestApi;
let f: Awaited<ReturnType<typeof cityWithCoop>>;
let staff: string;
beforeAll(async () => {
  api = await startTestApi({ units: [orders] as AnyUnit[] });
  f = await cityWithCoop(api, 'Kota Pesanan');
  staff = await api.token({ userId: 'staff-orders', role: 'COOP_STAFF', coopId: f.rawCoopId, units: ['orders'] });
  const on = await api.gql(`mutation($input: UnitSettingsInput!) { enableUnit(input: $input) { __typename } }`, { input: { cooperativeId: f.coopId, unitId: 'orders', settings: {} } }, f.manager);
  expect(on.data.enableUnit.__typename).toBe('EnableUnitSuccess');
});
afterAll(() => api?.close());

async function auditOutcomes(operation: string): Promise<string[]> {
  const res = await api.db.doc.send(new ScanCommand({ TableName: api.db.tableName, ConsistentRead: true }));
  return (res.Items ?? []).filter((i) => i.type === 'AuditEntry' && i.operation === operation).map((i) => String(i.outcome));
}

describe("a unit's input schema is parsed before its resolver", () => {
  it('lists every bad field by its GraphQL path, in English and Indonesian, audits the refusal and writes nothing', async () => {
    const before = await businessItems(api.db);
    const lines = [{ sku: 'BERAS-5', quantity: 2 }, { sku: 'GULA-1', quantity: 0 }];
    const res = await api.gql(place, { input: { cooperativeId: f.coopId, customer: '   ', lines } }, f.manager);
    expect(res.errors).toBeUndefined();
    expect(res.data.ordersPlace).toMatchObject({ __typename: 'ValidationError', code: 'VALIDATION' });
    expect(res.data.ordersPlace.fields).toEqual([
      { field: 'input.customer', messageEn: 'must not be empty', messageId: 'tidak boleh kosong' },
      { field: 'input.lines.1.quantity', messageEn: 'must be more than zero', messageId: 'harus lebih dari nol' },
    ]);
    expect(await businessItems(api.db)).toEqual(before);
    expect(await auditOutcomes('ordersPlace')).toEqual(['VALIDATION']);
  });

  it("zod's own messages come in Indonesian too; an empty list is named by the list", async () => {
    const res = await api.gql(place, { input: { cooperativeId: f.coopId, customer: 'Ani', lines: [] } }, f.manager);
    expect(res.data.ordersPlace.fields).toEqual([{ field: 'input.lines', messageEn: 'at least one line', messageId: 'paling sedikit satu baris' }]);
    const many = Array.from({ length: 4 }, () => ({ sku: 'A', quantity: 1 }));
    const tooMany = await api.gql(place, { input: { cooperativeId: f.coopId, customer: 'x'.repeat(81), lines: many } }, f.manager);
    const [customer, list] = tooMany.data.ordersPlace.fields;
    expect(customer).toMatchObject({ field: 'input.customer', messageId: 'paling banyak 80 karakter' });
    // No custom message on .max(3): zod's English, and its Indonesian locale's own sentence.
    expect(list.field).toBe('input.lines');
    expect(list.messageEn).toMatch(/3/);
    expect(list.messageId).toMatch(/3/);
    expect(list.messageId).not.toBe(list.messageEn);
  });

  it('the resolver gets the parsed output (trimmed), and an unchanged retry with its key returns the first result', async () => {
    const input = { cooperativeId: f.coopId, customer: '  Ani Suryani ', lines: [{ sku: ' BERAS-5 ', quantity: 3 }], idempotencyKey: 'order-ani-0001' };
    const first = await api.gql(place, { input }, f.manager);
    expect(first.data.ordersPlace.__typename).toBe('OrdersPlaceSuccess');
    expect(first.data.ordersPlace.data.customer).toBe('Ani Suryani');
    const again = await api.gql(place, { input }, f.manager);
    expect(again.data.ordersPlace.data).toEqual(first.data.ordersPlace.data);
  });

  it('checks the idempotency key the host adds (8-200 characters) before any read, then the unit\'s fields', async () => {
    // The key is the one text rule's (issue 20): refused by the host's input guard before the gate reads anything.
    const res = await api.gql(place, { input: { cooperativeId: f.coopId, customer: '', lines: [{ sku: 'A', quantity: 1 }], idempotencyKey: 'abc' } }, f.manager);
    expect(res.data.ordersPlace.fields.map((x: { field: string }) => x.field)).toEqual(['input.idempotencyKey']);
    const keyOk = await api.gql(place, { input: { cooperativeId: f.coopId, customer: '', lines: [{ sku: 'A', quantity: 1 }], idempotencyKey: 'order-key-0001' } }, f.manager);
    expect(keyOk.data.ordersPlace.fields.map((x: { field: string }) => x.field)).toEqual(['input.customer']);
  });

  it('the text rule comes before the gate and names every field: a field may declare its kind', async () => {
    const lines = [{ sku: 'BERAS\u202e5', quantity: 1 }];
    const bad = await api.gql(place, { input: { cooperativeId: f.coopId, customer: 'Ani\nSuryani', remark: 'x'.repeat(2001), lines } }, staff);
    expect(bad.data.ordersPlace.fields.map((x: { field: string }) => x.field)).toEqual(['input.customer', 'input.lines.0.sku', 'input.remark']);
    const ok = await api.gql(place, { input: { cooperativeId: f.coopId, customer: 'Ani Suryani', remark: 'Antar sore.\nPintu belakang.', lines: [{ sku: 'BERAS-5', quantity: 1 }] } }, f.manager);
    expect(ok.data.ordersPlace.__typename).toBe('OrdersPlaceSuccess');
  });

  it('the gate answers first: a caller without the permission learns nothing about the input', async () => {
    const res = await api.gql(place, { input: { cooperativeId: f.coopId, customer: '', lines: [] } }, staff);
    expect(res.data.ordersPlace.code).toBe('FORBIDDEN');
  });

  it("a query's arguments are named by the argument's path", async () => {
    const res = await api.gql(`query($id: ID!) { ordersPreview(cooperativeId: $id, quantities: [1, -2]) }`, { id: f.coopId }, staff);
    expect(res.errors?.[0]?.extensions).toMatchObject({ code: 'VALIDATION', fields: [{ field: 'quantities.1', messageEn: 'must be more than zero', messageId: 'harus lebih dari nol' }] });
    const ok = await api.gql(`query($id: ID!) { ordersPreview(cooperativeId: $id, quantities: [1, 2]) }`, { id: f.coopId }, staff);
    expect(ok.data.ordersPreview).toBe(3);
  });
});

describe('a zod refusal escaping a unit resolver is a ValidationError, never INTERNAL', () => {
  it('in a mutation: named under input, audited, and the writes made before it do not land', async () => {
    const before = await businessItems(api.db);
    const res = await api.gql(placeOne, { input: { cooperativeId: f.coopId, quantity: -1 } }, f.manager);
    expect(res.errors).toBeUndefined();
    expect(res.data.ordersPlaceOne).toMatchObject({ __typename: 'ValidationError', code: 'VALIDATION', fields: [{ field: 'input.quantity', messageEn: 'must be more than zero', messageId: 'harus lebih dari nol' }] });
    expect(await businessItems(api.db)).toEqual(before);
    expect(await auditOutcomes('ordersPlaceOne')).toEqual(['VALIDATION']);
    // The old form (no schema) still works with good input.
    expect((await api.gql(placeOne, { input: { cooperativeId: f.coopId, quantity: 2 } }, f.manager)).data.ordersPlaceOne.__typename).toBe('OrdersPlaceOneSuccess');
  });

  it('in a query: named by the argument', async () => {
    const res = await api.gql(`query($id: ID!) { ordersCheck(cooperativeId: $id, quantity: 0) }`, { id: f.coopId }, staff);
    expect(res.errors?.[0]?.extensions).toMatchObject({ code: 'VALIDATION', fields: [{ field: 'quantity', messageId: 'harus lebih dari nol' }] });
  });
});
