import { BusinessRuleError, InvalidStateError, ValidationError, parseInput } from '@kkmp/plugin-sdk';
import { describe, expect, it } from 'vitest';
import type { Actor } from '../src/context';
import type { Loan, Product } from '../src/items';
import { claimOn } from '../src/loans/claim';
import { positionOf, statusOn } from '../src/loans/view';
import { approvableChange, changeRequest, requestLoanChangeInput, writeOff } from '../src/services/loan-changes';
import { createLoanProductInput } from '../src/services/loan-products';
import { loansOn } from '../src/services/loan-reads';
import { applyForLoanInput, boardApproval, disbursement, newLoan, rejection, termsFor } from '../src/services/loans';
import { checkOwn, ownMemberId } from '../src/services/mine';
import { recovery, recoveryEntry } from '../src/services/recoveries';
import { repayment } from '../src/services/repayments';
import { reversal, reversalEntry, reversalRequest } from '../src/services/reversals';
import { checkWithdrawal } from '../src/services/savings';

/**
 * The rules behind issue 12's simpan pinjam corrections, called directly: rejecting twice, status as
 * of a date, a written-off claim and its recoveries, repayment reversals, the member's own records,
 * and the product settings for penalty caps and instalment rounding.
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
  maxGraceMonths: 0,
  adminFeeBp: 0,
  adminFeeFixed: 0,
  adminFeeDeducted: false,
  penaltyMethod: 'PER_INSTALMENT',
  penaltyRateBp: 500,
  maxLoanToSavingsBp: 0,
};
const on = (userId: string, today: string): Actor => ({ userId, today, at: `${today}T02:00:00.000Z` });
const staff = (today: string) => on('staff-1', today);
const ketua = (today: string) => on('manager-1', today);
const bendahara = (today: string) => on('manager-2', today);

/** 1 200 000 flat 1.5% a month over 3 months (400 000 + 18 000 each), 5% penalty per late instalment. */
function active(p: Product = product): Loan {
  const input = parseInput(applyForLoanInput, { memberId: 'M', productId: 'P', amount: 1_200_000, termMonths: 3, purpose: 'Warung' });
  const entered = newLoan({ id: 'L1', product: p, memberId: 'member-1', input, terms: termsFor(p, 3, null, 'input.'), relatedParty: false, by: staff('2026-01-10') });
  return disbursement(boardApproval(entered, ketua('2026-01-12')), staff('2026-01-15'));
}

const thrown = (fn: () => unknown) => {
  try {
    fn();
  } catch (e) {
    return e;
  }
  throw new Error('expected a refusal');
};

describe('rejecting a rejected loan', () => {
  it('says it is already rejected, and when, in each language', () => {
    const entered = newLoan({ id: 'L2', product, memberId: 'm', input: parseInput(applyForLoanInput, { memberId: 'M', productId: 'P', amount: 500_000, termMonths: 3, purpose: 'x' }), terms: termsFor(product, 3, null, ''), relatedParty: false, by: staff('2026-01-10') });
    const rejected = rejection(entered, ketua('2026-01-11'), 'Belum lengkap');
    expect(rejected).toMatchObject({ status: 'REJECTED', rejectedOn: '2026-01-11' });
    const again = thrown(() => rejection(rejected, ketua('2026-01-12'), 'lagi'));
    expect(again).toBeInstanceOf(InvalidStateError);
    expect(again).toMatchObject({ messageEn: 'this loan application is already rejected (on 2026-01-11)', messageId: 'pengajuan pinjaman ini sudah ditolak (pada 2026-01-11)' });
  });
});

describe('status as of a date', () => {
  it('follows the days each step happened; before the loan existed it is not listed', () => {
    const loan = active();
    expect([statusOn(loan, '2026-01-09'), statusOn(loan, '2026-01-10'), statusOn(loan, '2026-01-12'), statusOn(loan, '2026-01-15')]).toEqual([undefined, 'PENDING', 'APPROVED', 'ACTIVE']);
    const asked = changeRequest(loan, parseInput(requestLoanChangeInput, { loanId: 'L', kind: 'WRITE_OFF', reason: 'Macet' }), staff('2026-08-20'));
    const { position } = approvableChange(asked, ketua('2026-08-20'));
    const off = writeOff(asked, position, 0, ketua('2026-08-20')).next;
    expect([statusOn(off, '2026-08-19'), statusOn(off, '2026-08-20')]).toEqual(['ACTIVE', 'WRITTEN_OFF']);
    expect(loansOn([off], '2026-01-09')).toEqual([]);
    expect(loansOn([off], '2026-08-19', 'ACTIVE')).toHaveLength(1);
    expect(loansOn([off], '2026-08-19', 'WRITTEN_OFF')).toEqual([]);
  });
});

describe('a written-off claim and its recoveries', () => {
  const writtenOff = () => {
    const asked = changeRequest(active(), parseInput(requestLoanChangeInput, { loanId: 'L', kind: 'WRITE_OFF', reason: 'Macet' }), staff('2026-08-15'));
    const { position } = approvableChange(asked, ketua('2026-08-15'));
    return writeOff(asked, position, 0, ketua('2026-08-15')).next;
  };

  it('keeps the claim written off: principal, interest, fees and penalties of that day', () => {
    // all three instalments overdue: interest 3 × 18 000; penalties 3 × 5% × 418 000 = 62 700
    const off = writtenOff();
    expect(off.writtenOff).toEqual({ penalty: 62_700, fee: 0, interest: 54_000, principal: 1_200_000 });
    expect(claimOn(off, '2026-08-14')).toBeUndefined();
    expect(claimOn(off, '2026-08-15')).toMatchObject({ writtenOff: { total: 1_316_700 }, recovered: 0, remaining: 1_316_700 });
    // a loan written off before the split was kept: the same claim, from its position that day
    const { writtenOff: _kept, ...older } = off;
    expect(claimOn(older, '2026-08-15')!.writtenOff).toEqual({ penalty: 62_700, fee: 0, interest: 54_000, principal: 1_200_000, total: 1_316_700 });
    // nothing more accrues on it
    expect(positionOf(off, '2026-12-31')!.due.total).toBe(0);
  });

  it('takes recoveries up to what remains, posted as recovery income', () => {
    const off = writtenOff();
    expect(() => recovery(active(), 1_000, staff('2026-08-15'), 'R')).toThrow(/only a written-off loan/);
    expect(() => recovery(off, 1_000, staff('2026-08-14'), 'R')).toThrow(/before the write-off on 2026-08-15/);
    const first = recovery(off, 316_700, staff('2026-09-01'), 'R1').next;
    expect(claimOn(first, '2026-09-01')).toMatchObject({ recovered: 316_700, remaining: 1_000_000 });
    expect(claimOn(first, '2026-08-31')).toMatchObject({ recovered: 0, remaining: 1_316_700 });
    const over = thrown(() => recovery(first, 1_000_001, staff('2026-09-02'), 'R2'));
    expect(over).toBeInstanceOf(BusinessRuleError);
    expect(over).toMatchObject({ rule: 'OVERPAYMENT', field: 'input.amount', details: { payoff: 1_000_000, excess: 1 }, messageId: 'Rp1.000.001 melebihi sisa tagihan hapus buku Rp1.000.000' });
    const all = recovery(first, 1_000_000, staff('2026-09-02'), 'R2').next;
    expect(all.status).toBe('WRITTEN_OFF');
    expect(() => recovery(all, 1, staff('2026-09-03'), 'R3')).toThrow(/recovered in full/);
    expect(recoveryEntry(off, { id: 'R1', date: '2026-09-01', amount: 316_700, by: 'staff-1' }, '1100')).toEqual({
      memo: 'Pemulihan pinjaman hapus buku Usaha',
      documentId: 'R1',
      lines: [
        { account: '1100', debit: 316_700 },
        { account: 'simpanpinjam.recoveries', credit: 316_700 },
      ],
    });
  });
});

describe('reversing a repayment (maker-checker)', () => {
  // On 15 Feb 418 000 pays #1 (18 000 interest, 400 000 principal); on 16 Feb a mistaken 418 000 more.
  const paidTwice = () => {
    const one = repayment(active(), 418_000, staff('2026-02-15'), 'R1').next;
    return repayment(one, 418_000, staff('2026-02-16'), 'R2').next;
  };

  it('reverses only the latest repayment, once, approved by someone other than who asked', () => {
    const loan = paidTwice();
    const [r1, r2] = loan.repayments as [Loan['repayments'][number], Loan['repayments'][number]];
    expect(() => reversalRequest(loan, r1, 'salah', ketua('2026-02-17'))).toThrow(/only the latest repayment/);
    const asked = reversalRequest(loan, r2, 'Salah input', ketua('2026-02-17'));
    expect(asked.pendingReversal).toEqual({ repaymentId: 'R2', requestedBy: 'manager-1', requestedOn: '2026-02-17', reason: 'Salah input' });
    expect(() => reversalRequest(asked, r2, 'lagi', ketua('2026-02-17'))).toThrow(/already waiting/);
    expect(thrown(() => reversal(asked, r2, ketua('2026-02-17')))).toMatchObject({ rule: 'MAKER_CHECKER', field: 'input.repaymentId' });
    const early = thrown(() => reversal(asked, r2, bendahara('2026-02-15')));
    expect(early).toBeInstanceOf(ValidationError);
    expect((early as ValidationError).issues[0]!.field).toBe('input.businessDate');
    const done = reversal(asked, r2, bendahara('2026-02-17'));
    expect(done.pendingReversal).toBeUndefined();
    expect(done.repayments[1]!.reversal).toEqual({ on: '2026-02-17', by: 'manager-2', requestedBy: 'manager-1', reason: 'Salah input' });
    // as if it never happened: only R1 stands
    expect(positionOf(done, '2026-02-17')!.principalOutstanding).toBe(800_000);
    expect(positionOf(done, '2026-02-17')!.nextDue).toEqual({ number: 2, dueDate: '2026-03-15', amount: 418_000 });
    expect(() => reversalRequest(done, done.repayments[1]!, 'lagi', ketua('2026-02-18'))).toThrow(/already reversed on 2026-02-17/);
    // A reversal and a change wait for each other: the reversal first.
    expect(() => reversalRequest(changeRequest(loan, parseInput(requestLoanChangeInput, { loanId: 'L', kind: 'WRITE_OFF', reason: 'x' }), staff('2026-02-17')), r2, 'salah', ketua('2026-02-17'))).toThrow(/decide it first/);
    const both = changeRequest(asked, parseInput(requestLoanChangeInput, { loanId: 'L', kind: 'WRITE_OFF', reason: 'x' }), staff('2026-02-17'));
    expect(() => approvableChange(both, ketua('2026-02-17'))).toThrow(/repayment reversal is waiting/);
  });

  it('posts the repayment turned around, patronage taken back; a loan it paid off opens again', () => {
    const loan = paidTwice();
    const r2 = loan.repayments[1]!;
    // R2 on 16 Feb: interest accrued on #2 for 1 of 28 days: 18 000 × 1/28 = 642, the rest principal 417 358
    expect(r2).toMatchObject({ interest: 642, principal: 417_358 });
    expect(reversalEntry(loan, r2, '1100')).toEqual({
      memo: 'Pembatalan angsuran pinjaman Usaha',
      documentId: 'R2-REV',
      lines: [
        { account: '1100', credit: 418_000 },
        { account: 'simpanpinjam.loans', debit: 417_358 },
        { account: '4110', debit: 642 },
      ],
      patronage: [{ memberId: 'member-1', amount: -642 }],
    });
    // paid off on 20 Feb, then that repayment reversed: ACTIVE again, not closed
    const payoff = positionOf(loan, '2026-02-20')!.payoff.total;
    const closed = repayment(loan, payoff, staff('2026-02-20'), 'R3').next;
    expect(closed.status).toBe('CLOSED');
    const reopened = reversal(reversalRequest(closed, closed.repayments[2]!, 'Uang palsu', ketua('2026-02-20')), closed.repayments[2]!, bendahara('2026-02-20'));
    expect(reopened.status).toBe('ACTIVE');
    expect('closedOn' in reopened).toBe(false);
    expect(positionOf(reopened, '2026-02-20')!.principalOutstanding).toBe(800_000 - 417_358);
    // and the next repayment may be dated after the reversed one: it does not count
    expect(() => repayment(reopened, 1_000, staff('2026-02-20'), 'R4')).not.toThrow();
  });
});

describe("a member's own records", () => {
  it('needs a sign-in that names a member, and refuses another member\'s record', () => {
    const principal = (memberId?: string) => ({ principal: { userId: 'u', role: 'MEMBER' as const, coopId: 'c', ...(memberId ? { memberId } : {}) } });
    expect(ownMemberId(principal('m1'))).toBe('m1');
    expect(thrown(() => ownMemberId(principal()))).toMatchObject({ code: 'FORBIDDEN', action: 'simpanpinjam:mine' });
    expect(() => checkOwn('m1', 'm1')).not.toThrow();
    expect(thrown(() => checkOwn('m1', 'm2'))).toMatchObject({ code: 'FORBIDDEN', messageId: 'anggota hanya dapat melihat simpanan, simpanan berjangka, dan pinjamannya sendiri' });
  });
});

describe('product settings: penalty caps and instalment multiple', () => {
  const base = { name: 'Usaha', interestMethod: 'FLAT', annualRateBp: 1800, minAmount: 100_000, maxAmount: 5_000_000, minTermMonths: 3, maxTermMonths: 12 };

  it('are optional: absent means no cap and whole rupiah', () => {
    const p = parseInput(createLoanProductInput, { ...base, maxPenaltyAmount: null });
    expect(p).toMatchObject({ instalmentMultiple: 1 });
    expect(p.maxPenaltyAmount).toBeUndefined();
    expect(p.maxPenaltyDays).toBeUndefined();
  });

  it('refuse bad values by field', () => {
    const bad = () => parseInput(createLoanProductInput, { ...base, maxPenaltyAmount: -1, maxPenaltyDays: 0, instalmentMultiple: 0 });
    expect((thrown(bad) as ValidationError).issues.map((i) => i.field)).toEqual(['input.maxPenaltyAmount', 'input.maxPenaltyDays', 'input.instalmentMultiple']);
  });

  it('are copied into the loan and honoured by its schedule and position', () => {
    const p: Product = { ...product, penaltyMethod: 'PER_DAY', penaltyRateBp: 10, maxPenaltyDays: 30, instalmentMultiple: 1_000 };
    const loan = active(p);
    expect(loan).toMatchObject({ maxPenaltyDays: 30, instalmentMultiple: 1_000 });
    // 1 200 000 flat: 400 000 + 18 000 = 418 000 is already a multiple of 1 000
    expect(loan.schedule.map((i) => i.principal + i.interest)).toEqual([418_000, 418_000, 418_000]);
    // 1 Apr: #1 45 days late, charged 30: 418 000 × 0.1% × 30 = 12 540; #2 17 days: 7 106
    expect(positionOf(loan, '2026-04-01')!.due.penalty).toBe(12_540 + 7_106);
  });
});

describe('amounts in messages', () => {
  it('are written as Indonesians write them in Indonesian, and with thousands commas in English', () => {
    expect(thrown(() => checkWithdrawal(1_250_000, 1_300_000, 50_000))).toMatchObject({
      messageEn: 'only Rp1,200,000 can be withdrawn (balance Rp1,250,000, minimum Rp50,000)',
      messageId: 'hanya Rp1.200.000 yang dapat ditarik (saldo Rp1.250.000, saldo minimum Rp50.000)',
    });
    expect(thrown(() => repayment(active(), 1_300_000, staff('2026-01-15'), 'R'))).toMatchObject({
      messageEn: 'Rp1,300,000 is more than the Rp1,200,000 that pays the loan off on 2026-01-15',
      messageId: 'Rp1.300.000 melebihi Rp1.200.000 untuk melunasi pinjaman pada 2026-01-15',
    });
  });
});
