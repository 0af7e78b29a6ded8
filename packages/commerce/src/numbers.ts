import type { WriteCtx } from './context';

/**
 * Human document numbers: PREFIX-YYYYMMDD-0001, counted per kind and local day. Taken outside the
 * transaction so concurrent cashiers never wait for each other; a refused document leaves a gap.
 */
export async function documentNumber(u: WriteCtx, prefix: string): Promise<string> {
  const day = u.today().replaceAll('-', '');
  const n = await u.derived.nextNumber(prefix, day);
  return `${prefix}-${day}-${String(n).padStart(4, '0')}`;
}
