import { isoDate, msg, positiveRupiah, text, z, type Builder, type UnitSchemaKit } from '@kkmp/plugin-sdk';
import { cageEvents, cageGlobalId, cagesOf, createCage, createCageInput, recordCageEvent, type Cage, type CageEvent } from '../services/cages';
import { loadPond } from '../services/ponds';
import { billGlobalId, billRentals, billRentalsInput, billsOf, createRental, createRentalInput, payBill, payBillInput, rentalGlobalId, rentalsOf, type Bill, type Rental } from '../services/rentals';
import { monthString } from '../services/revenue';
import { sellTickets, sellTicketsInput, ticketDays, type TicketDay } from '../services/tickets';
import type { KolamSettings } from '../settings';
import type { Enums } from './enums';

const grams = z.number().int().min(1, msg('at least 1 gram', 'paling sedikit 1 gram')).max(100_000_000);
const note = text(200).nullish();

/** The pond's businesses: fish cages, tickets at the gate, rentals billed monthly. */
export function registerBusiness(b: Builder, unit: UnitSchemaKit<KolamSettings>, e: Enums) {
  const CageRef = b.objectRef<Cage>('KolamretensiCage').implement({
    description: 'A floating fish cage (keramba jaring apung) with its running totals.',
    fields: (t) => ({
      id: t.id({ description: 'Cage id (opaque).', resolve: (c) => cageGlobalId(c) }),
      name: t.exposeString('name', { description: 'Name, e.g. "KJA 1".' }),
      species: t.exposeString('species', { description: 'Fish kept, e.g. nila (tilapia), lele (catfish).' }),
      stockedFish: t.exposeInt('stockedFish', { description: 'Fingerlings stocked so far.' }),
      feedGrams: t.exposeInt('feedGrams', { description: 'Feed given so far (g).' }),
      harvestedGrams: t.exposeInt('harvestedGrams', { description: 'Harvested so far (g).' }),
      onHandGrams: t.exposeInt('onHandGrams', { description: 'Harvested and not yet sold (g).' }),
      soldGrams: t.exposeInt('soldGrams', { description: 'Sold so far (g).' }),
      costs: t.expose('costs', { type: 'Rupiah', description: 'Fingerlings and feed so far.' }),
      sales: t.expose('sales', { type: 'Rupiah', description: 'Fish sales so far.' }),
    }),
  });
  const CageEventRef = b.objectRef<CageEvent>('KolamretensiCageEvent').implement({
    description: 'One event of a cage.',
    fields: (t) => ({
      cageId: t.id({ description: 'The cage.', resolve: (x) => cageGlobalId({ pondId: x.pondId, id: x.cageId }) }),
      date: t.expose('date', { type: 'Date', description: 'Business date.' }),
      kind: t.exposeString('kind', { description: 'STOCKING, FEED, HARVEST or SALE.' }),
      fish: t.exposeInt('fish', { nullable: true, description: 'Fingerlings (stocking).' }),
      grams: t.exposeInt('grams', { nullable: true, description: 'Weight (feed, harvest, sale).' }),
      amount: t.expose('amount', { type: 'Rupiah', nullable: true, description: 'Cost (stocking, feed) or price (sale).' }),
      note: t.exposeString('note', { nullable: true, description: 'Note.' }),
    }),
  });
  const TicketDayRef = b.objectRef<TicketDay>('KolamretensiTicketDay').implement({
    description: 'Tickets of one kind sold on one day.',
    fields: (t) => ({
      date: t.expose('date', { type: 'Date', description: 'Business date.' }),
      kind: t.field({ type: e.TicketKind, description: 'Kind.', resolve: (d) => d.kind }),
      count: t.exposeInt('count', { description: 'Tickets sold.' }),
      amount: t.expose('amount', { type: 'Rupiah', description: 'Takings.' }),
    }),
  });
  const RentalRef = b.objectRef<Rental>('KolamretensiRental').implement({
    description: 'A space or stall let at the pond, billed monthly.',
    fields: (t) => ({
      id: t.id({ description: 'Rental id (opaque).', resolve: (r) => rentalGlobalId(r) }),
      tenantName: t.exposeString('tenantName', { description: 'Tenant.' }),
      space: t.exposeString('space', { description: 'The space or stall.' }),
      kind: t.field({ type: e.RentalKind, description: 'What is let.', resolve: (r) => r.kind }),
      monthlyRent: t.expose('monthlyRent', { type: 'Rupiah', description: 'Rent a month.' }),
      startMonth: t.exposeString('startMonth', { description: 'First month (YYYY-MM).' }),
      endMonth: t.exposeString('endMonth', { nullable: true, description: 'Last month (YYYY-MM); open-ended when null.' }),
    }),
  });
  const BillRef = b.objectRef<Bill>('KolamretensiRentalBill').implement({
    description: "One month's bill of a rental.",
    fields: (t) => ({
      id: t.id({ description: 'Bill id (opaque).', resolve: (x) => billGlobalId(x) }),
      month: t.exposeString('month', { description: 'Month billed (YYYY-MM).' }),
      tenantName: t.exposeString('tenantName', { description: 'Tenant.' }),
      space: t.exposeString('space', { description: 'Space.' }),
      amount: t.expose('amount', { type: 'Rupiah', description: 'Amount.' }),
      billedOn: t.expose('billedOn', { type: 'Date', description: 'Business date billed.' }),
      paidOn: t.expose('paidOn', { type: 'Date', nullable: true, description: 'Business date paid.' }),
    }),
  });

  unit.mutation('createCage', {
    type: CageRef,
    description: 'Registers a fish cage in a pond.',
    permission: 'kolamretensi:manage',
    input: (t) => ({ pondId: t.id({ required: true, description: 'The pond.' }), name: t.string({ required: true, description: 'Name.' }), species: t.string({ required: true, description: 'Fish kept.' }) }),
    schema: createCageInput,
    resolve: (input, u) => createCage(u, input),
  });
  const cageId = (t: PothosInput) => t.id({ required: true, description: 'The cage.' });
  unit.mutation('stockCage', {
    type: CageEventRef,
    description: 'Fingerlings stocked into a cage, paid in cash (Dr biaya perikanan, Cr Kas).',
    permission: 'kolamretensi:record',
    businessEvent: true,
    input: (t) => ({ cageId: cageId(t), fish: t.int({ required: true, description: 'Fingerlings.' }), cost: t.field({ type: 'Rupiah', required: true, description: 'What they cost.' }), note: t.string({ required: false, description: 'Note.' }) }),
    schema: z.object({ cageId: z.string(), fish: z.number().int().min(1, msg('at least 1 fish', 'paling sedikit 1 ekor')).max(1_000_000), cost: positiveRupiah, note }),
    resolve: (input, u) => recordCageEvent(u, { kind: 'STOCKING', ...input }),
  });
  unit.mutation('feedCage', {
    type: CageEventRef,
    description: 'Feed given to a cage, paid in cash (Dr biaya perikanan, Cr Kas).',
    permission: 'kolamretensi:record',
    businessEvent: true,
    input: (t) => ({ cageId: cageId(t), grams: t.int({ required: true, description: 'Feed in grams.' }), cost: t.field({ type: 'Rupiah', required: true, description: 'What it cost.' }), note: t.string({ required: false, description: 'Note.' }) }),
    schema: z.object({ cageId: z.string(), grams, cost: positiveRupiah, note }),
    resolve: (input, u) => recordCageEvent(u, { kind: 'FEED', ...input }),
  });
  unit.mutation('harvestCage', {
    type: CageEventRef,
    description: 'Fish harvested from a cage, by weight: on hand until sold.',
    permission: 'kolamretensi:record',
    businessEvent: true,
    input: (t) => ({ cageId: cageId(t), grams: t.int({ required: true, description: 'Harvest in grams.' }), note: t.string({ required: false, description: 'Note.' }) }),
    schema: z.object({ cageId: z.string(), grams, note }),
    resolve: (input, u) => recordCageEvent(u, { kind: 'HARVEST', ...input }),
  });
  unit.mutation('sellFish', {
    type: CageEventRef,
    description: "Harvested fish sold for cash, never more than on hand: revenue of the fish line (Dr Kas, Cr penjualan ikan).",
    permission: 'kolamretensi:record',
    businessEvent: true,
    input: (t) => ({ cageId: cageId(t), grams: t.int({ required: true, description: 'Weight sold in grams.' }), amount: t.field({ type: 'Rupiah', required: true, description: 'Price received.' }), note: t.string({ required: false, description: 'Buyer, note.' }) }),
    schema: z.object({ cageId: z.string(), grams, amount: positiveRupiah, note }),
    resolve: (input, u) => recordCageEvent(u, { kind: 'SALE', ...input }),
  });
  unit.mutation('sellTickets', {
    type: TicketDayRef,
    description: 'Tickets sold at the gate for cash at the price in the settings; answers the day’s count so far.',
    permission: 'kolamretensi:record',
    businessEvent: true,
    input: (t) => ({ pondId: t.id({ required: true, description: 'The pond.' }), kind: t.field({ type: e.TicketKind, required: true, description: 'Kind.' }), quantity: t.int({ required: true, description: 'Tickets, 1 to 1000.' }) }),
    schema: sellTicketsInput,
    resolve: (input, u) => sellTickets(u, input),
  });
  unit.mutation('createRental', {
    type: RentalRef,
    description: 'Lets a space or stall at the pond at a monthly rent.',
    permission: 'kolamretensi:manage',
    businessEvent: false,
    input: (t) => ({
      pondId: t.id({ required: true, description: 'The pond.' }),
      tenantName: t.string({ required: true, description: 'Tenant.' }),
      space: t.string({ required: true, description: 'The space or stall.' }),
      kind: t.field({ type: e.RentalKind, required: true, description: 'What is let.' }),
      monthlyRent: t.field({ type: 'Rupiah', required: true, description: 'Rent a month.' }),
      startMonth: t.string({ required: true, description: 'First month (YYYY-MM).' }),
      endMonth: t.string({ required: false, description: 'Last month (YYYY-MM).' }),
    }),
    schema: createRentalInput,
    resolve: (input, u) => createRental(u, input),
  });
  unit.mutation('billRentals', {
    type: [BillRef],
    description: "Bills the business date's month for every rental running then and not yet billed (Dr Piutang, Cr sewa); safe to run again.",
    permission: 'kolamretensi:manage',
    businessEvent: true,
    input: (t) => ({ pondId: t.id({ required: true, description: 'The pond.' }) }),
    schema: billRentalsInput,
    resolve: (input, u) => billRentals(u, input),
  });
  unit.mutation('payRentalBill', {
    type: BillRef,
    description: 'A rental bill paid in cash (Dr Kas, Cr Piutang).',
    permission: 'kolamretensi:record',
    businessEvent: true,
    input: (t) => ({ billId: t.id({ required: true, description: 'The bill.' }) }),
    schema: payBillInput,
    resolve: (input, u) => payBill(u, input),
  });

  unit.query('cages', {
    type: [CageRef],
    description: "A pond's fish cages.",
    permission: 'kolamretensi:read',
    args: (t) => ({ pondId: t.id({ required: true, description: 'The pond.' }) }),
    resolve: async (a, u) => cagesOf(u, (await loadPond(u, String(a.pondId), 'pondId')).id),
  });
  unit.query('cageEvents', {
    type: [CageEventRef],
    description: "A pond's cage events between two business dates (at most 100).",
    permission: 'kolamretensi:read',
    args: (t) => ({ pondId: t.id({ required: true, description: 'The pond.' }), from: t({ type: 'Date', required: true, description: 'First day.' }), to: t({ type: 'Date', required: true, description: 'Last day.' }) }),
    schema: z.object({ pondId: z.string(), from: isoDate, to: isoDate }),
    resolve: async (a, u) => cageEvents(u, (await loadPond(u, a.pondId, 'pondId')).id, a.from, a.to),
  });
  unit.query('ticketDays', {
    type: [TicketDayRef],
    description: 'Daily ticket counts of a pond between two business dates.',
    permission: 'kolamretensi:read',
    args: (t) => ({ pondId: t.id({ required: true, description: 'The pond.' }), from: t({ type: 'Date', required: true, description: 'First day.' }), to: t({ type: 'Date', required: true, description: 'Last day.' }) }),
    schema: z.object({ pondId: z.string(), from: isoDate, to: isoDate }),
    resolve: async (a, u) => ticketDays(u, (await loadPond(u, a.pondId, 'pondId')).id, a.from, a.to),
  });
  unit.query('rentals', {
    type: [RentalRef],
    description: "A pond's rentals.",
    permission: 'kolamretensi:read',
    args: (t) => ({ pondId: t.id({ required: true, description: 'The pond.' }) }),
    resolve: async (a, u) => rentalsOf(u, (await loadPond(u, String(a.pondId), 'pondId')).id),
  });
  unit.query('rentalBills', {
    type: [BillRef],
    description: "A pond's rental bills of a month.",
    permission: 'kolamretensi:read',
    args: (t) => ({ pondId: t.id({ required: true, description: 'The pond.' }), month: t.string({ required: true, description: 'YYYY-MM.' }) }),
    schema: z.object({ pondId: z.string(), month: monthString }),
    resolve: async (a, u) => billsOf(u, (await loadPond(u, a.pondId, 'pondId')).id, a.month),
  });
}

type PothosInput = Parameters<Parameters<UnitSchemaKit<KolamSettings>['mutation']>[1]['input']>[0];
