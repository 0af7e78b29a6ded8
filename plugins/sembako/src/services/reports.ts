import { ValidationError, type UnitContext } from '@kkmp/plugin-sdk';
import { commerceKeys, saleSchema, type Sale } from '@kkmp/commerce';

export interface ProductFigures {
  productId: string;
  sku: string;
  name: string;
  quantity: number;
  revenue: number;
  cost: number;
}

export interface PaymentTotal {
  method: Sale['paymentMethod'];
  count: number;
  total: number;
}

export interface DailySummary {
  date: string;
  salesCount: number;
  total: number;
  memberTotal: number;
  nonMemberTotal: number;
  cost: number;
  byPaymentMethod: PaymentTotal[];
  byProduct: ProductFigures[];
  voidedCount: number;
  voidedTotal: number;
}

/** Longest period the margins report reads: about a quarter. */
export const MAX_REPORT_DAYS = 92;

/** Margin as a share of revenue in basis points (1250 = 12.5%); 0 without revenue. */
export const marginBasisPoints = (f: { revenue: number; cost: number }) => (f.revenue > 0 ? Math.round(((f.revenue - f.cost) * 10_000) / f.revenue) : 0);

/** Sales between two local dates, every page. */
export async function salesBetween(u: UnitContext<unknown>, from: string, to: string): Promise<Sale[]> {
  const out: Sale[] = [];
  let after: string | undefined;
  for (;;) {
    const page = await u.store.range(saleSchema, commerceKeys.salesOf(from), commerceKeys.salesOf(`${to}~`), { first: 100, ...(after ? { after } : {}) });
    out.push(...page.items);
    if (!page.hasNextPage || !page.endCursor) return out;
    after = page.endCursor;
  }
}

/** Per product, best sellers first. */
export function byProduct(sales: Sale[]): ProductFigures[] {
  const map = new Map<string, ProductFigures>();
  for (const s of sales) {
    for (const l of s.lines) {
      const f = map.get(l.productId) ?? { productId: l.productId, sku: l.sku, name: l.name, quantity: 0, revenue: 0, cost: 0 };
      f.quantity += l.quantity;
      f.revenue += l.amount;
      f.cost += l.cost;
      map.set(l.productId, f);
    }
  }
  return [...map.values()].sort((a, b) => b.revenue - a.revenue || a.sku.localeCompare(b.sku));
}

function byPaymentMethod(sales: Sale[]): PaymentTotal[] {
  const methods = new Map<Sale['paymentMethod'], PaymentTotal>();
  for (const s of sales) {
    const m = methods.get(s.paymentMethod) ?? { method: s.paymentMethod, count: 0, total: 0 };
    m.count += 1;
    m.total += s.total;
    methods.set(s.paymentMethod, m);
  }
  return [...methods.values()].sort((a, b) => a.method.localeCompare(b.method));
}

/** A day at the counter: totals, members vs public, payment methods and products. Voided sales are counted apart. */
export function summarizeDay(date: string, sales: Sale[]): DailySummary {
  const done = sales.filter((s) => s.status === 'COMPLETED');
  const voided = sales.filter((s) => s.status === 'VOIDED');
  const sum = (list: Sale[]) => list.reduce((t, s) => t + s.total, 0);
  return {
    date,
    salesCount: done.length,
    total: sum(done),
    memberTotal: sum(done.filter((s) => s.customerClass === 'MEMBER')),
    nonMemberTotal: sum(done.filter((s) => s.customerClass === 'NON_MEMBER')),
    cost: done.reduce((t, s) => t + s.cost, 0),
    byPaymentMethod: byPaymentMethod(done),
    byProduct: byProduct(done),
    voidedCount: voided.length,
    voidedTotal: sum(voided),
  };
}

/** A day's summary, read from the day's sales. */
export async function dailySummary(u: UnitContext<unknown>, date: string): Promise<DailySummary> {
  return summarizeDay(date, await salesBetween(u, date, date));
}

/** Margin per product over at most 92 days (sales by their day; voided sales left out). */
export async function margins(u: UnitContext<unknown>, from: string, to: string): Promise<ProductFigures[]> {
  if (to < from) throw ValidationError.field('to', 'must not be before from', 'tidak boleh sebelum from');
  if ((Date.parse(to) - Date.parse(from)) / 86_400_000 > MAX_REPORT_DAYS) throw ValidationError.field('to', `at most ${MAX_REPORT_DAYS} days`, `paling lama ${MAX_REPORT_DAYS} hari`);
  return byProduct((await salesBetween(u, from, to)).filter((s) => s.status === 'COMPLETED'));
}
