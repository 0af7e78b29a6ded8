import type { InterfaceRef } from '@kkmp/plugin-sdk';
import type { Builder, UnitSchemaKit } from '@kkmp/plugin-sdk';
import type { ReadCtx } from './context';
import type { Product } from './model/product';
import type { SaleData } from './model/sale';
import type { CommerceOptions, UnitFields, UnitRefs } from './options';
import { registerBeneficiaries } from './schema/beneficiaries';
import { registerCatalog } from './schema/catalog';
import type { Types } from './schema/pothos';
import { registerPurchasing } from './schema/purchasing';
import { registerSales } from './schema/sales';
import { KIT } from './schema/shared/describe';
import { commerceKitTypes, type KitTypes } from './schema/shared/index';
import { createShop } from './schema/shop';
import { registerStock } from './schema/stock';
import type { ProductView } from './schema/views';

/** What `commerce()` gives the unit for its own types and queries. */
export interface CommerceShop {
  /** The kit's shared types (CommerceProduct, CommercePaymentMethod, ...), each module's on first use. */
  types: KitTypes;
  /** Products as the product types answer them: with stock and today's prices for the unit's region. */
  productViews(u: ReadCtx & { settings: unknown }, products: Product[]): Promise<ProductView[]>;
  /** Types the kit made for this unit (its buyer-type enum). */
  refs: UnitRefs;
}

/** Registers the unit's own type implementing a kit interface, with the unit's fields; returns its name. */
function ownType(b: Builder, name: string, iface: InterfaceRef<Types, never>, fields: UnitFields<never>, refs: UnitRefs, description: string): string {
  // The unit's fields are typed against the view by the caller (UnitFields<ProductView>, UnitFields<SaleView<D>>).
  b.objectRef<never>(name).implement({ description, interfaces: [iface], fields: (t: never) => fields(t, refs) } as never);
  return name;
}

/**
 * The commerce kit in a unit's `schema()`: the catalog with prices and ceilings (HET), and the modules
 * the unit picks (stock, purchasing, sales, beneficiaries), each adding its operations with the unit's
 * prefix (`sembakoSell`, `lpgRegisterBeneficiary`). Their types are the kit's, shared by every unit on
 * it (`CommerceProduct`, `CommerceSale`, `CommercePaymentMethod`, ...), registered once per schema; a unit
 * that adds fields of its own gets its own type implementing the kit's interface (`<Unit>Sale`).
 */
export function commerce<S, D extends SaleData = SaleData>(b: Builder, unit: UnitSchemaKit<S>, options: CommerceOptions<S, D>): CommerceShop {
  if (options.purchasing && !options.stock) throw new Error('commerce: purchasing needs the stock module (stock: true)');
  const kit = unit.shared(KIT, commerceKitTypes);
  const P = unit.typePrefix;
  const refs: UnitRefs = {};
  const productFields = options.catalog?.productFields;
  const productType = productFields
    ? ownType(b, `${P}Product`, kit.catalog().Product as never, productFields as never, refs, `A product of the ${unit.unitId} unit: CommerceProduct with the unit's own fields.`)
    : 'CommerceStandardProduct';
  const shop = createShop(b, unit, kit, { perm: options.permissions, keepsStock: options.stock ?? false, ...(options.region ? { region: options.region } : {}), productType });
  registerCatalog(shop);
  if (options.stock) registerStock(shop);
  if (options.purchasing) registerPurchasing(shop);
  if (options.beneficiaries) refs.buyerType = registerBeneficiaries(shop, options.beneficiaries);
  if (options.sales) {
    const saleFields = options.sales.saleFields;
    const saleType = saleFields
      ? ownType(b, `${P}Sale`, kit.sales().Sale as never, saleFields as never, refs, `A sale of the ${unit.unitId} unit: CommerceSale with the unit's own fields.`)
      : 'CommerceStandardSale';
    const registry = options.beneficiaries ? { needs: options.beneficiaries.saleNeeds } : undefined;
    registerSales(shop, options.sales, saleType, registry);
  }
  return { types: kit, productViews: (u, products) => shop.views(u as never, products), refs };
}
