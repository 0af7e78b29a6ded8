import type { registerLedgerSchema } from '../ledger/index';
import type { registerBudgetTypes } from './budget-types';

export type BudgetTypes = ReturnType<typeof registerBudgetTypes>;
export type LedgerRef = ReturnType<typeof registerLedgerSchema>['LedgerRef'];
