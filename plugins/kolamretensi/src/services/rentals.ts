import { BusinessRuleError, NotFoundError, decodeId, encodeId, positiveRupiah, text, update, cond, z, type UnitContext, type UnitMutationContext } from '@kkmp/plugin-sdk';
import type { KolamSettings } from '../settings';
import { ACCOUNTS } from './accounts';
import { loadPond } from './ponds';
import { earn, monthString } from './revenue';

export const RENTAL_KINDS = ['STALL', 'SPACE', 'CAGE_SPACE', 'FIELD'] as const;

/** A space or stall let at the pond, billed monthly. */
export const rentalSchema = z.object({ id: z.string(), pondId: z.string(), tenantName: z.string(), space: z.string(), kind: z.enum(RENTAL_KINDS), monthlyRent: z.number().int(), startMonth: z.string(), endMonth: z.string().optional() });
export type Rental = z.output<typeof rentalSchema>;
const rentalKey = (pondId: string, id: string) => ['RENTAL', pondId, id];
export const rentalGlobalId = (r: Rental) => encodeId('KolamretensiRental', r.pondId, r.id);

/** One month's bill of a rental: on the books as a receivable until paid. */
export const billSchema = z.object({ rentalId: z.string(), pondId: z.string(), month: z.string(), tenantName: z.string(), space: z.string(), amount: z.number().int(), billedOn: z.string(), paidOn: z.string().optional(), version: z.number().int() });
export type Bill = z.output<typeof billSchema>;
const billKey = (pondId: string, month: string, rentalId: string) => ['BILL', pondId, month, rentalId];
export const billGlobalId = (b: Bill) => encodeId('KolamretensiBill', b.pondId, b.month, b.rentalId);

export const createRentalInput = z
  .object({ pondId: z.string(), tenantName: text(120), space: text(120), kind: z.enum(RENTAL_KINDS), monthlyRent: positiveRupiah, startMonth: monthString, endMonth: monthString.nullish() })
  .superRefine((r, ctx) => {
    if (r.endMonth && r.endMonth < r.startMonth) ctx.addIssue({ code: 'custom', path: ['endMonth'], message: 'must not be before startMonth / tidak boleh sebelum startMonth' });
  });

export async function createRental(u: UnitMutationContext<KolamSettings>, input: z.output<typeof createRentalInput>): Promise<Rental> {
  const pond = await loadPond(u, input.pondId, 'input.pondId');
  const { endMonth, pondId: _p, ...rest } = input;
  const rental: Rental = { id: u.newId(), pondId: pond.id, ...rest, ...(endMonth ? { endMonth } : {}) };
  u.writes.create(rentalKey(pond.id, rental.id), rental);
  return rental;
}

export const rentalsOf = (u: UnitContext<KolamSettings>, pondId: string) => u.store.all(rentalSchema, ['RENTAL', pondId]);

export const billRentalsInput = z.object({ pondId: z.string() });
const MAX_BILLS = 40;

/**
 * Bills every rental running in the business date's month that has no bill for it yet (Dr Piutang, Cr
 * sewa, one entry per bill): safe to run again, a rental is billed once a month.
 */
export async function billRentals(u: UnitMutationContext<KolamSettings>, input: z.output<typeof billRentalsInput>): Promise<Bill[]> {
  const pond = await loadPond(u, input.pondId, 'input.pondId');
  const month = u.businessDate.slice(0, 7);
  const running = (await rentalsOf(u, pond.id)).filter((r) => r.startMonth <= month && (!r.endMonth || r.endMonth >= month));
  const existing = await u.store.getMany(billSchema, running.map((r) => billKey(pond.id, month, r.id)));
  const due = running.filter((_, i) => !existing[i]).slice(0, MAX_BILLS);
  const bills: Bill[] = [];
  for (const r of due) {
    const bill: Bill = { rentalId: r.id, pondId: pond.id, month, tenantName: r.tenantName, space: r.space, amount: r.monthlyRent, billedOn: u.businessDate, version: 1 };
    u.writes.update(billKey(pond.id, month, r.id), setAll(bill), cond.notExists('amount'));
    bills.push(bill);
  }
  const total = bills.reduce((s, b) => s + b.amount, 0);
  if (total > 0) await earn(u, { pondId: pond.id, line: 'RENTALS', amount: total, debit: ACCOUNTS.receivables, memo: `Tagihan sewa ${pond.name} ${month} (${bills.length})`, documentId: `${pond.id}-${month}-${u.newId()}` });
  return bills;
}

const setAll = (item: Record<string, unknown>) => Object.entries(item).reduce((up, [k, v]) => up.set(k, v), update());

export const payBillInput = z.object({ billId: z.string() });

/** A bill paid in cash: Dr Kas, Cr Piutang. */
export async function payBill(u: UnitMutationContext<KolamSettings>, input: z.output<typeof payBillInput>): Promise<Bill> {
  const [pondId, month, rentalId] = decodeId(input.billId, 'KolamretensiBill', 'input.billId', 3) as [string, string, string];
  const bill = await u.store.get(billSchema, ...billKey(pondId, month, rentalId));
  if (!bill) throw new NotFoundError('KolamretensiBill', input.billId, 'input.billId');
  if (bill.paidOn) throw new BusinessRuleError('ALREADY_PAID', `this bill was paid on ${bill.paidOn}`, `tagihan ini sudah dibayar pada ${bill.paidOn}`, { field: 'input.billId' });
  const paid: Bill = { ...bill, paidOn: u.businessDate, version: bill.version + 1 };
  u.writes.replace(billKey(pondId, month, rentalId), paid, bill.version);
  await u.post({ memo: `Bayar sewa ${bill.space} ${bill.month}`, documentId: `${pondId}-${month}-${rentalId}`, lines: [{ account: ACCOUNTS.cash, debit: bill.amount }, { account: ACCOUNTS.receivables, credit: bill.amount }] });
  return paid;
}

export const billsOf = (u: UnitContext<KolamSettings>, pondId: string, month: string) => u.store.all(billSchema, ['BILL', pondId, month]);
