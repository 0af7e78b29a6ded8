import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApi, type TestApi } from '../support/api';
import { cityWithCoop, nextNik, ops } from '../support/fixtures';
import { businessItems } from '../support/outcome';

let api: TestApi;
let f: Awaited<ReturnType<typeof cityWithCoop>>;
beforeAll(async () => {
  api = await startTestApi();
  f = await cityWithCoop(api);
});
afterAll(() => api.close());

const membersQuery = `query($id: ID!) { cooperative(id: $id) { ... on Cooperative { members(first: 100) { edges { node { id name } } } } } }`;

describe('a mutation retried with the same idempotency key writes once and returns the first result', () => {
  it('registerMember: a retry returns the first member, not a duplicate-NIK error', async () => {
    const input = { idempotencyKey: 'reg-ani-0001', cooperativeId: f.coopId, nik: nextNik('FEMALE'), name: 'Ani', address: 'Jl. Anggrek 1' };
    const first = await api.gql(ops.registerMember, { input }, f.manager);
    expect(first.data.registerMember.__typename).toBe('RegisterMemberSuccess');
    const itemsAfterFirst = await businessItems(api.db);

    api.clock.advanceDays(1);
    const retry = await api.gql(ops.registerMember, { input }, f.manager);
    expect(retry.data).toEqual(first.data);
    expect(await businessItems(api.db)).toEqual(itemsAfterFirst);
  });

  it('concurrent twins with one key: one write, every caller gets the same answer', async () => {
    const input = { idempotencyKey: 'reg-budi-twins', cooperativeId: f.coopId, nik: nextNik(), name: 'Budi', address: 'Jl. Anggrek 2' };
    const results = await Promise.all(Array.from({ length: 8 }, () => api.gql(ops.registerMember, { input }, f.manager)));
    const ids = new Set(results.map((r) => r.data.registerMember.data?.id));
    expect(ids.size).toBe(1);
    expect([...ids][0]).toBeTruthy();
    const members = (await api.gql(membersQuery, { id: f.coopId }, f.manager)).data.cooperative.members.edges;
    expect(members.filter((e: any) => e.node.name === 'Budi')).toHaveLength(1);
  });

  it('recordEquityPayment: the amount is counted once however often it is retried', async () => {
    const reg = await api.gql(ops.registerMember, { input: { cooperativeId: f.coopId, nik: nextNik(), name: 'Cecep', address: 'Jl. Anggrek 3' } }, f.manager);
    const memberId = reg.data.registerMember.data.id;
    const input = { idempotencyKey: 'pay-cecep-wajib-1', memberId, kind: 'WAJIB', amount: 20000 };
    const answers = [];
    for (let i = 0; i < 3; i++) answers.push(await api.gql(ops.recordEquityPayment, { input }, f.manager));
    expect(new Set(answers.map((a) => a.data.recordEquityPayment.data.payment.id)).size).toBe(1);
    const eq = await api.gql(`query($id: ID!) { member(id: $id) { ... on Member { equity { wajibPaid } equityPayments { edges { node { amount } } } } } }`, { id: memberId }, f.manager);
    expect(eq.data.member.equity.wajibPaid).toBe(20000);
    expect(eq.data.member.equityPayments.edges).toHaveLength(1);
  });

  it('the same key with a different input is refused, not silently replayed', async () => {
    const base = { idempotencyKey: 'reg-dewi-0001', cooperativeId: f.coopId, nik: nextNik('FEMALE'), name: 'Dewi', address: 'Jl. Anggrek 4' };
    await api.gql(ops.registerMember, { input: base }, f.manager);
    const before = await businessItems(api.db);
    const other = await api.gql(ops.registerMember, { input: { ...base, name: 'Dewi Lain', nik: nextNik('FEMALE') } }, f.manager);
    expect(other.data.registerMember).toMatchObject({ __typename: 'IdempotencyKeyReusedError', code: 'IDEMPOTENCY_KEY_REUSED' });
    expect(await businessItems(api.db)).toEqual(before);
  });

  it('keys are per cooperative: another user of the cooperative with the same key gets the first result', async () => {
    const other = await api.token({ userId: 'second-manager', role: 'COOP_MANAGER', coopId: f.rawCoopId });
    const input = { idempotencyKey: 'shared-key-0001', cooperativeId: f.coopId, nik: nextNik(), name: 'Eko', address: 'Jl. Anggrek 5' };
    const a = await api.gql(ops.registerMember, { input }, f.manager);
    expect(a.data.registerMember.__typename).toBe('RegisterMemberSuccess');
    const before = await businessItems(api.db);
    const b = await api.gql(ops.registerMember, { input }, other);
    expect(b.data).toEqual(a.data);
    expect(await businessItems(api.db)).toEqual(before);
    // The same key with another input stays refused, whoever sends it.
    const changed = await api.gql(ops.registerMember, { input: { ...input, name: 'Eko Lain' } }, other);
    expect(changed.data.registerMember.code).toBe('IDEMPOTENCY_KEY_REUSED');
    expect(await businessItems(api.db)).toEqual(before);
  });

  it("a manager retrying a cashier's stuck sale with its key gets the cashier's sale: sold once", async () => {
    const run = async (field: string, input: Record<string, unknown>, selection: string, token = f.manager, inputType?: string) => {
      const type = field[0]!.toUpperCase() + field.slice(1);
      const r = await api.gql(
        `mutation($input: ${inputType ?? `${type}Input`}!) { ${field}(input: $input) { __typename ... on ${type}Success { data { ${selection} } } ... on Error { code messageEn } } }`,
        { input: { cooperativeId: f.coopId, ...input } },
        token,
      );
      expect(r.data?.[field]?.__typename, JSON.stringify(r)).toBe(`${type}Success`);
      return r.data[field].data;
    };
    await run('enableUnit', { unitId: 'sembako', settings: {} }, 'unitId', f.manager, 'UnitSettingsInput');
    const product = (await run('sembakoCreateProduct', { sku: 'BERAS-5KG', name: 'Beras 5 kg', unitOfMeasure: 'GRAM', packSize: 5000, packName: 'karung', nonMemberPrice: 75_000 }, 'id')).id;
    const supplier = (await run('sembakoCreateSupplier', { name: 'Perum Bulog', kind: 'BULOG' }, 'id')).id;
    await run('sembakoReceiveGoods', { supplierId: supplier, payment: 'CASH', lines: [{ productId: product, quantity: 10, unitCost: 70_000 }] }, 'id');
    const cashier = await api.token({ userId: 'kasir-1', role: 'COOP_STAFF', coopId: f.rawCoopId, units: ['sembako'] });
    const sale = { idempotencyKey: 'pos-7f3a-sale-0001', lines: [{ productId: product, quantity: 2 }], paymentMethod: 'CASH' };

    const first = await run('sembakoSell', sale, 'id number total', cashier);
    // The cashier's screen froze before the answer came; the manager sends the same sale with the same key.
    const retry = await run('sembakoSell', sale, 'id number total', f.manager);
    expect(retry).toEqual(first);
    const stock = await api.gql(`query($c: ID!, $p: ID!) { sembakoProduct(cooperativeId: $c, id: $p) { stock { quantity } } }`, { c: f.coopId, p: product }, f.manager);
    expect(stock.data.sembakoProduct.stock.quantity).toBe(8);
  });
});
