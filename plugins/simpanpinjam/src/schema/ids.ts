import { encodeId } from '@kkmp/plugin-sdk';

/** Public (opaque) ids of the unit's records. */
export const productId = (p: { id: string }) => encodeId('SimpanpinjamProduct', p.id);
export const accountId = (a: { memberId: string; id: string }) => encodeId('SimpanpinjamSavingsAccount', a.memberId, a.id);
export const depositId = (d: { memberId: string; id: string }) => encodeId('SimpanpinjamTimeDeposit', d.memberId, d.id);
export const loanId = (id: string) => encodeId('SimpanpinjamLoan', id);
