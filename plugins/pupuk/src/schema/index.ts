import type { Builder, UnitSchemaKit } from '@kkmp/plugin-sdk';
import { commerce, commercePermissionNames } from '@kkmp/commerce';
import { prefetchAllocations } from '../services/allocations';
import { redeem, unredeem, type PupukSaleData } from '../services/redemption';
import { FARMER } from '../services/staging';
import { QUANTITY_UNITS, sacksToUnits } from '../services/quantities';
import { FERTILIZER_TYPES, type PupukSettings } from '../settings';
import { registerFarmers } from './farmers';
import { registerImports } from './imports';
import { registerReports } from './reports';
import { registerTables } from './tables';

/**
 * The kiosk on the commerce kit: catalog, stock, purchasing from the distributor, the farmer registry
 * and counter sales whose redemption rule (allocation, HET, proof) is the unit's own; then the e-RDKK
 * imports, the farmer's allocations, the HET and season tables and the reports.
 */
export function pupukSchema(b: Builder, unit: UnitSchemaKit<PupukSettings>): void {
  const Type = b.enumType('PupukFertilizerType', {
    description: 'A subsidized fertilizer type of the e-RDKK.',
    values: Object.fromEntries(Object.entries(FERTILIZER_TYPES).map(([k, description]) => [k, { description }])) as Record<keyof typeof FERTILIZER_TYPES, { description: string }>,
  });
  const Redeemed = b.objectRef<PupukSaleData['redeemed'][number]>('PupukRedeemed').implement({
    description: 'Subsidized fertilizer of one type redeemed in a sale.',
    fields: (t) => ({
      type: t.field({ type: Type, description: 'Fertilizer type.', resolve: (r) => r.type }),
      kg: t.exposeInt('kg', { description: 'kg redeemed (taken from the allocation).' }),
      amount: t.expose('amount', { type: 'Rupiah', description: 'Paid for it, whole rupiah.' }),
    }),
  });
  const QuantityUnit = b.enumType('PupukQuantityUnit', {
    description: 'What the quantities of a sale count.',
    values: Object.fromEntries(Object.entries(QUANTITY_UNITS).map(([k, description]) => [k, { description }])) as Record<keyof typeof QUANTITY_UNITS, { description: string }>,
  });
  commerce<PupukSettings, PupukSaleData>(b, unit, {
    permissions: commercePermissionNames('pupuk'),
    stock: true,
    purchasing: true,
    // No saleNeeds: market-price fertilizer goes to anyone; the subsidized rule is redeem's.
    beneficiaries: { buyerTypes: { [FARMER]: "A farmer on a farmer group's e-RDKK list (imported)." } },
    sales: {
      receiptPrefix: 'PPK',
      input: (t) => ({
        proofReference: t.string({ required: false, description: 'Proof of a subsidized redemption (the photo or document id the kiosk keeps); required with subsidized fertilizer.' }),
        quantityUnit: t.field({ type: QuantityUnit, required: false, description: 'What the line quantities count: KG (selling units, the default) or SACK (sacks of the subsidized types: 50 kg, 40 kg for organic).' }),
      }),
      lineQuantity: sacksToUnits,
      saleFields: (t) => ({
        season: t.string({ nullable: true, description: 'Planting season the subsidized fertilizer was redeemed in (null without any).', resolve: (s) => s.unitData.season ?? null }),
        farmerGroup: t.string({ nullable: true, description: "The farmer's group (poktan) on the e-RDKK.", resolve: (s) => s.unitData.group ?? null }),
        proofReference: t.string({ nullable: true, description: 'Proof of the redemption.', resolve: (s) => s.unitData.proofReference ?? null }),
        redeemed: t.field({ type: [Redeemed], description: 'Subsidized fertilizer redeemed, per type (empty for market-price goods only).', resolve: (s) => s.unitData.redeemed ?? [] }),
      }),
      hooks: { prefetch: prefetchAllocations, beforeSale: redeem, onVoid: unredeem },
    },
  });
  registerImports(b, unit);
  registerFarmers(b, unit, Type);
  registerTables(b, unit, Type);
  registerReports(b, unit, Type);
}
