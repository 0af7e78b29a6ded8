/**
 * @kkmp/commerce: opt-in modules for shop-like units (sembako, LPG, fertilizer, water refill), built on
 * the public plugin SDK only. `commerce(builder, unit, options)` in a unit's `schema()` adds the catalog
 * with prices and ceilings (HET) and the modules the unit picks: stock and counts, purchasing, counter
 * sales with receipts and voids, and a beneficiary registry by NIK. Their GraphQL types are shared by
 * every unit on the kit (prefix "Commerce"); the unit's rules plug in through the sale hooks, and the
 * services below are plain functions its own services and tests call.
 */
export { commerce, type CommerceShop } from './commerce';
export type { CommerceOptions, SalesOptions, BeneficiaryOptions, UnitFields, UnitInputFields, UnitRefs } from './options';
export type { SaleDraft, SaleHooks, SaleRefusal, PriceQuestion } from './sales/draft';
export type { SalePrefetch } from './sales/prefetch';
export type { ReadCtx, WriteCtx } from './context';
export type { ProductView, SaleView } from './schema/views';
export type { KitTypes } from './schema/shared/index';
export { commerceAccounts, stockDifferenceAccount, paymentAccount, revenueAccount } from './accounts';
export { commercePermissions, commercePermissionNames, type CommercePermissionNames } from './permissions';
export { consumeQuotas, releaseQuotas, quotaItemKey, type QuotaUse, type QuotaTaken } from './quotas/quota';
export { periodKey, type QuotaPeriod } from './rules/periods';
export { priceOn, ceilingOn, withinCeiling, ceilingPerPack, ANY_REGION } from './rules/pricing';
export { costOf, averageCost } from './rules/costing';
export { normalizeNik, maskNik } from './rules/nik';
export { stockCard, settleMovements } from './stock/movements';
export {
  registerBeneficiary,
  updateBeneficiary,
  verifyBeneficiary,
  blockBeneficiary,
  unblockBeneficiary,
  findBeneficiary,
  beneficiaryForSale,
  type SaleNeeds,
} from './beneficiaries/registry';
export { receiveGoods } from './purchasing/receiving';
export type { GoodsReceipt } from './model/purchasing';
export { importBeneficiaries, type ImportRowResult, type ImportOutcome } from './beneficiaries/import';
export { MAX_IMPORT_ROWS, type BuyerTypes } from './beneficiaries/inputs';
export { keys as commerceKeys } from './model/keys';
export { productSchema, type Product, type Price, type Ceiling, type CustomerClass, type UnitOfMeasure } from './model/product';
export { stockSchema, movementSchema, type StockLevel, type Movement, type StockCount } from './model/stock';
export { saleSchema, type Sale, type SaleLine, type SaleData, type StoredSale, type PaymentMethod } from './model/sale';
export { beneficiarySchema, beneficiaryStatus, type Beneficiary, type BeneficiaryStatus } from './model/beneficiary';
