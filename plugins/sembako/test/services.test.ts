import type { Sale, SaleDraft } from '@kkmp/commerce';
import { describe, expect, it } from 'vitest';
import { buyerLimitUses, limitKey } from '../src/services/limits';
import { needsReorder, suggestedOrder } from '../src/services/reorder';
import { byProduct, marginBasisPoints, summarizeDay } from '../src/services/reports';

/** The shop's rules are plain functions: these tests call them without a host or a table. */
const line = (sku: string, quantity: number, index: number, amount = 0, cost = 0) =>
  ({ productId: sku, sku, name: sku, packName: 'pak', quantity, unitPrice: 0, amount, cost, index }) as SaleDraft['lines'][number];

const sale = (over: Partial<Sale>): Sale => ({
  id: 's',
  number: 'SBK-1',
  date: '2026-03-16',
  at: '2026-03-16T02:00:00Z',
  customerClass: 'NON_MEMBER',
  lines: [],
  total: 0,
  cost: 0,
  paymentMethod: 'CASH',
  unitData: {},
  cashierId: 'c',
  status: 'COMPLETED',
  entryId: 'e',
  version: 1,
  ...over,
});

describe('sembako services', () => {
  it('turns limited lines into uses of the buyer limit in the period of the sale', () => {
    const uses = buyerLimitUses({ date: '2026-03-18', lines: [line('GULA-1KG', 3, 0), line('BERAS-SPHP-5KG', 2, 1)] }, '3273214501900001', [{ sku: 'BERAS-SPHP-5KG', maxQuantity: 2, period: 'WEEK' }]);
    expect(uses).toEqual([
      {
        key: limitKey('BERAS-SPHP-5KG', '2026-W12', '3273214501900001'),
        amount: 2,
        limit: 2,
        rule: 'BUYER_LIMIT',
        field: 'input.lines.1.quantity',
        what: { en: 'BERAS-SPHP-5KG, 2 pak per buyer per week', id: 'BERAS-SPHP-5KG, 2 pak per pembeli per minggu' },
      },
    ]);
    expect(buyerLimitUses({ date: '2026-03-18', lines: [line('GULA-1KG', 3, 0)] }, '3273214501900001', [{ sku: 'BERAS-SPHP-5KG', maxQuantity: 2, period: 'MONTH' }])).toEqual([]);
  });

  it('summarises a day: completed sales by class, method and product; voids apart', () => {
    const day = summarizeDay('2026-03-16', [
      sale({ total: 100, cost: 80, paymentMethod: 'QRIS', customerClass: 'MEMBER', lines: [line('A', 1, 0, 100, 80)] }),
      sale({ total: 50, cost: 30, lines: [line('B', 2, 0, 50, 30)] }),
      sale({ total: 70, cost: 60, status: 'VOIDED', lines: [line('A', 1, 0, 70, 60)] }),
    ]);
    expect(day).toMatchObject({ salesCount: 2, total: 150, memberTotal: 100, nonMemberTotal: 50, cost: 110, voidedCount: 1, voidedTotal: 70 });
    expect(day.byPaymentMethod).toEqual([
      { method: 'CASH', count: 1, total: 50 },
      { method: 'QRIS', count: 1, total: 100 },
    ]);
    expect(day.byProduct.map((p) => [p.sku, p.revenue])).toEqual([['A', 100], ['B', 50]]);
    expect(byProduct([])).toEqual([]);
  });

  it('computes margins in basis points, and the reorder list lowest cover first', () => {
    expect(marginBasisPoints({ revenue: 122_000, cost: 114_667 })).toBe(601);
    expect(marginBasisPoints({ revenue: 0, cost: 10 })).toBe(0);
    expect(suggestedOrder(3, 10)).toBe(17);
    expect(suggestedOrder(30, 10)).toBe(0);
    const product = (sku: string, quantity: number, reorderLevel: number, active = true) =>
      ({ id: sku, sku, active, stocked: true, reorderLevel, stock: { productId: sku, quantity, value: 0, costEpoch: 0 } }) as never;
    const list = needsReorder([product('A', 5, 10), product('B', 1, 10), product('C', 11, 10), product('D', 0, 10, false)]);
    expect(list.map((i) => [i.product.sku, i.quantity, i.suggestedOrder])).toEqual([['B', 1, 19], ['A', 5, 15]]);
  });
});
