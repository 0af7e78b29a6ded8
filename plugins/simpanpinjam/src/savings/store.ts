import { InvalidStateError, NotFoundError, decodeId, type Page } from '@kkmp/plugin-sdk';
import type { Ctx } from '../context';
import { savingsAccountSchema, savingsProductSchema, savingsTxnSchema, type Product, type SavingsTxn } from '../items';

export async function productOf(u: Ctx, id: string, field: string, kinds: Product['kind'][]): Promise<Product> {
  const [raw] = decodeId(id, 'SimpanpinjamProduct', field, 1) as [string];
  const p = await u.store.get(savingsProductSchema, 'PRODUCT', raw);
  if (!p || !kinds.includes(p.kind)) throw new NotFoundError(kinds.includes('LOAN') ? 'SimpanpinjamLoanProduct' : 'SimpanpinjamSavingsProduct', id, field);
  if (!p.active) throw new InvalidStateError('this product is closed to new accounts', 'produk ini sudah tidak menerima rekening baru');
  return p;
}

export async function accountOf(u: Ctx, id: string, field: string) {
  const [memberId, raw] = decodeId(id, 'SimpanpinjamSavingsAccount', field, 2) as [string, string];
  const account = await u.store.get(savingsAccountSchema, 'SACCT', memberId, raw);
  if (!account) throw new NotFoundError('SimpanpinjamSavingsAccount', id, field);
  return account;
}

/** Every movement of an account dated on or after a day (pages through; one account's recent history). */
export async function movementsSince(u: Ctx, accountId: string, from: string): Promise<SavingsTxn[]> {
  const out: SavingsTxn[] = [];
  let after: string | undefined;
  for (;;) {
    const page: Page<SavingsTxn> = await u.store.range(savingsTxnSchema, ['STXN', accountId, from], ['STXN', accountId, '~'], { first: 100, ...(after ? { after } : {}) });
    out.push(...page.items);
    if (!page.hasNextPage || !page.endCursor) return out;
    after = page.endCursor;
  }
}
