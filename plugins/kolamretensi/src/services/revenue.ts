import { BusinessRuleError, cond, msg, update, z, type UnitContext, type UnitMutationContext } from '@kkmp/plugin-sdk';
import type { KolamSettings } from '../settings';
import { ACCOUNTS, LINES, LINE_ACCOUNT, type Line } from './accounts';
import { loadPond } from './ponds';

export const monthString = z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/, msg('must be a month, YYYY-MM', 'harus bulan, TTTT-BB'));

/** A pond's revenue of a month by business line, kept as the events post (their business date's month). */
export const revenueSchema = z.object({ pondId: z.string(), month: z.string(), FISH: z.number().int().default(0), TICKETS: z.number().int().default(0), RENTALS: z.number().int().default(0) });
export type MonthRevenue = z.output<typeof revenueSchema>;
const revenueKey = (pondId: string, month: string) => ['REVENUE', pondId, month];

/** The city's share of a month, posted once as a payable. */
export const shareSchema = z.object({ pondId: z.string(), month: z.string(), revenue: z.number().int(), revenueShareBps: z.number().int(), amount: z.number().int(), agreementNumber: z.string(), entryId: z.string(), date: z.string(), postedAt: z.string() });
export type CityShare = z.output<typeof shareSchema>;
const shareKey = (pondId: string, month: string) => ['SHARE', pondId, month];

export const totalOf = (r: MonthRevenue) => r.FISH + r.TICKETS + r.RENTALS;

/**
 * The share in whole rupiah: revenue × bps / 10,000, rounded half up (Rp0.5 and more up), in exact
 * integer arithmetic (BigInt), so it is the agreement's percentage of the revenue to the rupiah.
 */
export function shareOf(revenue: number, bps: number): number {
  return Number((BigInt(revenue) * BigInt(bps) + 5_000n) / 10_000n);
}

/**
 * Revenue of one business line: posted (Dr `debit`, Cr the line's revenue account) and added to the
 * pond's month, in the event's transaction. A month whose city share is posted takes no more revenue:
 * the share would no longer be the agreement's percentage of it.
 */
export async function earn(u: UnitMutationContext<KolamSettings>, a: { pondId: string; line: Line; amount: number; debit: string; memo: string; documentId: string }): Promise<void> {
  const month = u.businessDate.slice(0, 7);
  if (await u.store.get(shareSchema, ...shareKey(a.pondId, month))) {
    throw new BusinessRuleError('SHARE_POSTED', `the city's share for ${month} is posted; record this in a later month`, `bagi hasil kota untuk ${month} sudah dibukukan; catat di bulan berikutnya`, { field: 'input.businessDate', details: { month } });
  }
  let change = update().setIfNotExists('pondId', a.pondId).setIfNotExists('month', month).add(a.line, a.amount);
  for (const other of LINES) if (other !== a.line) change = change.setIfNotExists(other, 0);
  // A share posted meanwhile closes the month: this re-runs and meets SHARE_POSTED.
  u.writes.update(revenueKey(a.pondId, month), change, cond.notExists('shareEntryId'));
  await u.post({ memo: a.memo, documentId: a.documentId, lines: [{ account: a.debit, debit: a.amount }, { account: LINE_ACCOUNT[a.line], credit: a.amount }] });
}

export async function monthRevenue(u: UnitContext<KolamSettings>, pondId: string, month: string): Promise<MonthRevenue> {
  return (await u.store.get(revenueSchema, ...revenueKey(pondId, month))) ?? { pondId, month, FISH: 0, TICKETS: 0, RENTALS: 0 };
}

export const postShareInput = z.object({ pondId: z.string(), month: monthString });

/**
 * Posts the city's share of a month that is over (by the business date) as a payable: Dr bagi hasil
 * kota, Cr utang bagi hasil kota. Once per pond and month: a second call answers the first posting.
 */
export async function postCityShare(u: UnitMutationContext<KolamSettings>, input: z.output<typeof postShareInput>): Promise<CityShare> {
  const pond = await loadPond(u, input.pondId, 'input.pondId');
  if (input.month >= u.businessDate.slice(0, 7)) {
    throw new BusinessRuleError('MONTH_NOT_OVER', `${input.month} is not over yet on ${u.businessDate}`, `${input.month} belum selesai pada ${u.businessDate}`, { field: 'input.month' });
  }
  const [posted, rev] = await u.store.getMany(z.unknown(), [shareKey(pond.id, input.month), revenueKey(pond.id, input.month)]);
  if (posted) return shareSchema.parse(posted);
  const revenue = rev ? revenueSchema.parse(rev) : { pondId: pond.id, month: input.month, FISH: 0, TICKETS: 0, RENTALS: 0 };
  const total = totalOf(revenue);
  const amount = shareOf(total, pond.agreement.revenueShareBps);
  const id = `${pond.id}-${input.month}`;
  const { entryId } = amount > 0
    ? await u.post({ memo: `Bagi hasil kota ${pond.name} ${input.month} (${pond.agreement.number})`, documentId: id, lines: [{ account: ACCOUNTS.cityShare, debit: amount }, { account: ACCOUNTS.cityShareDue, credit: amount }] })
    : { entryId: '' };
  const share: CityShare = { pondId: pond.id, month: input.month, revenue: total, revenueShareBps: pond.agreement.revenueShareBps, amount, agreementNumber: pond.agreement.number, entryId, date: u.businessDate, postedAt: u.now().toISOString() };
  // The month's revenue is closed with it (the revenue item refuses more), and a twin posting re-runs and answers this one.
  u.writes.update(shareKey(pond.id, input.month), update().set('pondId', share.pondId).set('month', share.month).set('revenue', total).set('revenueShareBps', share.revenueShareBps).set('amount', amount).set('agreementNumber', share.agreementNumber).set('entryId', entryId).set('date', share.date).set('postedAt', share.postedAt), cond.notExists('amount'));
  // Closes the month's revenue at exactly the figures read: revenue recorded meanwhile re-runs this posting.
  const asRead = rev ? cond.and(cond.eq('FISH', revenue.FISH), cond.eq('TICKETS', revenue.TICKETS), cond.eq('RENTALS', revenue.RENTALS)) : cond.notExists('month');
  u.writes.update(revenueKey(pond.id, input.month), update().set('pondId', pond.id).set('month', input.month).set('shareEntryId', entryId || 'none'), cond.and(cond.notExists('shareEntryId'), asRead));
  return share;
}

export const cityShare = (u: UnitContext<KolamSettings>, pondId: string, month: string) => u.store.get(shareSchema, ...shareKey(pondId, month));
