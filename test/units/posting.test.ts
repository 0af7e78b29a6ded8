import { defineUnit, z, type AnyUnit } from '@kkmp/plugin-sdk';
import { startUnitTestHost, type UnitTestHost } from '@kkmp/unit-testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

/** A till that sells for cash and posts each sale in the same transaction as its record. */
const saleSchema = z.object({ id: z.string(), amount: z.number().int() });
const till = defineUnit({
  id: 'till',
  name: { id: 'Kasir', en: 'Till' },
  description: { id: 'Penjualan tunai.', en: 'Cash sales.' },
  version: '1.0.0',
  compatibility: '^1',
  accounts: [{ code: 'rounding', name: { id: 'Selisih pembulatan', en: 'Rounding differences' }, kind: 'REVENUE' }],
  settings: z.object({}),
  sampleSettings: {},
  permissions: { 'till:sell': { description: 'Sell.', roles: ['COOP_MANAGER', 'COOP_STAFF'] } },
  schema(b, unit) {
    unit.mutation('sell', {
      type: 'String',
      description: 'Record a cash sale and post it.',
      permission: 'till:sell',
      businessEvent: true,
      input: (t) => ({
        amount: t.field({ type: 'Rupiah', description: 'Amount.' }),
        memberNik: t.string({ required: false, description: 'Buyer NIK if a member.' }),
        credit: t.field({ type: 'Rupiah', required: false, description: 'Credit amount (tests an unbalanced entry).' }),
        account: t.string({ required: false, description: 'Revenue account override (tests account rules).' }),
      }),
      resolve: async (input, u) => {
        const member = input.memberNik ? await u.members.findByNik(input.memberNik) : undefined;
        const sale = { id: u.newId(), amount: input.amount };
        u.writes.create(['SALE', sale.id], sale);
        await u.post({
          memo: 'Penjualan tunai',
          documentId: sale.id,
          lines: [
            { account: '1100', debit: input.amount },
            { account: input.account ?? (member ? '4110' : '4120'), credit: input.credit ?? input.amount },
          ],
          ...(member ? { patronage: [{ memberId: member.id, amount: input.amount }] } : {}),
        });
        return sale.id;
      },
    });
    // Moves money while saying it records no business event: the host refuses its posting.
    unit.mutation('sneak', {
      type: 'String',
      description: 'Posts without being declared a business event.',
      permission: 'till:sell',
      businessEvent: false,
      input: (t) => ({ amount: t.field({ type: 'Rupiah', description: 'Amount.' }) }),
      resolve: async (input, u) => {
        u.writes.create(['SALE', 'sneak'], { id: 'sneak', amount: input.amount });
        await u.post({ memo: 'Tanpa tanggal', documentId: 'sneak', lines: [{ account: '1100', debit: input.amount }, { account: '4120', credit: input.amount }] });
        return 'sneak';
      },
    });
    unit.query('sales', { type: 'Int', description: 'Number of sales.', permission: 'till:sell', resolve: async (_a, u) => (await u.store.all(saleSchema, ['SALE'])).length });
    unit.query('firstTwo', {
      type: 'Int',
      description: 'Sales in a key range (first page of two).',
      permission: 'till:sell',
      resolve: async (_a, u) => (await u.store.range(saleSchema, ['SALE', '0'], ['SALE', '~'], { first: 2 })).items.length,
    });
  },
});

let host: UnitTestHost;
beforeAll(async () => {
  host = await startUnitTestHost([till as AnyUnit]);
  await host.enable(host.a, 'till', {});
});
afterAll(() => host.close());

const sell = (input: Record<string, unknown>) =>
  host.gql(`mutation($input: TillSellInput!) { tillSell(input: $input) { __typename ... on TillSellSuccess { data } ... on Error { code messageEn } ... on ValidationError { fields { field } } } }`, { input: { cooperativeId: host.a.id, ...input } }, host.a.staff);
const count = async () => (await host.gql(`query($id: ID!) { tillSales(cooperativeId: $id) }`, { id: host.a.id }, host.a.manager)).data.tillSales;

describe('units post to the books in their own transaction', () => {
  it('a sale and its journal entry land together, segmented to the unit', async () => {
    expect((await sell({ amount: 25_000 })).data.tillSell.__typename).toBe('TillSellSuccess');
    const r = await host.gql(
      `query($id: ID!) { cooperative(id: $id) { ... on Cooperative { ledger { results(from: "2026-01-01", to: "2026-12-31", unitId: "till") { totalRevenue nonMemberRevenue memberRevenue } } } } }`,
      { id: host.a.id },
      host.a.manager,
    );
    expect(r.data.cooperative.ledger.results).toEqual({ totalRevenue: 25_000, nonMemberRevenue: 25_000, memberRevenue: 0 });
  });

  it('an unbalanced entry refuses the whole sale: no sale record either', async () => {
    const before = await count();
    const res = await sell({ amount: 10_000, credit: 9_000 });
    expect(res.data.tillSell.code).toBe('VALIDATION');
    expect(await count()).toBe(before);
  });

  it('reads its items by key range, paged', async () => {
    expect((await host.gql(`query($id: ID!) { tillFirstTwo(cooperativeId: $id) }`, { id: host.a.id }, host.a.manager)).data.tillFirstTwo).toBe(1);
    await sell({ amount: 5_000 });
    await sell({ amount: 6_000 });
    expect((await host.gql(`query($id: ID!) { tillFirstTwo(cooperativeId: $id) }`, { id: host.a.id }, host.a.manager)).data.tillFirstTwo).toBe(2);
  });

  it("a unit posts to its own accounts and the core's, never another unit's", async () => {
    expect((await sell({ amount: 100, account: 'till.rounding' })).data.tillSell.__typename).toBe('TillSellSuccess');
    const before = await count();
    expect((await sell({ amount: 100, account: 'sembako.rounding' })).errors?.[0]?.extensions?.code).toBe('INTERNAL');
    expect(await count()).toBe(before);
  });

  it('a mutation not declared a business event cannot post (it has no businessDate): refused whole, nothing written', async () => {
    const before = await count();
    const res = await host.gql(
      `mutation($input: TillSneakInput!) { tillSneak(input: $input) { __typename } }`,
      { input: { cooperativeId: host.a.id, amount: 1_000 } },
      host.a.manager,
    );
    expect(res.errors?.[0]?.extensions?.code).toBe('INTERNAL');
    expect(await count()).toBe(before);
    const input = await host.gql(`{ __type(name: "TillSneakInput") { inputFields { name } } }`, {}, host.a.manager);
    expect(input.data.__type.inputFields.map((f: { name: string }) => f.name)).not.toContain('businessDate');
    const sellInput = await host.gql(`{ __type(name: "TillSellInput") { inputFields { name } } }`, {}, host.a.manager);
    expect(sellInput.data.__type.inputFields.map((f: { name: string }) => f.name)).toContain('businessDate');
  });
});
