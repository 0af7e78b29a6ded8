import { BusinessRuleError } from '@kkmp/plugin-sdk';
import { rawMemberId, type Ctx, eventDay } from '../context';
import { loanSchema, savingsAccountSchema, timeDepositSchema, type Loan, type Product } from '../items';
import { readBook } from '../loans/book';
import { positionOf } from '../loans/view';
import { mulDivFloor, rp, rpEn } from '../math';

/** Lending limits that read the cooperative's books and the member's savings. */

export function isRelatedParty(u: Ctx, memberId: string): boolean {
  return u.settings.relatedPartyMemberIds.some((id) => rawMemberId(u, id) === memberId);
}

/**
 * What related parties owe on a date: principal of loans approved and not yet disbursed, principal
 * outstanding of active ones; `except` left out (the loan being decided). Today (the usual case) from
 * the loan book when it is complete, else from every loan.
 */
async function relatedPartyExposure(u: Ctx, except: string, day: string): Promise<number> {
  const book = day >= u.today() ? await readBook(u) : undefined;
  if (book?.complete) {
    let exposure = 0;
    for (const [id, [memberId, , amount]] of book.rows) if (id !== except && isRelatedParty(u, memberId)) exposure += amount;
    return exposure;
  }
  let exposure = 0;
  for (const l of await u.store.all(loanSchema, ['LOAN'])) {
    if (l.id === except || !isRelatedParty(u, l.memberId)) continue;
    if (l.status === 'APPROVED') exposure += l.principal;
    if (l.status === 'ACTIVE') exposure += positionOf(l, day)?.principalOutstanding ?? l.principal;
  }
  return exposure;
}

/**
 * Related parties (board, supervisors) may owe at most relatedPartyLimitBp of own capital in all:
 * loans outstanding plus approved ones not yet disbursed plus this one.
 */
export async function checkRelatedPartyLimit(u: Ctx, loan: Pick<Loan, 'id' | 'principal'>, field: string) {
  const [ownCapital, exposure] = await Promise.all([u.books.ownCapital(), relatedPartyExposure(u, loan.id, eventDay(u))]);
  const limit = mulDivFloor(Math.max(0, ownCapital), u.settings.relatedPartyLimitBp, 10_000);
  if (exposure + loan.principal > limit) {
    throw new BusinessRuleError(
      'RELATED_PARTY_LIMIT',
      `loans to board members and supervisors may total at most ${rpEn(limit)} (${u.settings.relatedPartyLimitBp / 100}% of own capital ${rpEn(ownCapital)}); ${rpEn(exposure)} is already lent`,
      `pinjaman kepada pengurus dan pengawas paling banyak ${rp(limit)} (${(u.settings.relatedPartyLimitBp / 100).toLocaleString('id-ID')}% dari modal sendiri ${rp(ownCapital)}); sudah dipinjamkan ${rp(exposure)}`,
      { field, details: { ownCapital, limit, exposure, requested: loan.principal } },
    );
  }
}

/** The member's savings and time deposits against the product's loan-to-savings ratio. */
export async function checkLoanToSavings(u: Ctx, product: Product, memberId: string, principal: number, field: string) {
  const ratio = product.maxLoanToSavingsBp ?? 0;
  if (ratio <= 0) return;
  const [accounts, deposits] = await Promise.all([u.store.all(savingsAccountSchema, ['SACCT', memberId]), u.store.all(timeDepositSchema, ['TDEP', memberId])]);
  const savings = accounts.reduce((s, a) => s + a.balance, 0) + deposits.filter((d) => d.status === 'OPEN').reduce((s, d) => s + d.principal, 0);
  const max = mulDivFloor(savings, ratio, 10_000);
  if (principal > max) {
    throw new BusinessRuleError('LOAN_TO_SAVINGS', `at most ${rpEn(max)} for this member's savings of ${rpEn(savings)} (${ratio / 100}%)`, `paling banyak ${rp(max)} untuk simpanan anggota ${rp(savings)} (${(ratio / 100).toLocaleString('id-ID')}%)`, {
      field,
      details: { savings, maxAmount: max, ratioBp: ratio },
    });
  }
}
