import type { Builder } from '@kkmp/plugin-sdk';
import { CLASSES, type CollectibilityClass } from '../collectibility';

/** An enum whose values each carry a description (the conformance suite wants one on every value). */
function enumMaker(b: Builder) {
  return <V extends string>(name: string, description: string, values: Record<V, string>) =>
    b.enumType(name, { description, values: Object.fromEntries(Object.entries(values).map(([k, d]) => [k, { description: d as string }])) as Record<V, { description: string }> });
}

function savingsEnums(b: Builder) {
  const e = enumMaker(b);
  return {
    BalanceMethod: e('SimpanpinjamBalanceMethod', 'Balance that monthly savings interest is computed on.', {
      MINIMUM: 'Lowest end-of-day balance of the month (saldo terendah).',
      AVERAGE_DAILY: 'Average end-of-day balance of the month (saldo rata-rata harian).',
    }),
    SavingsKind: e('SimpanpinjamSavingsKind', 'Kind of savings product.', {
      SAVINGS: 'Withdrawable savings (simpanan sukarela): deposit and withdraw any time.',
      TIME_DEPOSIT: 'Time deposit (simpanan berjangka): fixed amount and term, interest at maturity.',
    }),
    EarlyWithdrawal: e('SimpanpinjamEarlyWithdrawal', 'What happens when a time deposit is withdrawn before maturity.', {
      FORFEIT_INTEREST: 'No interest is paid.',
      PENALTY: 'No interest is paid and a penalty (basis points of the principal) is deducted.',
    }),
  };
}

function loanEnums(b: Builder) {
  const e = enumMaker(b);
  return {
    InterestMethod: e('SimpanpinjamInterestMethod', 'How loan interest is computed (rates are basis points per year for every method).', {
      FLAT: 'Flat (bunga tetap): every month carries interest on the original principal.',
      DECLINING: 'Declining or effective (bunga menurun): interest on the principal still owed, equal principal each month.',
      ANNUITY: 'Annuity (anuitas): equal instalments; interest on the principal still owed, the rest repays principal.',
    }),
    PenaltyMethod: e('SimpanpinjamPenaltyMethod', 'How late-payment penalties (denda) are charged.', {
      NONE: 'No penalty.',
      PER_DAY: 'Basis points of the overdue instalment (principal + interest unpaid) for every day late.',
      PER_INSTALMENT: 'Basis points of the overdue instalment, once, the day after its due date.',
    }),
    LoanStatus: e('SimpanpinjamLoanStatus', 'Where a loan is in its life.', {
      PENDING: 'Entered, waiting for approval (by someone other than who entered it; related-party loans also by a supervisor).',
      APPROVED: 'Approved, not yet disbursed.',
      REJECTED: 'Refused by an approver.',
      ACTIVE: 'Disbursed and being repaid.',
      CLOSED: 'Repaid in full (on schedule or early).',
      WRITTEN_OFF: 'Written off (dihapusbukukan) after approval; the member still owes it off the books.',
      RESCHEDULED: 'Replaced by a new schedule for what was outstanding (see rescheduledTo).',
    }),
    Collectibility: e(
      'SimpanpinjamCollectibility',
      'Collectibility class (kolektibilitas) by days past due; the day bands are settings.',
      Object.fromEntries(
        CLASSES.map((c, i) => [
          c,
          ['1 Lancar (current): not past due.', '2 DPK, dalam perhatian khusus (special mention): 1-90 days.', '3 Kurang lancar (substandard): 91-120 days.', '4 Diragukan (doubtful): 121-180 days.', '5 Macet (loss): more than 180 days.'][i]!,
        ]),
      ) as Record<CollectibilityClass, string>,
    ),
    InstalmentState: e('SimpanpinjamInstalmentState', 'State of one instalment on the as-of date.', {
      PAID: 'Paid in full (or nothing more owed: the loan ended).',
      OVERDUE: 'Due date passed, not fully paid.',
      DUE: 'Due on the as-of date.',
      UPCOMING: 'Not due yet.',
    }),
    ChangeKind: e('SimpanpinjamLoanChangeKind', 'A change to an active loan that needs approval by someone other than who asked.', {
      RESCHEDULE: 'New terms for what is outstanding (restrukturisasi).',
      WRITE_OFF: 'Take the outstanding principal off the books (hapus buku), against the allowance first.',
    }),
  };
}

/** The unit's enums, shared by its object types and operations. */
export function registerEnums(b: Builder) {
  return { ...savingsEnums(b), ...loanEnums(b) };
}

export type Enums = ReturnType<typeof registerEnums>;
