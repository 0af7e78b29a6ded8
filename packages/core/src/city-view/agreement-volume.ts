import type { Transaction } from '@kkmp/store';
import type { CoreContext } from '../context';
import { InvalidStateError, ValidationError } from '../errors';
import { agreementKey, agreementVolumeKey } from './keys';
import { agreementSchema } from './partners';

const FIELD = 'input.supplyAgreementId';

/**
 * A purchase made under a supply agreement: the agreement must be this cooperative's and in force on the
 * purchase's business date. Its volume (in the cooperative's partition) grows in the purchase's own
 * transaction: purchases are few, so this item is never hot, and the volume is exact.
 */
export async function countUnderAgreement(ctx: CoreContext, tx: Transaction, coopId: string, ref: { id: string; amount: number }, date: string): Promise<void> {
  const cityId = await ctx.lookups.cityOfCoop(coopId);
  const item = cityId ? await ctx.items.load(agreementKey(cityId, ref.id)) : undefined;
  const agreement = item ? agreementSchema.parse(item) : undefined;
  if (!agreement || agreement.coopId !== coopId) throw ValidationError.field(FIELD, 'is not a supply agreement of this cooperative', 'bukan perjanjian pasokan koperasi ini');
  if (agreement.status !== 'ACTIVE') throw new InvalidStateError(`the supply agreement is ${agreement.status.toLowerCase()}`, `perjanjian pasokan berstatus ${agreement.status === 'DRAFT' ? 'draf' : 'berakhir'}`);
  if (date < agreement.startDate || (agreement.endDate && date > agreement.endDate)) {
    throw ValidationError.field(FIELD, `is not in force on ${date} (${agreement.startDate} to ${agreement.endDate ?? 'open'})`, `tidak berlaku pada ${date} (${agreement.startDate} s.d. ${agreement.endDate ?? 'terbuka'})`);
  }
  tx.update(agreementVolumeKey(coopId, agreement.id), {
    expression: 'ADD amount :a, purchases :one SET #t = :type, agreementId = :id',
    names: { '#t': 'type' },
    values: { ':a': ref.amount, ':one': 1, ':type': 'SupplyAgreementVolume', ':id': agreement.id },
  });
}
