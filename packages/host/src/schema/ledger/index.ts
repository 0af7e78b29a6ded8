import type { Builder } from '@kkmp/plugin-sdk';
import type { CoreRefs } from '../refs';
import { registerJournalMutations } from './journal-mutations';
import { registerJournalTypes } from './journal-types';
import { registerLedgerType } from './ledger-type';
import { registerMovementTypes } from './movement-types';
import { registerStatementTypes } from './statement-types';

/** The books of a cooperative in GraphQL: chart, journal, statements, manual entries, period lock. */
export function registerLedgerSchema(builder: Builder, refs: CoreRefs) {
  const journal = registerJournalTypes(builder, refs);
  const types = { ...journal, ...registerStatementTypes(builder, journal.Bilingual), ...registerMovementTypes(builder, journal.Bilingual) };
  const LedgerRef = registerLedgerType(builder, refs, types);
  registerJournalMutations(builder, journal);
  return { LedgerRef };
}
