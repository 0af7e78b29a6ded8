import { BusinessRuleError, InvalidStateError, ValidationError, parseInput } from '@kkmp/plugin-sdk';
import { describe, expect, it } from 'vitest';
import type { Actor } from '../src/context';
import type { Loan, Product, TimeDeposit } from '../src/items';
import { approvableChange, changeRequest, requestLoanChangeInput, reschedule, writeOff, writeOffEntry } from '../src/services/loan-changes';
import { createLoanProductInput } from '../src/services/loan-products';
import { applyForLoanInput, boardApproval, disbursement, disbursementEntry, newLoan, rejection, supervisorEndorsement, termsFor } from '../src/services/loans';
import { repayment } from '../src/services/repayments';
import { checkWithdrawal, movementEntry } from '../src/services/savings';
import { createSavingsProductInput } from '../src/services/savings-products';
import { payout } from '../src/services/time-deposits';

/**
 * The unit's rules called directly, without GraphQL or storage: input schemas (as the kit parses them,
 * fields named under "input"), the loan's state changes, allocation and the postings they imply.
 */

const product: Product = {
  id: 'P1',
  kind: 'LOAN',
  name: 'Usaha',
  active: true,
  createdAt: '2026-01-01T00:00:00.000Z',
  createdBy: 'manager-1',
  interestMethod: 'FLAT',
  annualRateBp: 1800,
  minAmount: 100_000,
  maxAmount: 5_000_000,
  minTermMonths: 3,
  maxTermMonths: 12,
  maxGraceMonths: 2,
  adminFeeBp: 100,
  adminFeeFixed: 5_000,
  adminFeeDeducted: true,
  penaltyMethod: 'NONE',
  penaltyRateBp: 0,
  maxLoanToSavingsBp: 0,
};
const staff: Actor = { userId: 'staff-1', today: '2026-01-15', at: '2026-01-15T02:00:00.000Z' };
const ketua: Actor = { userId: 'manager-1', today: '2026-01-15', at: '2026-01-15T03:00:00.000Z' };
const pengawas: Actor = { userId: 'supervisor-1', today: '2026-01-15', at: '2026-01-15T04:00:00.000Z' };

function applied(amount = 1_200_000, relatedParty = false): Loan {
  const input = parseInput(applyForLoanInput, { memberId: 'M', productId: 'P', amount, termMonths: 3, purpose: '  Warung  ' });
  return newLoan({ id: 'L1', product, memberId: 'member-1', input, terms: termsFor(product, 3, null, 'input.'), relatedParty, by: staff });
}

const issues = (fn: () => unknown) => {
  try {
    fn();
  } catch (e) {
    if (e instanceof ValidationError) return e.issues;
    throw e;
  }
  throw new Error('expected a ValidationError');
};

describe('input schemas: every bad field named, in English and Indonesian', () => {
  it('a loan product lists each bad field and each broken relation between fields', () => {
    const base = { name: 'Usaha', interestMethod: 'FLAT', annualRateBp: 1800, minAmount: 100_000, maxAmount: 5_000_000, minTermMonths: 3, maxTermMonths: 12 };
    expect(issues(() => parseInput(createLoanProductInput, { ...base, name: '  ', annualRateBp: 10_001 })).map((i) => i.field)).toEqual(['input.name', 'input.annualRateBp']);
    const crossed = issues(() => parseInput(createLoanProductInput, { ...base, maxAmount: 50_000, maxTermMonths: 2, maxGraceMonths: 3 }));
    expect(crossed).toEqual([
      { field: 'input.maxAmount', messageEn: 'must not be below minAmount', messageId: 'tidak boleh di bawah minAmount' },
      { field: 'input.maxTermMonths', messageEn: 'must not be below minTermMonths', messageId: 'tidak boleh di bawah minTermMonths' },
      { field: 'input.maxGraceMonths', messageEn: 'must be less than minTermMonths', messageId: 'harus kurang dari minTermMonths' },
    ]);
  });

  it('fills a loan product\'s defaults and keeps its name to 80 characters', () => {
    const p = parseInput(createLoanProductInput, { name: `  ${'x'.repeat(100)}  `, interestMethod: 'ANNUITY', annualRateBp: 1200, minAmount: 1, maxAmount: 1, minTermMonths: 1, maxTermMonths: 1, penaltyMethod: null });
    expect(p).toMatchObject({ name: 'x'.repeat(80), maxGraceMonths: 0, adminFeeBp: 0, adminFeeFixed: 0, adminFeeDeducted: false, penaltyMethod: 'NONE', penaltyRateBp: 0, maxLoanToSavingsBp: 0 });
  });

  it('a reschedule needs a term and a grace shorter than it; a write-off ignores the terms', () => {
    const reschedule = { loanId: 'L', kind: 'RESCHEDULE', reason: 'Panen gagal', graceMonths: 6, termMonths: 6, annualRateBp: -1 };
    expect(issues(() => parseInput(requestLoanChangeInput, reschedule)).map((i) => [i.field, i.messageId])).toEqual([
      ['input.graceMonths', 'harus bilangan bulat 0 sampai 5'],
      ['input.annualRateBp', 'harus bilangan bulat 0 sampai 10000'],
    ]);
    expect(issues(() => parseInput(requestLoanChangeInput, { ...reschedule, termMonths: null })).map((i) => i.field)).toContain('input.termMonths');
    expect(parseInput(requestLoanChangeInput, { ...reschedule, kind: 'WRITE_OFF', termMonths: null }).kind).toBe('WRITE_OFF');
  });

  it('a time-deposit product needs a term of 1 to 60 months; savings do not', () => {
    const td = { name: 'Berjangka', kind: 'TIME_DEPOSIT', annualRateBp: 600, minBalance: -1 };
    expect(issues(() => parseInput(createSavingsProductInput, td)).map((i) => [i.field, i.messageEn])).toEqual([
      ['input.minBalance', 'must not be negative'],
      ['input.termMonths', 'a time deposit needs a term of 1 to 60 months'],
    ]);
    expect(issues(() => parseInput(createSavingsProductInput, { ...td, minBalance: 0, termMonths: 61 })).map((i) => i.field)).toEqual(['input.termMonths']);
    expect(parseInput(createSavingsProductInput, { ...td, kind: 'SAVINGS', minBalance: null })).toMatchObject({ kind: 'SAVINGS', minBalance: 0, earlyPenaltyBp: 0 });
  });
});

describe('loan rules', () => {
  it('copies the product\'s terms into the application; the admin fee is fixed plus basis points', () => {
    const loan = applied();
    expect(loan).toMatchObject({ status: 'PENDING', principal: 1_200_000, termMonths: 3, graceMonths: 0, purpose: 'Warung', adminFee: 5_000 + 12_000, adminFeeDeducted: true, enteredBy: 'staff-1' });
    expect(() => termsFor(product, 3, 3, 'input.')).toThrow(ValidationError);
    expect(() => termsFor(product, 13, 0, '')).toThrow(/from 3 to 12/);
  });

  it('maker-checker: the maker cannot approve; nobody approves their own loan; approval happens once', () => {
    const loan = applied();
    expect(() => boardApproval(loan, staff)).toThrow(expect.objectContaining({ rule: 'MAKER_CHECKER', field: 'input.loanId' }));
    expect(() => boardApproval(loan, { ...ketua, memberId: 'member-1' })).toThrow(expect.objectContaining({ rule: 'OWN_LOAN' }));
    const approved = boardApproval(loan, ketua);
    expect(approved).toMatchObject({ status: 'APPROVED', approvedOn: '2026-01-15', boardApprovedBy: 'manager-1', version: 2 });
    expect(() => boardApproval(approved, ketua)).toThrow(InvalidStateError);
  });

  it('a related-party loan needs the board and a supervisor, in either order', () => {
    const loan = applied(1_000_000, true);
    expect(() => supervisorEndorsement(applied(), pengawas)).toThrow(/only loans to related parties/);
    const endorsed = supervisorEndorsement(loan, pengawas);
    expect(endorsed.status).toBe('PENDING');
    const both = boardApproval(endorsed, ketua);
    expect(both).toMatchObject({ status: 'APPROVED', supervisorApprovedBy: 'supervisor-1', boardApprovedBy: 'manager-1' });
    expect(both.events.map((e) => e.what)).toEqual(['ENTERED', 'ENDORSED_BY_SUPERVISOR', 'APPROVED_BY_BOARD']);
    expect(() => rejection(disbursement(both, staff), ketua, 'terlambat')).toThrow(/not yet disbursed/);
  });

  it('disbursement starts the schedule today and posts the deducted fee as revenue from the member', () => {
    expect(() => disbursement(applied(), staff)).toThrow(/only an approved loan/);
    const active = disbursement(boardApproval(applied(), ketua), staff);
    expect(active.schedule.map((i) => i.dueDate)).toEqual(['2026-02-15', '2026-03-15', '2026-04-15']);
    expect(disbursementEntry(active, '1100')).toEqual({
      memo: 'Pencairan pinjaman Usaha',
      documentId: 'L1',
      lines: [
        { account: 'simpanpinjam.loans', debit: 1_200_000 },
        { account: '1100', credit: 1_183_000 },
        { account: '4110', credit: 17_000 },
      ],
      patronage: [{ memberId: 'member-1', amount: 17_000 }],
    });
  });

  it('a repayment above the payoff is refused with the payoff; the payoff itself closes the loan early', () => {
    const active = disbursement(boardApproval(applied(), ketua), staff);
    const later = { ...staff, today: '2026-02-15' };
    // Flat 1.5% a month: 18 000 interest due on 15 Feb; early payoff = 1 200 000 principal + 18 000
    const over = (() => {
      try {
        repayment(active, 1_218_001, later, 'R1');
      } catch (e) {
        return e;
      }
    })();
    expect(over).toBeInstanceOf(BusinessRuleError);
    expect(over).toMatchObject({ rule: 'OVERPAYMENT', details: { payoff: 1_218_000, excess: 1 } });
    const { next, closes } = repayment(active, 1_218_000, later, 'R1');
    expect(closes).toBe(true);
    expect(next).toMatchObject({ status: 'CLOSED', closedOn: '2026-02-15' });
    expect(next.events.at(-1)!.what).toBe('PAID_OFF_EARLY');
    expect(() => repayment(next, 1, later, 'R2')).toThrow(/only an active/);
  });

  it('a change waits for someone other than its requester; a write-off takes the allowance first', () => {
    const active = disbursement(boardApproval(applied(), ketua), staff);
    const input = parseInput(requestLoanChangeInput, { loanId: 'L', kind: 'WRITE_OFF', reason: 'Meninggal dunia' });
    const asked = changeRequest(active, input, staff);
    expect(() => changeRequest(asked, input, staff)).toThrow(/already waiting/);
    expect(() => approvableChange(asked, staff)).toThrow(expect.objectContaining({ rule: 'MAKER_CHECKER' }));
    const { position } = approvableChange(asked, ketua);
    const { next, principal, fromAllowance } = writeOff(asked, position, 200_000, ketua);
    expect([next.status, next.pendingChange, principal, fromAllowance]).toEqual(['WRITTEN_OFF', undefined, 1_200_000, 200_000]);
    expect(writeOffEntry(asked, principal, fromAllowance).lines).toEqual([
      { account: 'simpanpinjam.allowance', debit: 200_000 },
      { account: 'simpanpinjam.allowanceExpense', debit: 1_000_000 },
      { account: 'simpanpinjam.loans', credit: 1_200_000 },
    ]);
  });

  it('a reschedule carries unpaid interest into the new first instalment and keeps the loan\'s rate unless changed', () => {
    const active = disbursement(boardApproval(applied(), ketua), staff);
    const day = { ...ketua, today: '2026-02-20' };
    const input = parseInput(requestLoanChangeInput, { loanId: 'L', kind: 'RESCHEDULE', reason: 'Usaha sepi', termMonths: 6 });
    const asked = changeRequest(active, input, { ...staff, today: '2026-02-20' });
    expect(asked.pendingChange).toMatchObject({ termMonths: 6, graceMonths: 0, annualRateBp: 1800, interestMethod: 'FLAT', waivePenalties: false });
    const { change, position } = approvableChange(asked, day);
    const { old, renewed } = reschedule(asked, change, position, 'L2', day);
    expect(old).toMatchObject({ status: 'RESCHEDULED', closedOn: '2026-02-20', rescheduledTo: 'L2' });
    // Unpaid on 20 Feb: the 15 Feb interest (18 000) plus 5 of 28 days of March's (3 214), carried as a fee.
    expect(renewed).toMatchObject({ id: 'L2', status: 'ACTIVE', principal: 1_200_000, termMonths: 6, rescheduledFrom: 'L1', adminFee: 0 });
    expect(renewed.schedule[0]).toMatchObject({ dueDate: '2026-03-20', fee: 18_000 + 3_214 });
  });
});

describe('savings and time-deposit rules', () => {
  it('a withdrawal never goes below the product minimum, and says what is available', () => {
    expect(() => checkWithdrawal(100_000, 100_000, 0)).not.toThrow();
    expect(() => checkWithdrawal(100_000, 95_001, 5_000)).toThrow(expect.objectContaining({ rule: 'INSUFFICIENT_BALANCE', details: { balance: 100_000, minBalance: 5_000, available: 95_000 } }));
    expect(movementEntry('withdraw', 'T1', 50_000, '1110').lines).toEqual([
      { account: '2120', debit: 50_000 },
      { account: '1110', credit: 50_000 },
    ]);
  });

  it('a time deposit pays its term\'s interest at maturity, and only the principal less the penalty before', () => {
    const d: TimeDeposit = { id: 'D1', memberId: 'm', productId: 'p', principal: 10_000_000, annualRateBp: 600, termMonths: 6, openedOn: '2026-01-01', maturityDate: '2026-07-01', earlyWithdrawal: 'PENALTY', earlyPenaltyBp: 100, status: 'OPEN', version: 1 };
    // 10 000 000 × 6% × 181 / 365 = 297 534.2 -> 297 534
    expect(payout(d, '2026-07-01', '1100').next).toMatchObject({ status: 'WITHDRAWN', interestPaid: 297_534, penaltyCharged: 0 });
    const early = payout(d, '2026-03-01', '1100');
    expect(early.next).toMatchObject({ interestPaid: 0, penaltyCharged: 100_000 });
    expect(early.entry.lines).toEqual([
      { account: 'simpanpinjam.deposits', debit: 10_000_000 },
      { account: '1100', credit: 9_900_000 },
      { account: 'simpanpinjam.penaltyIncome', credit: 100_000 },
    ]);
    expect(() => payout(early.next, '2026-07-01', '1100')).toThrow(InvalidStateError);
  });
});
