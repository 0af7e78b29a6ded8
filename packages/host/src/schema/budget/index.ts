import type { Builder } from '@kkmp/plugin-sdk';
import { registerBudgetTypes } from './budget-types';
import { registerBudgetFields } from './ledger-fields';
import { registerBudgetMutations } from './mutations';
import type { LedgerRef } from './shared';
import type { CoreRefs } from '../refs';
import { registerTaxSchema } from './tax';
import { registerVarianceTypes } from './variance-types';

/** RAPBK (budget), budget against actual, and the final income tax estimate, on the `Ledger` type. */
export function registerBudgetSchema(builder: Builder, { LedgerRef, AccountKindEnum }: { LedgerRef: LedgerRef } & Pick<CoreRefs, 'AccountKindEnum'>) {
  const budget = registerBudgetTypes(builder);
  registerBudgetFields(builder, LedgerRef, budget, registerVarianceTypes(builder, budget, AccountKindEnum));
  registerTaxSchema(builder, LedgerRef);
  registerBudgetMutations(builder, budget);
}
