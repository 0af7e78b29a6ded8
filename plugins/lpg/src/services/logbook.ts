import { ValidationError, csvStringify, type UnitContext } from '@kkmp/plugin-sdk';
import { commerceKeys, saleSchema, type Sale } from '@kkmp/commerce';
import type { LpgSettings } from '../settings';

/** One line of the logbook, in the shape of the merchant-app logbook: one subsidized sale. */
export interface LogbookRow {
  date: string;
  time: string;
  nik: string;
  buyerType: string;
  quantity: number;
  price: number;
  total: number;
  receipt: string;
}

/** Columns of the CSV file, in order (the header row). */
export const LOGBOOK_COLUMNS = ['tanggal', 'jam', 'nik', 'jenis_pembeli', 'jumlah_tabung', 'harga', 'total', 'nomor_struk'] as const;

/** Longest period one report reads: a quarter. */
export const MAX_REPORT_DAYS = 92;

const ZONES = { WIB: 'Asia/Jakarta', WITA: 'Asia/Makassar', WIT: 'Asia/Jayapura' } as const;

export function checkPeriod(from: string, to: string): void {
  if (to < from) throw ValidationError.field('to', 'must not be before from', 'tidak boleh sebelum from');
  if ((Date.parse(to) - Date.parse(from)) / 86_400_000 > MAX_REPORT_DAYS) throw ValidationError.field('to', `at most ${MAX_REPORT_DAYS} days`, `paling lama ${MAX_REPORT_DAYS} hari`);
}

/** Completed sales between two business dates, every page. */
export async function salesBetween(u: UnitContext<LpgSettings>, from: string, to: string): Promise<Sale[]> {
  const out: Sale[] = [];
  let after: string | undefined;
  for (;;) {
    const page = await u.store.range(saleSchema, commerceKeys.salesOf(from), commerceKeys.salesOf(`${to}~`), { first: 100, ...(after ? { after } : {}) });
    out.push(...page.items.filter((s) => s.status === 'COMPLETED'));
    if (!page.hasNextPage || !page.endCursor) return out;
    after = page.endCursor;
  }
}

/** The logbook: every completed sale with subsidized 3 kg cylinders, by business date and time. */
export async function logbook(u: UnitContext<LpgSettings>, from: string, to: string): Promise<LogbookRow[]> {
  checkPeriod(from, to);
  const clock = new Intl.DateTimeFormat('en-GB', { timeZone: ZONES[u.cooperative.timeZone], hour: '2-digit', minute: '2-digit', hourCycle: 'h23' });
  return (await salesBetween(u, from, to)).flatMap((s) => {
    const line = s.lines.find((l) => l.sku === u.settings.subsidizedSku);
    if (!line || !s.buyerNik) return [];
    return [{ date: s.date, time: clock.format(new Date(s.at)), nik: s.buyerNik, buyerType: String(s.unitData.buyerType ?? ''), quantity: line.quantity, price: line.unitPrice, total: line.amount, receipt: s.number }];
  });
}

/** The logbook as a CSV file (RFC 4180, header row), written by the maintained csv-stringify. */
export function logbookCsv(rows: LogbookRow[]): string {
  return csvStringify(
    rows.map((r) => [r.date, r.time, r.nik, r.buyerType, r.quantity, r.price, r.total, r.receipt]),
    { header: true, columns: [...LOGBOOK_COLUMNS] },
  );
}

export interface BuyerTypeFigures {
  buyerType: string;
  sales: number;
  cylinders: number;
  total: number;
}

/** Subsidized sales per buyer type over a period. */
export function byBuyerType(rows: LogbookRow[]): BuyerTypeFigures[] {
  const map = new Map<string, BuyerTypeFigures>();
  for (const r of rows) {
    const f = map.get(r.buyerType) ?? { buyerType: r.buyerType, sales: 0, cylinders: 0, total: 0 };
    f.sales += 1;
    f.cylinders += r.quantity;
    f.total += r.total;
    map.set(r.buyerType, f);
  }
  return [...map.values()].sort((a, b) => a.buyerType.localeCompare(b.buyerType));
}
