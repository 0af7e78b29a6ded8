import { defineUnit } from '@kkmp/plugin-sdk';
import { demo } from './demo';
import { simpanpinjamExamples } from './examples';
import { registerDeposits } from './schema/deposits';
import { registerLoans } from './schema/loans';
import { registerMine } from './schema/mine';
import { registerRepaymentReversals } from './schema/repayment-reversals';
import { registerReports } from './schema/reports';
import { registerSavings } from './schema/savings';
import { registerTypes } from './schema/types';
import { startLoanBook } from './services/loan-book';
import { sampleSettings, settingsSchema } from './settings';

export { buildSchedule, annuityPayment, type InterestMethod, type Instalment, type ScheduleTerms } from './schedule';
export { classify, problemLoanRisk, DEFAULT_BANDS, DEFAULT_WEIGHTS, type CollectibilityClass, type CollectibilityBands, type RiskWeights } from './collectibility';
export { loanPosition, allocate, type LoanPosition, type Allocation, type PenaltyRule } from './loans/position';
export { dailyBalances, monthlyInterest, type BalanceMethod } from './savings/interest';
export { settingsSchema, type SimpanpinjamSettings } from './settings';

/**
 * Savings and loan unit (unit simpan pinjam): withdrawable savings and time deposits with capped
 * interest, loans with flat, declining or annuity schedules under maker-checker, repayments allocated
 * penalties-fees-interest-principal, collectibility and problem-loan risk on any date, all posted to
 * the books. Anchored on Apache Fineract's savings and loan products, with Indonesian rules
 * (Permenkop 8/2023). See plugins/simpanpinjam/README.md.
 */
export default defineUnit({
  id: 'simpanpinjam',
  name: { id: 'Simpan Pinjam', en: 'Savings and loan' },
  description: {
    id: 'Unit simpan pinjam untuk anggota: simpanan sukarela dan berjangka, pinjaman dengan jadwal angsuran, kolektibilitas dan risiko pinjaman bermasalah.',
    en: "Savings and loans for the cooperative's members: withdrawable savings and time deposits, loans with schedules, collectibility and problem-loan risk.",
  },
  version: '1.0.0',
  compatibility: '^1',
  dependsOn: [],
  settings: settingsSchema,
  sampleSettings,
  permissions: {
    'simpanpinjam:read': { description: 'See products, accounts, statements, loans and the portfolio report.', roles: ['COOP_MANAGER', 'COOP_STAFF', 'SUPERVISOR'] },
    'simpanpinjam:mine': {
      description: "A member's own savings accounts, statements, time deposits and loans (the member the sign-in names), never another member's.",
      roles: ['MEMBER', 'COOP_MANAGER', 'COOP_STAFF', 'SUPERVISOR'],
    },
    'simpanpinjam:teller': { description: 'Open accounts, take deposits, pay withdrawals, disburse approved loans, take repayments and recoveries.', roles: ['COOP_MANAGER', 'COOP_STAFF'] },
    'simpanpinjam:enter': { description: 'Enter loan applications and ask for reschedules, write-offs and repayment reversals (the maker).', roles: ['COOP_MANAGER', 'COOP_STAFF'] },
    'simpanpinjam:approve': { description: 'Approve or refuse what someone else entered (the checker): loans, reschedules, write-offs, repayment reversals.', roles: ['COOP_MANAGER'] },
    'simpanpinjam:manage': { description: 'Products, monthly savings interest and the loan-loss allowance.', roles: ['COOP_MANAGER'] },
    'simpanpinjam:endorse': {
      description: "Supervisors' approval of loans to related parties (board members, supervisors), required besides the board's.",
      roles: ['SUPERVISOR'],
      supervisoryApproval: true,
    },
  },
  accounts: [
    { code: 'loans', name: { id: 'Piutang pinjaman anggota', en: 'Loans to members (principal)' }, kind: 'ASSET' },
    { code: 'allowance', name: { id: 'Penyisihan penghapusan pinjaman', en: 'Allowance for loan losses (credit balance: reduces loans)' }, kind: 'ASSET' },
    { code: 'deposits', name: { id: 'Simpanan berjangka', en: 'Time deposits (simpanan berjangka)' }, kind: 'LIABILITY', cashFlow: 'FINANCING' },
    { code: 'savingsInterest', name: { id: 'Beban bunga simpanan', en: 'Interest on savings and time deposits' }, kind: 'EXPENSE' },
    { code: 'penaltyIncome', name: { id: 'Pendapatan denda', en: 'Late-payment and early-withdrawal penalties' }, kind: 'REVENUE' },
    { code: 'allowanceExpense', name: { id: 'Beban penyisihan dan penghapusan pinjaman', en: 'Loan-loss provisions and write-offs' }, kind: 'EXPENSE' },
    { code: 'recoveries', name: { id: 'Pendapatan pemulihan pinjaman yang dihapusbukukan', en: 'Recoveries of written-off loans' }, kind: 'REVENUE' },
  ],
  schema(b, unit) {
    const refs = registerTypes(b, unit.core);
    registerSavings(unit, refs);
    registerDeposits(unit, refs);
    registerLoans(unit, refs);
    registerReports(unit, refs);
    registerRepaymentReversals(unit, refs);
    registerMine(unit, refs);
  },
  // Products, accounts and loans are created through the API; the loan book starts complete if there are no
  // loans yet (see services/loan-book.ts). Disabling hides, never deletes.
  onEnable: startLoanBook,
  async onDisable() {},
  demo,
  examples: simpanpinjamExamples,
});
