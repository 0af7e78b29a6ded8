import type { BuilderTypes, InputFieldRef } from '@kkmp/plugin-sdk';
import type { WriteCtx } from './context';
import type { Sale } from './items';
import type { SaleDraft } from './sale';

type Types = PothosSchemaTypes.ExtendDefaultTypes<BuilderTypes>;

/** How a unit plugs the commerce kit in. */
export interface CommerceOptions<Settings> {
  /** The unit's permissions for each kind of work (declare them with `commercePermissions`). */
  permissions: { read: string; sell: string; manage: string; void: string };
  /** Prefix of receipt numbers, e.g. "SBK" gives SBK-20260316-0001. */
  receiptPrefix: string;
  /** The cooperative's price-ceiling (HET) region, from the unit's settings; ceilings of region "*" apply elsewhere. */
  region?: (settings: Settings) => string | undefined;
  /** Every sale must carry the buyer's NIK (LPG 3 kg, subsidized fertilizer). */
  requireBuyerNik?: boolean;
  /** Extra fields of the sale input, given to the hooks as `sale.extra` and stored with the sale. */
  saleInput?: (t: PothosSchemaTypes.InputFieldBuilder<Types, 'InputObject'>) => Record<string, InputFieldRef<Types, unknown>>;
  hooks?: {
    /** Stops every sale while it throws (e.g. the depot's UV lamp is down, the certificate expired). */
    gate?: (u: WriteCtx & { settings: Settings }) => Promise<void>;
    /**
     * The unit's own rules, run inside the sale's transaction after the kit's checks: throw a
     * BusinessRuleError to refuse, or add conditional writes (quotas: see consumeQuotas).
     */
    beforeSale?: (sale: SaleDraft, u: WriteCtx & { settings: Settings }) => Promise<void>;
    /** Undo what beforeSale took when a sale is voided (releaseQuotas). */
    onVoid?: (sale: Sale, u: WriteCtx & { settings: Settings }) => Promise<void>;
  };
}
