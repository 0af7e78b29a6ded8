import { saleSchema, type Sale } from '@kkmp/commerce';
import type { UnitContext } from '@kkmp/plugin-sdk';

export interface ProductFigures {
  productId: string;
  sku: string;
  name: string;
  quantity: number;
  revenue: number;
  cost: number;
}

export interface DailySummary {
  date: string;
  salesCount: number;
  total: number;
  memberTotal: number;
  nonMemberTotal: number;
  cost: number;
  byPaymentMethod: { method: Sale['paymentMethod']; count: number; total: number }[];
  byProduct: ProductFigures[];
  voidedCount: number;
  voidedTotal: number;
}

/** Sales between two local dates, every page. */
export async function salesBetween(u: UnitContext<unknown>, from: string, to: string): Promise<Sale[]> {
  const out: Sale[] = [];
  let after: string | undefined;
  for (;;) {
    const page = await u.store.range(saleSchema, ['SALE', from], ['SALE', `${to}~`], { first: 100, ...(after ? { after } : {}) });
    out.push(...page.items);
    if (!page.hasNextPage || !page.endCursor) return out;
    after = page.endCursor;
  }
}

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

/** A day at the counter: totals, members vs public, payment methods and products. Voided sales are counted apart. */
export function summarizeDay(date: string, sales: Sale[]): DailySummary {
  const done = sales.filter((s) => s.status === 'COMPLETED');
  const voided = sales.filter((s) => s.status === 'VOIDED');
  const sum = (list: Sale[]) => list.reduce((t, s) => t + s.total, 0);
  const methods = new Map<Sale['paymentMethod'], { method: Sale['paymentMethod']; count: number; total: number }>();
  for (const s of done) {
    const m = methods.get(s.paymentMethod) ?? { method: s.paymentMethod, count: 0, total: 0 };
    m.count += 1;
    m.total += s.total;
    methods.set(s.paymentMethod, m);
  }
  return {
    date,
    salesCount: done.length,
    total: sum(done),
    memberTotal: sum(done.filter((s) => s.customerClass === 'MEMBER')),
    nonMemberTotal: sum(done.filter((s) => s.customerClass === 'NON_MEMBER')),
    cost: done.reduce((t, s) => t + s.cost, 0),
    byPaymentMethod: [...methods.values()].sort((a, b) => a.method.localeCompare(b.method)),
    byProduct: byProduct(done),
    voidedCount: voided.length,
    voidedTotal: sum(voided),
  };
}
