export { CORE_ACCOUNTS, ACCOUNTS, Chart, buildChart, cashAccountFor, type Account, type AccountKind, type CashFlowClass } from './accounts';
export { postEntry, postingReads, validateEntry, cashFlows, journalEntrySchema, type JournalEntry, type JournalEntryInput, type JournalLine, type JournalSource } from './posting';
export { movements, movementsUpTo, type Movement } from './balances';
export { type Scope, type AccountLine, type TrialBalanceLine } from './statements';
export { getTrialBalance, getFinancialPosition, getPositionView, getResults, getCashFlow, getChangesInEquity } from './reports';
export {
  draftJournalEntry,
  approveJournalEntry,
  rejectJournalEntry,
  reverseJournalEntry,
  lockPeriod,
  lockedThrough,
  listJournal,
  listDrafts,
  generalLedger,
  draftJournalInput,
  type JournalDraft,
} from './journal';
export { ledgerPartition } from './keys';
export { positionKey, emptyPositionItem, totalsFromPosition, positionDeltas, type PositionTotals } from './position';
export { positionView, totalsByKey, type PositionView, type FinancialPositionStatement } from './position-view';
export { backfillPosition } from './position-backfill';
export { DEFAULT_SHU_SPLIT, allocateShu, validateShuSplit, type ShuAllocation, type ShuSplitLine, type ShuMemberInput } from './shu';
export {
  setShuSplit,
  getShuSplit,
  closeYear,
  getYearClose,
  listShuShares,
  getShuShare,
  recordRat,
  listRats,
  getPatronage,
  DEFAULT_RAT_QUORUM_BP,
  type YearClose,
  type ShuShare,
  type RatRecord,
} from './year-close';
export {
  setBudget,
  approveBudget,
  getBudget,
  listBudgetVersions,
  budgetVsActual,
  basisPoints,
  setBudgetInput,
  approveBudgetInput,
  BUDGET_STATUSES,
  MAX_BUDGET_LINES,
  MAX_MONTHLY_BUDGET,
  type Budget,
  type BudgetLine,
  type BudgetStatus,
  type BudgetVsActual,
  type BudgetVsActualRow,
  type VarianceCell,
  type VarianceSeries,
  type MonthVariance,
} from './budget';
export {
  setTaxSettings,
  getTaxSettings,
  taxEstimate,
  setTaxSettingsInput,
  DEFAULT_TAX_SETTINGS,
  TURNOVER_ACCOUNTS,
  type TaxSettings,
  type TaxEstimate,
  type TaxMonth,
} from './tax';
export { resolveBusinessDate, requestedDate } from './business-date';
