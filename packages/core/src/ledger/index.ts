export { CORE_ACCOUNTS, ACCOUNTS, Chart, buildChart, coreChart, cashAccountFor, type Account, type AccountKind, type CashFlowClass } from './accounts';
export { postEntry, validateEntry, cashFlows, journalEntrySchema, type JournalEntry, type JournalEntryInput, type JournalLine, type JournalSource } from './posting';
export { movements, movementsUpTo, type Movement } from './balances';
export { type Scope, type AccountLine, type TrialBalanceLine } from './statements';
export { getTrialBalance, getFinancialPosition, getResults, getCashFlow, getChangesInEquity } from './reports';
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
