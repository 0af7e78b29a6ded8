import { type Builder, type UnitSchemaKit } from '@kkmp/plugin-sdk';
import { commerce, commercePermissionNames, type SaleHooks } from '@kkmp/commerce';
import { COMPLIANCE_KEY, complianceGate } from '../services/compliance';
import { depotPrice, releaseRefill, takeRefill, type RefillData } from '../services/refill';
import type { AirminumSettings } from '../settings';
import { registerCompliance } from './compliance';
import { registerEquipment } from './equipment';
import { registerReports } from './reports';

/**
 * The depot on the commerce kit: the catalog (its two products, priced from the settings) and counter
 * sales only (no stock of pre-filled containers, no purchasing). Every sale passes the compliance
 * gates in its own transaction; then the unit's records: SLHS, water tests, equipment, reports.
 */
export function airminumSchema(b: Builder, unit: UnitSchemaKit<AirminumSettings>, hooks: SaleHooks<AirminumSettings, RefillData> = {}): void {
  commerce<AirminumSettings, RefillData>(b, unit, {
    permissions: commercePermissionNames('airminum'),
    sales: {
      receiptPrefix: 'AIR',
      input: (t) => ({ deliveryAddress: t.string({ required: false, description: 'Delivery address, only when the depot takes delivery orders (see airminumDepot.tradeRuleNoteId).' }) }),
      saleFields: (t) => ({
        containers: t.int({ description: 'Containers filled (refills).', resolve: (s) => s.unitData.refills ?? 0 }),
        newGallons: t.int({ description: 'New plain gallons sold with their refill.', resolve: (s) => s.unitData.newGallons ?? 0 }),
        litres: t.int({ description: 'Litres produced.', resolve: (s) => s.unitData.litres ?? 0 }),
        complianceVersion: t.int({ nullable: true, description: 'The compliance version the sale passed its gates under.', resolve: (s) => s.unitData.complianceVersion ?? null }),
        deliveryAddress: t.string({ nullable: true, description: 'Delivery address, for a delivery order.', resolve: (s) => s.unitData.deliveryAddress ?? null }),
      }),
      // `hooks` lets a test wrap one (e.g. pause a sale between its gate read and its commit).
      hooks: { gate: complianceGate, prefetch: (_sale, keys) => keys.item(...COMPLIANCE_KEY), price: depotPrice, beforeSale: takeRefill, onVoid: releaseRefill, ...hooks },
    },
  });
  registerCompliance(b, unit);
  registerEquipment(b, unit);
  registerReports(b, unit);
}
