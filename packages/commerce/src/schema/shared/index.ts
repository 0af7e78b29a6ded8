import type { Builder, CoreRefs } from '@kkmp/plugin-sdk';
import { beneficiaryTypes, type BeneficiaryTypes } from './beneficiaries';
import { catalogTypes, type CatalogTypes } from './catalog';
import { purchasingTypes, type PurchasingTypes } from './purchasing';
import { salesTypes, type SalesTypes } from './sales';
import { stockTypes, type StockTypes } from './stock';

/**
 * The kit's shared types (prefix "Commerce"), registered through `unit.shared` once per schema. Each
 * module's types are registered the first time a unit picks the module, so a schema whose shops keep no
 * stock has no stock types.
 */
export function commerceKitTypes(b: Builder, core: CoreRefs) {
  let catalog: CatalogTypes | undefined;
  let sales: SalesTypes | undefined;
  let stock: StockTypes | undefined;
  let purchasing: PurchasingTypes | undefined;
  let beneficiaries: BeneficiaryTypes | undefined;
  const kit = {
    catalog: () => (catalog ??= catalogTypes(b)),
    sales: () => (sales ??= salesTypes(b, kit.catalog(), core)),
    stock: () => (stock ??= stockTypes(b)),
    purchasing: () => (purchasing ??= purchasingTypes(b)),
    beneficiaries: () => (beneficiaries ??= beneficiaryTypes(b, core)),
  };
  return kit;
}

export type KitTypes = ReturnType<typeof commerceKitTypes>;
