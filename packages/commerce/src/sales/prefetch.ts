import type { UnitPrefetch } from '@kkmp/plugin-sdk';
import { keys as itemKeys } from '../model/keys';
import { normalizeNik } from '../rules/nik';

/** What a unit's sale prefetch is told: the sale's input as far as it is valid, before anything is read. */
export interface SalePrefetch {
  /** The lines' products (internal ids; lines whose id does not decode are left out). */
  productIds: string[];
  /** The NIK typed at the counter, normalized, when it is a valid NIK. */
  buyerNik?: string;
  /** The unit's own fields of the sale input, as sent. */
  input: Record<string, unknown>;
}

/** The sale input as the prefetch reads it (the GraphQL input, not yet checked by the sale). */
export interface SaleInputForPrefetch {
  lines: { productId: string | number }[];
  memberId?: string | number | null;
  memberNumber?: number | null;
  buyerNik?: string | null;
}

/** Each key as far as it can be named: a value that does not decode is the sale's to refuse, not the prefetch's. */
function attempt<T>(f: () => T): T | undefined {
  try {
    return f();
  } catch {
    return undefined;
  }
}

/**
 * Names everything a sale reads by key, for the mutation's first wave: the lines' products and stock
 * levels, the buyer (member by id, by member number, or the NIK's member lookup), the registry entry
 * of the NIK, and what the unit's own rules read (its `prefetch` hook).
 */
export function prefetchSale<S>(
  input: SaleInputForPrefetch,
  own: Record<string, unknown>,
  keys: UnitPrefetch<S>,
  decode: { product(id: string | number, index: number): string; member(id: string | number, coopId: string): string },
  options: { registry: boolean; unit?: ((sale: SalePrefetch, keys: UnitPrefetch<S>) => void) | undefined },
): void {
  const productIds = input.lines.flatMap((l, i) => attempt(() => decode.product(l.productId, i)) ?? []);
  for (const id of productIds) {
    keys.item(...itemKeys.product(id));
    keys.item(...itemKeys.stock(id));
  }
  const nik = input.buyerNik ? attempt(() => normalizeNik(input.buyerNik!, 'input.buyerNik', keys.now())) : undefined;
  const memberId = input.memberId ? attempt(() => decode.member(input.memberId!, keys.cooperativeId)) : undefined;
  if (memberId) keys.member(memberId);
  else if (input.memberNumber != null) keys.memberByNumber(input.memberNumber);
  else if (nik) keys.memberByNik(nik);
  if (nik && options.registry) keys.item(...itemKeys.beneficiary(nik));
  options.unit?.({ productIds, ...(nik ? { buyerNik: nik } : {}), input: own }, keys);
}
