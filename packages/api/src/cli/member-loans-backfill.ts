import { putAll, scanAll, sk, skPrefix, type Db } from '@kkmp/store';

/**
 * The member loan index (MLOAN#<member>#<loan>, written with every loan since issue 19) for loans made
 * before it existed: one entry per LOAN item of every cooperative's simpanpinjam partition. Idempotent (a
 * put of the same entry), so it may be run again, or while the API serves. Returns the loans indexed.
 */
export async function backfillMemberLoans(db: Db): Promise<number> {
  let n = 0;
  await scanAll(db, { expression: 'begins_with(sk, :loan) AND contains(pk, :unit)', values: { ':loan': skPrefix('LOAN'), ':unit': '#U#simpanpinjam' } }, async (items) => {
    const entries = items
      .filter((i) => typeof i.memberId === 'string' && typeof i.id === 'string' && typeof i.pk === 'string')
      .map((i) => ({ pk: i.pk as string, sk: sk('MLOAN', i.memberId as string, i.id as string), memberId: i.memberId, loanId: i.id, unit: 'simpanpinjam' }));
    await putAll(db, entries);
    n += entries.length;
  });
  return n;
}
