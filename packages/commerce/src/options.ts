import type { EnumRef, FieldRef, InputFieldRef, UnitMutationContext } from '@kkmp/plugin-sdk';
import type { BuilderTypes } from '@kkmp/plugin-sdk';
import type { SaleNeeds } from './beneficiaries/registry';
import type { SaleData } from './model/sale';
import type { Product } from './model/product';
import type { CommercePermissionNames } from './permissions';
import type { SaleHooks } from './sales/draft';
import type { ProductView, SaleView } from './schema/views';

type Types = PothosSchemaTypes.ExtendDefaultTypes<BuilderTypes>;

/** Types the kit made for the unit, for the unit's own fields: its buyer-type enum when it keeps a registry. */
export interface UnitRefs {
  buyerType?: EnumRef<Types, string>;
}

/** A unit's own fields on a kit type: giving them makes the kit register `<Unit>Product` / `<Unit>Sale`. */
export type UnitFields<Parent> = (t: PothosSchemaTypes.ObjectFieldBuilder<Types, Parent>, refs: UnitRefs) => Record<string, FieldRef<Types, any, 'Object'>>;

/** A unit's own fields of an operation's input. */
export type UnitInputFields = (t: PothosSchemaTypes.InputFieldBuilder<Types, 'InputObject'>) => Record<string, InputFieldRef<Types, unknown>>;

/**
 * How a unit plugs the commerce kit in: the catalog (products, prices, HET) always, and the modules it
 * picks. A water depot takes `sales` only; a sembako shop takes `stock`, `purchasing` and `sales`; an
 * LPG outlet adds `beneficiaries`.
 */
export interface CommerceOptions<Settings, D extends SaleData = SaleData> {
  /** The unit's permissions for each kind of work (declare them with `commercePermissions`). */
  permissions: CommercePermissionNames;
  /** The cooperative's price-ceiling (HET) region, from the unit's settings; ceilings of region "*" apply elsewhere. */
  region?: (settings: Settings) => string | undefined;
  catalog?: {
    /** The unit's own product fields (read from the product's `attributes`). */
    productFields?: UnitFields<ProductView>;
  };
  /** Stock levels at moving-average cost, stock counts (opname) and the stock card. Without it nothing is stocked. */
  stock?: boolean;
  /** Suppliers, purchase orders, goods receipts and supplier payments. Needs `stock`. */
  purchasing?: boolean;
  /** Counter sales with receipts, and voids by reversal. */
  sales?: SalesOptions<Settings, D>;
  /** A register of buyers by NIK, with the unit's buyer types and verification. */
  beneficiaries?: BeneficiaryOptions;
}

export interface SalesOptions<Settings, D extends SaleData = SaleData> {
  /** Prefix of receipt numbers, e.g. "SBK" gives SBK-20260316-0001. */
  receiptPrefix: string;
  /** Every sale must carry the buyer's NIK (LPG 3 kg, subsidized fertilizer). */
  requireBuyerNik?: boolean;
  /** The unit's own fields of the sale input, given to beforeSale as `sale.input`. */
  input?: UnitInputFields;
  /** The unit's own fields on its sale type, read from what beforeSale returned (`sale.unitData`). */
  saleFields?: UnitFields<SaleView<D>>;
  hooks?: SaleHooks<Settings, D>;
  /**
   * Converts each line's quantity as sent into selling units before it is priced and taken from stock,
   * given the product and the unit's own input (e.g. a fertilizer kiosk taking sacks of 50 kg for a
   * product sold per kg). Throw a ValidationError to refuse. Without it the quantity is in selling units.
   */
  lineQuantity?: (line: { product: Product; quantity: number; index: number }, u: UnitMutationContext<Settings>, input: Record<string, unknown>) => number;
}

export interface BeneficiaryOptions {
  /** The unit's buyer types and what each means, e.g. { RUMAH_TANGGA: 'Household (KTP + KK).' }: the enum `<Unit>BuyerType`. */
  buyerTypes: Record<string, string>;
  /**
   * What a sale needs from the register: a registered buyer, or a verified one (the buyer's NIK is then
   * required). Absent: a registered buyer's entry is still given to the unit's rules, and a blocked one
   * never buys.
   */
  saleNeeds?: SaleNeeds;
}
