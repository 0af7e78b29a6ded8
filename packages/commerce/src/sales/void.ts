import { ACCOUNTS, InvalidStateError, NotFoundError, ValidationError, parseInput, text, z, update } from '@kkmp/plugin-sdk';
import { paymentAccount, revenueAccount } from '../accounts';
import type { WriteCtx } from '../context';
import { keys } from '../model/keys';
import { saleSchema, type Sale } from '../model/sale';
import { recordMovements } from '../stock/movements';

export const voidInput = z.object({ reason: text(200) });

/**
 * A sale is never edited or deleted: voiding it marks it VOIDED, returns its goods to stock at the
 * cost they left with, posts the reverse entry (with the member's patronage taken back) on its business date, and
 * hands the stored sale, with the data the unit's beforeSale returned, to the unit's onVoid.
 */
export async function voidSale(u: WriteCtx, ref: { date: string; id: string }, raw: unknown, onVoid?: (sale: Sale, u: WriteCtx) => Promise<void>): Promise<Sale> {
  const input = parseInput(voidInput, raw);
  const sale = await u.store.get(saleSchema, ...keys.sale(ref.date, ref.id));
  if (!sale) throw new NotFoundError('Sale', ref.id, 'input.saleId');
  if (sale.status === 'VOIDED') throw new InvalidStateError(`sale ${sale.number} is already void`, `penjualan ${sale.number} sudah dibatalkan`);
  const date = u.businessDate;
  if (date < sale.date) throw ValidationError.field('input.businessDate', `must not be before the sale (${sale.date})`, `tidak boleh sebelum tanggal penjualan (${sale.date})`);
  const at = u.now().toISOString();
  for (const l of sale.lines) {
    if (l.cost === 0 && !(await isStocked(u, l.productId))) continue;
    u.writes.update(keys.stock(l.productId), update().add('quantity', l.quantity).add('value', l.cost));
  }
  await onVoid?.(structuredClone(sale), u);
  const entryId = await postReversal(u, sale, input.reason);
  const voided: Sale = { ...sale, status: 'VOIDED', voided: { at, date, by: u.principal.userId, reason: input.reason, entryId }, version: sale.version + 1 };
  u.writes.replace(keys.sale(sale.date, sale.id), voided, sale.version);
  recordMovements(
    u,
    `${sale.id}-void`,
    sale.lines.map((l) => ({ productId: l.productId, at, date, kind: 'VOID' as const, documentId: sale.id, documentNumber: sale.number, quantity: l.quantity, value: l.cost })),
  );
  return voided;
}

async function postReversal(u: WriteCtx, sale: Sale, reason: string): Promise<string> {
  const { entryId } = await u.post({
    memo: `Pembatalan penjualan ${sale.number}: ${reason}`,
    documentId: sale.id,
    lines: [
      { account: paymentAccount(sale.paymentMethod), credit: sale.total },
      { account: revenueAccount(sale.customerClass), debit: sale.total },
      ...(sale.cost > 0 ? [{ account: ACCOUNTS.cogs, credit: sale.cost }, { account: ACCOUNTS.inventory, debit: sale.cost }] : []),
    ],
    ...(sale.memberId ? { patronage: [{ memberId: sale.memberId, amount: -sale.total }] } : {}),
  });
  return entryId;
}

async function isStocked(u: WriteCtx, productId: string): Promise<boolean> {
  return !!(await u.store.get(z.object({ stocked: z.boolean() }), ...keys.product(productId)))?.stocked;
}
