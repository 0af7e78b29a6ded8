import { isoDate, z, type Builder, type UnitSchemaKit } from '@kkmp/plugin-sdk';
import { byBuyerType, checkPeriod, logbook, logbookCsv, type BuyerTypeFigures, type LogbookRow } from '../services/logbook';
import { refusalsByReason, type RefusalCount } from '../services/refusals';
import type { LpgSettings } from '../settings';

const period = z.object({ from: isoDate, to: isoDate });

/** `lpgLogbook` (rows and the CSV file the agent and the city ask for) and `lpgSalesByBuyerType`. */
export function registerReports(b: Builder, unit: UnitSchemaKit<LpgSettings>): void {
  const Row = b.objectRef<LogbookRow>('LpgLogbookRow').implement({
    description: 'One subsidized sale in the logbook (as the merchant app records it).',
    fields: (t) => ({
      date: t.expose('date', { type: 'Date', description: 'Business date.' }),
      time: t.exposeString('time', { description: "Time of the sale (HH:MM, the cooperative's zone)." }),
      nik: t.exposeString('nik', { description: "The buyer's NIK (the logbook carries it whole)." }),
      buyerType: t.exposeString('buyerType', { description: 'Buyer type it was sold under.' }),
      quantity: t.exposeInt('quantity', { description: '3 kg cylinders.' }),
      price: t.expose('price', { type: 'Rupiah', description: 'Price per cylinder.' }),
      total: t.expose('total', { type: 'Rupiah', description: 'quantity × price.' }),
      receipt: t.exposeString('receipt', { description: 'Receipt number.' }),
    }),
  });
  const Logbook = b.objectRef<{ rows: LogbookRow[] }>('LpgLogbook').implement({
    description: 'The logbook of subsidized sales over a period.',
    fields: (t) => ({
      rows: t.field({ type: [Row], description: 'Sales by business date.', resolve: (l) => l.rows }),
      csv: t.string({ description: 'The same as a CSV file with a header row (tanggal, jam, nik, jenis_pembeli, jumlah_tabung, harga, total, nomor_struk).', resolve: (l) => logbookCsv(l.rows) }),
    }),
  });
  const Figures = b.objectRef<BuyerTypeFigures>('LpgBuyerTypeFigures').implement({
    description: 'Subsidized sales of one buyer type over a period.',
    fields: (t) => ({
      buyerType: t.exposeString('buyerType', { description: 'Buyer type.' }),
      sales: t.exposeInt('sales', { description: 'Sales.' }),
      cylinders: t.exposeInt('cylinders', { description: '3 kg cylinders.' }),
      total: t.expose('total', { type: 'Rupiah', description: 'Total.' }),
    }),
  });
  unit.query('logbook', {
    type: Logbook,
    description: 'The logbook (business date, time, NIK, buyer type, quantity, price) of completed subsidized sales; with the CSV file. Carries whole NIKs: managers only.',
    permission: 'lpg:manage',
    args: (t) => ({
      from: t({ type: 'Date', required: true, description: 'First business date.' }),
      to: t({ type: 'Date', required: true, description: 'Last business date (at most 92 days after from).' }),
    }),
    schema: period,
    resolve: async (a, u) => ({ rows: await logbook(u, a.from, a.to) }),
  });
  const Refusals = b.objectRef<RefusalCount>('LpgRefusalCount').implement({
    description: 'Refused sale attempts of one reason over a period.',
    fields: (t) => ({
      rule: t.exposeString('rule', { description: 'The reason: NOT_REGISTERED, NOT_VERIFIED, BENEFICIARY_BLOCKED, BUYER_LIMIT, PRICE_ABOVE_CEILING, OUT_OF_STOCK, ...' }),
      count: t.exposeInt('count', { description: 'Attempts refused.' }),
    }),
  });
  unit.query('refusalsByReason', {
    type: [Refusals],
    description: 'Refused sale attempts per reason over a period (at most 92 days), by business date.',
    permission: 'lpg:read',
    args: (t) => ({
      from: t({ type: 'Date', required: true, description: 'First business date.' }),
      to: t({ type: 'Date', required: true, description: 'Last business date (at most 92 days after from).' }),
    }),
    schema: period,
    resolve: (a, u) => refusalsByReason(u, a.from, a.to),
  });
  unit.query('salesByBuyerType', {
    type: [Figures],
    description: 'Subsidized sales per buyer type over a period (at most 92 days).',
    permission: 'lpg:read',
    args: (t) => ({
      from: t({ type: 'Date', required: true, description: 'First business date.' }),
      to: t({ type: 'Date', required: true, description: 'Last business date (at most 92 days after from).' }),
    }),
    schema: period,
    resolve: async (a, u) => {
      checkPeriod(a.from, a.to);
      return byBuyerType(await logbook(u, a.from, a.to));
    },
  });
}
