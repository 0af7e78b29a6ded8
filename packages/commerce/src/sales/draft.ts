import type { Member, UnitMutationContext, UnitPrefetch } from '@kkmp/plugin-sdk';
import type { SalePrefetch } from './prefetch';
import type { Beneficiary } from '../model/beneficiary';
import type { CustomerClass, Product } from '../model/product';
import type { PaymentMethod, SaleData, SaleLine, StoredSale } from '../model/sale';

/** What a unit's sale rules see before the sale commits (quotas, allocations). A copy: changing it changes nothing. */
export interface SaleDraft {
  id: string;
  date: string;
  customerClass: CustomerClass;
  /** The buyer when a member (found by member id, member number or NIK). */
  member?: Member;
  /** The buyer's NIK: the member's, or the one typed at the counter. */
  buyerNik?: string;
  /** The buyer's entry in the unit's beneficiary registry (with the buyer type), when the unit keeps one. */
  beneficiary?: Beneficiary;
  /** One line per product; `index` is the line's place in the input, for field names in errors. */
  lines: (SaleLine & { product: Product; index: number })[];
  paymentMethod: PaymentMethod;
  total: number;
  /** The unit's own fields of the sale input (SalesOptions.input), as sent. */
  input: Record<string, unknown>;
}

/** What a unit's price hook is asked: a product, sold to a member or the public, on the sale's business date. */
export interface PriceQuestion {
  product: Product;
  customerClass: CustomerClass;
  date: string;
}

/** A refused sale: the rule, the NIK typed at the counter (as typed) and the sale's business date. */
export interface SaleRefusal {
  rule: string;
  buyerNik?: string;
  date: string;
}

/** The unit's rules around a sale. `u` is the mutation's context, with the unit's settings. */
export interface SaleHooks<Settings, D extends SaleData = SaleData> {
  /**
   * Stops every sale while it throws (e.g. the depot's UV lamp is down, the certificate expired). It
   * runs inside the sale's mutation: a condition it adds (`u.writes.check` on the item it decided by)
   * lands in the sale's transaction, so a change committed between its read and the sale re-runs the
   * sale, which then meets the closed gate (the water depot's compliance gates).
   */
  gate?: (u: UnitMutationContext<Settings>) => Promise<void>;
  /**
   * Prices a line from the unit's own price list (the water depot's prices per container are its
   * settings) instead of the catalog's prices; `undefined` falls back to the catalog. The ceiling (HET)
   * of the day still applies to what it answers.
   */
  price?: (line: PriceQuestion, u: UnitMutationContext<Settings>) => number | undefined;
  /**
   * The unit's own rules, run inside the sale's transaction after the kit's checks: throw a typed error
   * (BusinessRuleError) to refuse, or add conditional writes (consumeQuotas). What it returns (JSON) is
   * stored with the sale as `unitData`, shown by the unit's sale fields and given back to onVoid.
   */
  beforeSale?: (sale: SaleDraft, u: UnitMutationContext<Settings>) => Promise<D | void>;
  /**
   * Told of a sale refused by a business rule (NOT_REGISTERED, BENEFICIARY_BLOCKED, a quota, the HET,
   * the stock), after the refusal and outside its transaction (nothing of the sale is written): for a
   * log of refused attempts, written with `u.derived`.
   */
  onRefused?: (refusal: SaleRefusal, u: UnitMutationContext<Settings>) => Promise<void>;
  /**
   * Names the items the unit's rules (gate, beforeSale) will read by key, from the sale's input alone,
   * so they join the sale's first read wave with the kit's (products, stock, buyer, registry entry):
   * e.g. `keys.item('COMPLIANCE')`, or a farmer's allocation by NIK. Runs before the gate and before
   * anything is read; it only names keys (see UnitMutationOptions.prefetch in the SDK).
   */
  prefetch?: (sale: SalePrefetch, keys: UnitPrefetch<Settings>) => void;
  /** Undoes what beforeSale took when a sale is voided (releaseQuotas with what it stored). */
  onVoid?: (sale: StoredSale<D>, u: UnitMutationContext<Settings>) => Promise<void>;
}
