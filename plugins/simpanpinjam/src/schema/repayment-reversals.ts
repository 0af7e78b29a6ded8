import type { UnitSchemaKit } from '@kkmp/plugin-sdk';
import { approveRepaymentReversal, approveRepaymentReversalInput, requestRepaymentReversal, requestRepaymentReversalInput } from '../services/reversals';
import type { SimpanpinjamSettings } from '../settings';
import type { Refs } from './types';

/** Reversing a mistaken repayment under maker-checker: GraphQL fields mapped to ../services/reversals. */

type Kit = UnitSchemaKit<SimpanpinjamSettings>;

export function registerRepaymentReversals(unit: Kit, r: Refs) {
  unit.mutation('requestRepaymentReversal', {
    type: r.Loan,
    description:
      "Ask for a mistaken repayment to be reversed (the maker), with a reason. Only the loan's latest standing repayment, of an active or paid-off loan; someone else approves it with simpanpinjamApproveRepaymentReversal. Nothing moves until then.",
    permission: 'simpanpinjam:enter',
    input: (t) => ({
      repaymentId: t.id({ description: 'The repayment (SimpanpinjamRepayment.id).' }),
      reason: t.string({ description: 'Why (1-300 characters).' }),
    }),
    schema: requestRepaymentReversalInput,
    resolve: (input, u) => requestRepaymentReversal(u, input),
  });

  unit.mutation('approveRepaymentReversal', {
    type: r.Loan,
    description:
      'Approve a pending repayment reversal (not by whoever asked: BusinessRuleError MAKER_CHECKER). Posts the repayment\'s entry turned around (Cr cash; Dr loans receivable, revenue from members with its patronage, penalty income) on the business date, which may not be before the repayment; the repayment is marked reversed and the loan\'s position recomputed without it (a loan it paid off is ACTIVE again).',
    permission: 'simpanpinjam:approve',
    businessEvent: true,
    input: (t) => ({ repaymentId: t.id({ description: 'The repayment whose reversal is waiting.' }) }),
    schema: approveRepaymentReversalInput,
    resolve: (input, u) => approveRepaymentReversal(u, input),
  });
}
