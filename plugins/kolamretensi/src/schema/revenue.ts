import { z, type Builder, type UnitSchemaKit } from '@kkmp/plugin-sdk';
import { loadPond } from '../services/ponds';
import { cityShare, monthRevenue, monthString, postCityShare, postShareInput, shareOf, totalOf, type CityShare, type MonthRevenue } from '../services/revenue';
import type { KolamSettings } from '../settings';

/** Revenue by business line per month and the city's share, posted once as a payable. */
export function registerRevenue(b: Builder, unit: UnitSchemaKit<KolamSettings>) {
  const ShareRef = b.objectRef<CityShare>('KolamretensiCityShare').implement({
    description: "The city's share of a month's pond revenue, posted as a payable (utang bagi hasil kota).",
    fields: (t) => ({
      month: t.exposeString('month', { description: 'YYYY-MM.' }),
      revenue: t.expose('revenue', { type: 'Rupiah', description: "The month's pond revenue it was computed on." }),
      revenueShareBps: t.exposeInt('revenueShareBps', { description: "The agreement's share in basis points." }),
      amount: t.expose('amount', { type: 'Rupiah', description: 'revenue × bps / 10,000, rounded half up to the rupiah.' }),
      agreementNumber: t.exposeString('agreementNumber', { description: 'The agreement.' }),
      date: t.expose('date', { type: 'Date', description: 'Business date it was posted.' }),
    }),
  });
  const RevenueRef = b.objectRef<MonthRevenue & { bps: number; share: CityShare | undefined }>('KolamretensiMonthRevenue').implement({
    description: "A pond's revenue of a month by business line, and the city's share of it.",
    fields: (t) => ({
      month: t.exposeString('month', { description: 'YYYY-MM.' }),
      fish: t.expose('FISH', { type: 'Rupiah', description: 'Fish sales.' }),
      tickets: t.expose('TICKETS', { type: 'Rupiah', description: 'Tickets.' }),
      rentals: t.expose('RENTALS', { type: 'Rupiah', description: 'Rentals billed.' }),
      total: t.field({ type: 'Rupiah', description: 'All lines.', resolve: (r) => totalOf(r) }),
      cityShareDue: t.field({ type: 'Rupiah', description: "The city's share of it under the agreement now (what posting would post).", resolve: (r) => shareOf(totalOf(r), r.bps) }),
      cityShare: t.field({ type: ShareRef, nullable: true, description: 'The share as posted, once posted.', resolve: (r) => r.share ?? null }),
    }),
  });
  unit.mutation('postCityShare', {
    type: ShareRef,
    description: "Posts the city's share of a month that is over as a payable (Dr bagi hasil kota, Cr utang bagi hasil kota); once per pond and month, and the month then takes no more revenue.",
    permission: 'kolamretensi:manage',
    businessEvent: true,
    input: (t) => ({ pondId: t.id({ required: true, description: 'The pond.' }), month: t.string({ required: true, description: 'The month (YYYY-MM), before the business date’s.' }) }),
    schema: postShareInput,
    resolve: (input, u) => postCityShare(u, input),
  });
  unit.query('monthRevenue', {
    type: RevenueRef,
    description: "A pond's revenue of a month by business line (this month unless given) with the city's share.",
    permission: 'kolamretensi:read',
    args: (t) => ({ pondId: t.id({ required: true, description: 'The pond.' }), month: t.string({ required: false, description: 'YYYY-MM.' }) }),
    schema: z.object({ pondId: z.string(), month: monthString.nullish() }),
    resolve: async (a, u) => {
      const pond = await loadPond(u, a.pondId, 'pondId');
      const month = a.month ?? u.today().slice(0, 7);
      const [revenue, share] = await Promise.all([monthRevenue(u, pond.id, month), cityShare(u, pond.id, month)]);
      return { ...revenue, bps: pond.agreement.revenueShareBps, share };
    },
  });
}
