import { z, type Builder, type UnitSchemaKit } from '@kkmp/plugin-sdk';
import { commerce, commercePermissionNames } from '@kkmp/commerce';
import { cylinders, returnEmpties, type Cylinders } from '../services/cylinders';
import { logRefusal } from '../services/refusals';
import { prefetchLimits, releaseExchange, takeExchange, type LpgSaleData } from '../services/exchange';
import { BUYER_TYPES, type LpgSettings } from '../settings';
import { registerBuyers } from './buyers';
import { registerSupply } from './supply';
import { registerReports } from './reports';

/**
 * The outlet on the commerce kit: catalog with HET per region and distance tier, cylinder stock,
 * deliveries from the agent (purchasing), the buyer register, and counter sales whose exchange and
 * per-type limits are the unit's own rule; then the cylinders on hand.
 */
export function lpgSchema(b: Builder, unit: UnitSchemaKit<LpgSettings>): void {
  commerce<LpgSettings, LpgSaleData>(b, unit, {
    permissions: commercePermissionNames('lpg'),
    region: (s) => s.hetRegion,
    stock: true,
    purchasing: true,
    // No saleNeeds: 5.5 kg and 12 kg go to anyone; the 3 kg rule (registered, verified) is takeExchange's.
    beneficiaries: { buyerTypes: { ...BUYER_TYPES } },
    sales: {
      receiptPrefix: 'LPG',
      saleFields: (t, refs) => ({
        buyerType: t.field({ type: refs.buyerType!, nullable: true, description: 'The buyer type the 3 kg cylinders were sold under (null without them).', resolve: (s) => s.unitData.buyerType ?? null }),
        subsidizedCylinders: t.int({ description: 'Subsidized 3 kg cylinders in the sale.', resolve: (s) => s.unitData.subsidized ?? 0 }),
        emptiesIn: t.int({ description: 'Empty 3 kg cylinders taken in (the exchange).', resolve: (s) => s.unitData.emptiesIn ?? 0 }),
      }),
      hooks: { prefetch: prefetchLimits, beforeSale: takeExchange, onVoid: releaseExchange, onRefused: logRefusal },
    },
  });
  registerCylinders(b, unit);
  registerBuyers(b, unit);
  registerSupply(b, unit);
  registerReports(b, unit);
}

function registerCylinders(b: Builder, unit: UnitSchemaKit<LpgSettings>): void {
  const Ref = b.objectRef<Cylinders>('LpgCylinders').implement({
    description: '3 kg cylinders on hand: full (stock of the refill) and empty (exchanged, not yet returned to the agent).',
    fields: (t) => ({
      full: t.exposeInt('full', { description: 'Full 3 kg cylinders.' }),
      fullValue: t.expose('fullValue', { type: 'Rupiah', description: 'Their value at moving-average cost (the books hold the same in Persediaan).' }),
      empty: t.exposeInt('empty', { description: 'Empty 3 kg cylinders.' }),
      total: t.int({ description: 'full + empty.', resolve: (c) => c.full + c.empty }),
    }),
  });
  unit.query('cylinders', { type: Ref, description: '3 kg cylinders on hand now.', permission: 'lpg:read', resolve: (_a, u) => cylinders(u) });
  unit.mutation('returnEmpties', {
    type: Ref,
    description: 'Empty 3 kg cylinders handed back to the agent (with a delivery).',
    permission: 'lpg:manage',
    // Empties carry no value in the books (only full cylinders are inventory) and the count on hand is a
    // tally of now, not a dated report: nothing here to date. Deliveries date their empties returned.
    businessEvent: false,
    input: (t) => ({ quantity: t.int({ description: 'Empties handed back, at least 1.' }) }),
    schema: z.object({ quantity: z.number().int().min(1).max(10_000) }),
    resolve: (input, u) => returnEmpties(u, input.quantity),
  });
}
