import { DomainError, parseInput } from '@kkmp/plugin-sdk';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { DEFAULT_BANDS, DEFAULT_WEIGHTS } from '../../plugins/simpanpinjam/src/collectibility';
import type { Actor } from '../../plugins/simpanpinjam/src/context';
import { addDays } from '../../plugins/simpanpinjam/src/dates';
import type { Loan, Product } from '../../plugins/simpanpinjam/src/items';
import { bookRowOf, type BookRow } from '../../plugins/simpanpinjam/src/loans/book';
import { positionOf, type LoanView } from '../../plugins/simpanpinjam/src/loans/view';
import { approvableChange, changeRequest, requestLoanChangeInput, reschedule, writeOff } from '../../plugins/simpanpinjam/src/services/loan-changes';
import { applyForLoanInput, boardApproval, disbursement, newLoan, termsFor } from '../../plugins/simpanpinjam/src/services/loans';
import { recovery } from '../../plugins/simpanpinjam/src/services/recoveries';
import { repayment } from '../../plugins/simpanpinjam/src/services/repayments';
import { arrearsIdsOf, portfolioOf, portfolioOfBook } from '../../plugins/simpanpinjam/src/services/reports';
import { reversal, reversalRequest } from '../../plugins/simpanpinjam/src/services/reversals';

/**
 * The loan book's arithmetic on the services' own rules, without storage, over many random loans: the
 * portfolio from the rows (plus the loans in arrears) equals the portfolio from every loan on any date
 * from the last event to two years on. The same property through the real stack, with fewer runs:
 * simpanpinjam-loan-book.test.ts.
 */

const base = { kind: 'LOAN' as const, active: true, createdAt: '2026-01-01T00:00:00.000Z', createdBy: 'm', minAmount: 100_000, maxAmount: 50_000_000, minTermMonths: 1, maxTermMonths: 24, maxGraceMonths: 2, maxLoanToSavingsBp: 0 };
const PRODUCTS: Product[] = [
  { ...base, id: 'P1', name: 'Flat', interestMethod: 'FLAT', annualRateBp: 1800, penaltyMethod: 'PER_DAY', penaltyRateBp: 10, maxPenaltyDays: 60 },
  { ...base, id: 'P2', name: 'Menurun', interestMethod: 'DECLINING', annualRateBp: 1200, penaltyMethod: 'PER_INSTALMENT', penaltyRateBp: 500, adminFeeFixed: 10_000, maxPenaltyAmount: 50_000 },
  { ...base, id: 'P3', name: 'Anuitas', interestMethod: 'ANNUITY', annualRateBp: 1500, penaltyMethod: 'NONE', penaltyRateBp: 0, adminFeeBp: 100, instalmentMultiple: 500 },
];

const actor = (userId: string, today: string): Actor => ({ userId, today, at: `${today}T03:00:00.000Z` });

type Step =
  | { kind: 'repay'; days: number; pay: number; backdate: number }
  | { kind: 'reverse'; days: number }
  | { kind: 'reschedule'; days: number; term: number; waive: boolean }
  | { kind: 'writeOff'; days: number }
  | { kind: 'recover'; days: number; amount: number };

const step: fc.Arbitrary<Step> = fc.oneof(
  { weight: 6, arbitrary: fc.record({ kind: fc.constant('repay' as const), days: fc.integer({ min: 0, max: 70 }), pay: fc.integer({ min: 1, max: 120 }), backdate: fc.constantFrom(0, 0, 3, 10) }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('reverse' as const), days: fc.integer({ min: 0, max: 5 }) }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('reschedule' as const), days: fc.integer({ min: 0, max: 40 }), term: fc.integer({ min: 1, max: 12 }), waive: fc.boolean() }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('writeOff' as const), days: fc.integer({ min: 0, max: 200 }) }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('recover' as const), days: fc.integer({ min: 0, max: 30 }), amount: fc.integer({ min: 1, max: 2_000 }).map((n) => n * 1_000) }) },
);

const script = fc.record({
  product: fc.nat(2),
  amount: fc.integer({ min: 1, max: 200 }).map((n) => n * 50_000 + 3_000),
  term: fc.integer({ min: 1, max: 18 }),
  start: fc.integer({ min: 0, max: 300 }),
  stage: fc.constantFrom('PENDING', 'APPROVED', 'ACTIVE', 'ACTIVE', 'ACTIVE'),
  steps: fc.array(step, { maxLength: 12 }),
});

/** One loan (and the loan a reschedule makes) through its life by the services' rules; a refused step is skipped. */
type Script = typeof script extends fc.Arbitrary<infer T> ? T : never;

function live(s: Script, n: number): { loans: Loan[]; last: string } {
  const product = PRODUCTS[s.product]!;
  let day = addDays('2026-01-05', s.start);
  const input = parseInput(applyForLoanInput, { memberId: 'M', productId: product.id, amount: s.amount, termMonths: s.term, purpose: 'Usaha' });
  let loan = newLoan({ id: `L${String(n).padStart(4, '0')}`, product, memberId: `member-${n % 3}`, input, terms: termsFor(product, s.term, null, 'input.'), relatedParty: false, by: actor('staff', day) });
  if (s.stage === 'PENDING') return { loans: [loan], last: day };
  loan = boardApproval(loan, actor('ketua', day));
  if (s.stage === 'APPROVED') return { loans: [loan], last: day };
  loan = disbursement(loan, actor('staff', day));
  const done: Loan[] = [];
  let ids = 0;
  let last = day;
  for (const st of s.steps) {
    day = addDays(day, st.days);
    try {
      if (st.kind === 'repay') {
        const on = addDays(day, -st.backdate);
        const p = positionOf(loan, on < loan.disbursedOn! ? loan.disbursedOn! : on);
        if (!p) continue;
        // 1..100: that share of the payoff; above: the next instalment due, whole.
        const amount = st.pay > 100 ? (p.nextDue?.amount ?? p.payoff.total) : Math.max(1, Math.floor((p.payoff.total * st.pay) / 100));
        loan = repayment(loan, amount, actor('staff', on < loan.disbursedOn! ? loan.disbursedOn! : on), `R${ids++}`).next;
      } else if (st.kind === 'reverse') {
        const r = loan.repayments.filter((x) => !x.reversal).at(-1);
        if (!r) continue;
        const asked = reversalRequest(loan, r, 'Salah', actor('staff', day));
        loan = reversal(asked, r, actor('ketua', day < r.date ? r.date : day));
      } else if (st.kind === 'reschedule' || st.kind === 'writeOff') {
        const change = parseInput(requestLoanChangeInput, { loanId: 'x', kind: st.kind === 'reschedule' ? 'RESCHEDULE' : 'WRITE_OFF', reason: 'Usaha terganggu', ...(st.kind === 'reschedule' ? { termMonths: st.term, waivePenalties: st.waive } : {}) });
        const asked = changeRequest(loan, change, actor('staff', day));
        const ok = approvableChange(asked, actor('ketua', day));
        if (st.kind === 'writeOff') loan = writeOff(asked, ok.position, 0, actor('ketua', day)).next;
        else {
          const { old, renewed } = reschedule(asked, ok.change, ok.position, `${loan.id}R${ids++}`, actor('ketua', day));
          done.push(old);
          loan = renewed;
        }
      } else {
        loan = recovery(loan, st.amount, actor('staff', day), `C${ids++}`).next;
      }
      last = day;
      const kind = st.kind === 'repay' ? (loan.status === 'CLOSED' ? 'payoff' : st.backdate ? 'backdated repayment' : 'repayment') : st.kind;
      taken[kind] = (taken[kind] ?? 0) + 1;
    } catch (e) {
      if (!(e instanceof DomainError)) throw e;
    }
  }
  return { loans: [...done, loan], last };
}

/** Steps that took effect, by kind, over all runs: the property must have seen each. */
const taken: Record<string, number> = {};

const viewOf = (loan: Loan, asOf: string): LoanView => ({ coopId: 'C', loan, asOf, bands: DEFAULT_BANDS });

describe('the loan book on the services’ rules', () => {
  it('the portfolio from the rows and the loans in arrears equals the portfolio from every loan, from the last event to two years on', () => {
    let arrears = 0;
    fc.assert(
      fc.property(fc.array(script, { minLength: 1, maxLength: 8 }), fc.array(fc.integer({ min: 0, max: 730 }), { minLength: 1, maxLength: 4 }), (scripts, offsets) => {
        const lived = scripts.map((s, i) => live(s, i));
        const loans = lived.flatMap((l) => l.loans);
        const today = lived.map((l) => l.last).reduce((a, b) => (a > b ? a : b));
        const rows = new Map(loans.flatMap((l) => ((row) => (row ? [[l.id, row] as [string, BookRow]] : []))(bookRowOf(l))));
        for (const offset of [0, ...offsets]) {
          const asOf = addDays(today, offset);
          const late = new Set(arrearsIdsOf(rows, asOf));
          const fromBook = portfolioOfBook(rows, loans.filter((l) => late.has(l.id)).map((l) => viewOf(l, asOf)), asOf, DEFAULT_WEIGHTS, 0);
          expect(fromBook).toEqual(portfolioOf(loans.map((l) => viewOf(l, asOf)), asOf, DEFAULT_WEIGHTS, 0));
          arrears += fromBook.arrears.length;
        }
      }),
      { numRuns: 400 },
    );
    expect(arrears).toBeGreaterThan(0);
    for (const kind of ['repayment', 'backdated repayment', 'payoff', 'reverse', 'reschedule', 'writeOff', 'recover']) expect(taken[kind] ?? 0, kind).toBeGreaterThan(20);
  });
});
