import { encodeId, type Builder, type UnitSchemaKit } from '@kkmp/plugin-sdk';
import type { CommerceShop } from '@kkmp/commerce';
import { dailySummary, marginBasisPoints, margins, type DailySummary, type PaymentTotal, type ProductFigures } from '../services/reports';
import type { SembakoSettings } from '../settings';

/** `sembakoDailySummary` (rekap harian) and `sembakoMargins` (margin per product). */
export function registerReports(b: Builder, unit: UnitSchemaKit<SembakoSettings>, shop: CommerceShop): void {
  const Figures = b.objectRef<ProductFigures>('SembakoProductFigures').implement({
    description: "A product's sales over a period: quantity, revenue, cost of goods and margin.",
    fields: (t) => ({
      productId: t.id({ description: 'The product.', resolve: (f) => encodeId('SembakoProduct', f.productId) }),
      sku: t.exposeString('sku', { description: 'SKU.' }),
      name: t.exposeString('name', { description: 'Name.' }),
      quantity: t.exposeInt('quantity', { description: 'Selling units sold.' }),
      revenue: t.expose('revenue', { type: 'Rupiah', description: 'Revenue.' }),
      cost: t.expose('cost', { type: 'Rupiah', description: 'Cost of goods sold (moving average).' }),
      margin: t.field({ type: 'Rupiah', description: 'revenue − cost (laba kotor).', resolve: (f) => f.revenue - f.cost }),
      marginBasisPoints: t.int({ description: 'Margin as a share of revenue, in basis points (1250 = 12.5%).', resolve: marginBasisPoints }),
    }),
  });
  const PaymentTotalRef = b.objectRef<PaymentTotal>('SembakoPaymentTotal').implement({
    description: 'Sales of a day paid one way.',
    fields: (t) => ({
      method: t.expose('method', { type: shop.types.sales().PaymentMethod, description: 'Payment method.' }),
      count: t.exposeInt('count', { description: 'Number of sales.' }),
      total: t.expose('total', { type: 'Rupiah', description: 'Total.' }),
    }),
  });
  const Summary = b.objectRef<DailySummary>('SembakoDailySummary').implement({
    description: "A day's sales at the shop (rekap harian): totals by payment method, members vs public, and by product.",
    fields: (t) => ({
      date: t.expose('date', { type: 'Date', description: 'Business day.' }),
      salesCount: t.exposeInt('salesCount', { description: 'Completed sales.' }),
      total: t.expose('total', { type: 'Rupiah', description: 'Revenue of completed sales.' }),
      memberTotal: t.expose('memberTotal', { type: 'Rupiah', description: 'Sold to members (counts for SHU jasa usaha).' }),
      nonMemberTotal: t.expose('nonMemberTotal', { type: 'Rupiah', description: 'Sold to the public.' }),
      cost: t.expose('cost', { type: 'Rupiah', description: 'Cost of goods sold.' }),
      margin: t.field({ type: 'Rupiah', description: 'total − cost.', resolve: (s) => s.total - s.cost }),
      byPaymentMethod: t.field({ type: [PaymentTotalRef], description: 'Cash, QRIS, transfer and member credit apart (for closing the till).', resolve: (s) => s.byPaymentMethod }),
      byProduct: t.field({ type: [Figures], description: 'Per product, best sellers first.', resolve: (s) => s.byProduct }),
      voidedCount: t.exposeInt('voidedCount', { description: 'Sales of the day voided since.' }),
      voidedTotal: t.expose('voidedTotal', { type: 'Rupiah', description: 'Their total.' }),
    }),
  });
  unit.query('dailySummary', {
    type: Summary,
    description: "A day's sales summary (today unless a date is given).",
    permission: 'sembako:read',
    args: (t) => ({ date: t({ type: 'Date', required: false, description: 'Business day (default today).' }) }),
    resolve: (args, u) => dailySummary(u, args.date ?? u.today()),
  });
  unit.query('margins', {
    type: [Figures],
    description: 'Margin per product over a period (sales by their day; voided sales left out), best sellers first. At most 92 days.',
    permission: 'sembako:read',
    args: (t) => ({
      from: t({ type: 'Date', required: true, description: 'First day.' }),
      to: t({ type: 'Date', required: true, description: 'Last day.' }),
    }),
    resolve: (args, u) => margins(u, args.from, args.to),
  });
}
