import { decodeId, type Builder, type UnitSchemaKit } from '@kkmp/plugin-sdk';
import type { ReadCtx } from '../context';
import type { Product } from '../model/product';
import type { CommercePermissionNames } from '../permissions';
import type { KitTypes } from './shared/index';
import { productViews, type ProductView } from './views';

/** One unit's use of the kit, as its schema modules share it while registering. */
export interface Shop<S> {
  b: Builder;
  unit: UnitSchemaKit<S>;
  perm: CommercePermissionNames;
  kit: KitTypes;
  keepsStock: boolean;
  region(u: { settings: S }): string | undefined;
  /** Decodes one of the unit's ids ("<Unit><type>:<parts>"), naming the input field when it is not one. */
  id(id: string | number, type: string, field: string): string;
  id2(id: string | number, type: string, field: string): [string, string];
  /** The concrete GraphQL type of the unit's products (standard, or its own). */
  productType: string;
  views(u: ReadCtx & { settings: S }, products: Product[]): Promise<ProductView[]>;
}

export function createShop<S>(
  b: Builder,
  unit: UnitSchemaKit<S>,
  kit: KitTypes,
  o: { perm: CommercePermissionNames; keepsStock: boolean; region?: (settings: S) => string | undefined; productType: string },
): Shop<S> {
  const region = (u: { settings: S }) => o.region?.(u.settings);
  const idPrefix = unit.typePrefix;
  return {
    b,
    unit,
    perm: o.perm,
    kit,
    keepsStock: o.keepsStock,
    region,
    id: (id, type, field) => decodeId(String(id), `${idPrefix}${type}`, field, 1)[0]!,
    id2: (id, type, field) => decodeId(String(id), `${idPrefix}${type}`, field, 2) as [string, string],
    productType: o.productType,
    views: (u, products) => productViews(u, products, { idPrefix, typename: o.productType, region: region(u), keepsStock: o.keepsStock }),
  };
}
