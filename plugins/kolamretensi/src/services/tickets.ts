import { msg, update, z, type UnitContext, type UnitMutationContext } from '@kkmp/plugin-sdk';
import type { KolamSettings } from '../settings';
import { ACCOUNTS } from './accounts';
import { loadPond } from './ponds';
import { earn } from './revenue';

export const TICKET_KINDS = ['FISHING', 'VISITOR'] as const;

/** Tickets of one kind sold at a pond on one day: the daily count and takings. */
export const ticketDaySchema = z.object({ pondId: z.string(), date: z.string(), kind: z.enum(TICKET_KINDS), count: z.number().int(), amount: z.number().int() });
export type TicketDay = z.output<typeof ticketDaySchema>;
const dayKey = (pondId: string, date: string, kind: string) => ['TICKETDAY', pondId, date, kind];

export const sellTicketsInput = z.object({ pondId: z.string(), kind: z.enum(TICKET_KINDS), quantity: z.number().int().min(1, msg('at least 1', 'paling sedikit 1')).max(1_000) });

/** Tickets sold at the gate, paid in cash at the price in the settings: the day's count up, Dr Kas, Cr tiket. */
export async function sellTickets(u: UnitMutationContext<KolamSettings>, input: z.output<typeof sellTicketsInput>): Promise<TicketDay> {
  const pond = await loadPond(u, input.pondId, 'input.pondId');
  const price = input.kind === 'FISHING' ? u.settings.fishingTicketPrice : u.settings.visitorTicketPrice;
  const amount = price * input.quantity;
  const date = u.businessDate;
  const before = await u.store.get(ticketDaySchema, ...dayKey(pond.id, date, input.kind));
  u.writes.update(dayKey(pond.id, date, input.kind), update().setIfNotExists('pondId', pond.id).setIfNotExists('date', date).setIfNotExists('kind', input.kind).add('count', input.quantity).add('amount', amount));
  await earn(u, { pondId: pond.id, line: 'TICKETS', amount, debit: ACCOUNTS.cash, memo: `Tiket ${input.kind === 'FISHING' ? 'memancing' : 'masuk'} ${pond.name} x${input.quantity}`, documentId: u.newId() });
  return { pondId: pond.id, date, kind: input.kind, count: (before?.count ?? 0) + input.quantity, amount: (before?.amount ?? 0) + amount };
}

/** Daily ticket counts of a pond between two dates (one row per day and kind). */
export async function ticketDays(u: UnitContext<KolamSettings>, pondId: string, from: string, to: string): Promise<TicketDay[]> {
  return (await u.store.range(ticketDaySchema, ['TICKETDAY', pondId, from], ['TICKETDAY', pondId, `${to}~`], { first: 100 })).items;
}
