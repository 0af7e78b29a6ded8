import { pk, sk } from '@kkmp/store';

/** Everything of a cooperative's books lives in its own ledger partition. */
export const ledgerPartition = (coopId: string) => pk({ kind: 'coop', coopId }, 'LEDGER');

export const NO_SEGMENT = '-';
export const entryKey = (coopId: string, date: string, id: string) => ({ pk: ledgerPartition(coopId), sk: sk('JE', date, id) });
export const monthBalanceKey = (coopId: string, month: string, account: string, segment: string) => ({
  pk: ledgerPartition(coopId),
  sk: sk('BM', month, account, segment),
});
export const dayBalanceKey = (coopId: string, date: string, account: string, segment: string) => ({
  pk: ledgerPartition(coopId),
  sk: sk('BD', date, account, segment),
});
export const lockKey = (coopId: string) => ({ pk: ledgerPartition(coopId), sk: sk('PERIODLOCK') });
export const reversalKey = (coopId: string, entryId: string) => ({ pk: ledgerPartition(coopId), sk: sk('REVERSED', entryId) });
export const patronageKey = (coopId: string, year: string, memberId: string, unitId: string) => ({
  pk: ledgerPartition(coopId),
  sk: sk('PATRON', year, memberId, unitId),
});

/** Cash-flow buckets ride on the balance items as pseudo-accounts: CF~<class>~<counterpart account>. */
export const cashFlowAccount = (cls: string, account: string) => `CF~${cls}~${account}`;
export const isCashFlowAccount = (code: string) => code.startsWith('CF~');
