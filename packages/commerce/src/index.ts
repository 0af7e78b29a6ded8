/**
 * The commerce kit: catalog, prices and ceilings (HET), stock with moving-average cost, suppliers,
 * purchase orders and goods receipts, sales with receipts, voids by reversal, stock counts, and the
 * journal entries of each, for shop-like units (sembako, LPG, fertilizer, water refill). A unit calls
 * `commerce(builder, unit, options)` in its `schema()` and adds its own rules through the hooks.
 */
import type { Builder } from '@kkmp/plugin-sdk';
import type { UnitSchemaKit } from '@kkmp/plugin-sdk';
import type { CommerceOptions } from './options';
import { registerOperations } from './schema/operations';
import { commerceTypes, type CommerceTypes } from './schema/types';

export function commerce<S>(b: Builder, unit: UnitSchemaKit<S>, options: CommerceOptions<S>): CommerceTypes {
  const types = commerceTypes(b, unit.typePrefix);
  registerOperations(b, unit, types, options);
  return types;
}

export type { CommerceOptions } from './options';
export type { CommerceTypes, ProductView, SaleView } from './schema/types';
export type { SaleDraft } from './sale';
export type { ReadCtx, WriteCtx } from './context';
export { commerceAccounts } from './accounts';
export { commercePermissions, commercePermissionNames } from './permissions';
export { consumeQuotas, releaseQuotas, type QuotaUse } from './quota';
export { periodKey, type QuotaPeriod } from './periods';
export { priceOn, ceilingOn, withinCeiling, ceilingPerPack, ANY_REGION } from './pricing';
export { costOf, averageCost } from './costing';
export { stockCard, settleMovements } from './movements';
export { productViews, saleView } from './schema/operations';
export {
  keys as commerceKeys,
  productSchema,
  stockSchema,
  saleSchema,
  movementSchema,
  type Product,
  type StockLevel,
  type Sale,
  type SaleLine,
  type Movement,
  type CustomerClass,
  type PaymentMethod,
} from './items';
