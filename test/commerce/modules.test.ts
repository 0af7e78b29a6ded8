import { commerce, commercePermissionNames, commercePermissions } from '@kkmp/commerce';
import { UnitSetError, buildHostSchema } from '@kkmp/host';
import { defineUnit } from '@kkmp/plugin-sdk';
import { startUnitTestHost, type UnitTestHost } from '@kkmp/unit-testing';
import { isInputObjectType, type GraphQLInputObjectType } from 'graphql';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import depot from './fixture-depot';
import { ok, run } from './support';

describe('commerce kit: a unit takes only the modules it picks', () => {
  it('gives a water depot (catalog and sales) no stock, count, purchasing or registry operations or types', () => {
    const { schema } = buildHostSchema([depot]);
    const ops = [...Object.keys(schema.getQueryType()!.getFields()), ...Object.keys(schema.getMutationType()!.getFields())].filter((f) => f.startsWith('depot')).sort();
    expect(ops).toEqual(['depotCreateProduct', 'depotProduct', 'depotProducts', 'depotSale', 'depotSales', 'depotSell', 'depotSetCeilingPrice', 'depotSetPrice', 'depotUpdateProduct', 'depotVoidSale']);
    const input = schema.getType('DepotCreateProductInput');
    expect(isInputObjectType(input)).toBe(true);
    expect(Object.keys((input as GraphQLInputObjectType).getFields())).not.toContain('stocked');
    const kitTypes = Object.keys(schema.getTypeMap()).filter((n) => n.startsWith('Commerce'));
    for (const absent of ['CommerceStockMovement', 'CommerceStockCount', 'CommercePurchaseOrder', 'CommerceSupplier', 'CommerceBeneficiary']) expect(kitTypes).not.toContain(absent);
  });

  it('refuses purchasing without the stock module when the schema is built', () => {
    const buyer = defineUnit({
      ...depot,
      id: 'buyer',
      permissions: commercePermissions('buyer', 'buyer'),
      schema: (b, unit) => void commerce(b, unit, { permissions: commercePermissionNames('buyer'), purchasing: true }),
    });
    expect(() => buildHostSchema([buyer])).toThrow(UnitSetError);
    expect(() => buildHostSchema([buyer])).toThrow(/purchasing needs the stock module/);
  });

  describe('a sale at the depot', () => {
    let host: UnitTestHost;
    beforeAll(async () => {
      host = await startUnitTestHost([depot]);
      await host.enable(host.a, 'depot', {});
    });
    afterAll(() => host.close());

    it('sells unstocked refills at no cost of goods, voids them, and books only the revenue', async () => {
      const refill = (await ok(host, 'depotCreateProduct', { sku: 'GALON-19L', name: 'Isi ulang 19 L', unitOfMeasure: 'MILLILITRE', packSize: 19_000, packName: 'galon', nonMemberPrice: 5_000 }, 'id stocked stock { quantity }'));
      expect(refill).toMatchObject({ stocked: false, stock: null });
      const sale = await ok(host, 'depotSell', { lines: [{ productId: refill.id, quantity: 4 }], paymentMethod: 'CASH', tendered: 50_000 }, 'id number total cost change __typename', host.a.staff);
      expect(sale).toMatchObject({ total: 20_000, cost: 0, change: 30_000, __typename: 'CommerceStandardSale' });
      expect(sale.number).toMatch(/^AIR-\d{8}-0001$/);
      expect(await run(host, 'depotVoidSale', { saleId: sale.id, reason: 'tumpah' }, 'status')).toMatchObject({ data: { status: 'VOIDED' } });
      const tb = await host.gql(
        `query($id: ID!) { cooperative(id: $id) { ... on Cooperative { ledger { trialBalance(from: "2026-03-01", to: "2026-03-31") { lines { account debit credit } } } } } }`,
        { id: host.a.id },
        host.a.manager,
      );
      const lines = tb.data.cooperative.ledger.trialBalance.lines as { account: string; debit: number; credit: number }[];
      expect(lines.find((l) => l.account === '4120')).toMatchObject({ debit: 20_000, credit: 20_000 });
      expect(lines.find((l) => l.account === '5110')).toBeUndefined();
    });
  });
});

