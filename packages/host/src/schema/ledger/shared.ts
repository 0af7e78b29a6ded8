import type { Cooperative } from '@kkmp/core';
import type { registerJournalTypes } from './journal-types';

/** The parent of every `Ledger` field: the cooperative whose books are read. */
export type Ledger = { coop: Cooperative };
export type Awaited2<T> = T extends Promise<infer U> ? U : T;
export type JournalTypes = ReturnType<typeof registerJournalTypes>;
export type BilingualRef = JournalTypes['Bilingual'];
