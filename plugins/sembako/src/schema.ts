import { encodeId, ValidationError, type Builder, type UnitSchemaKit } from '@kkmp/plugin-sdk';
import { commerce, commercePermissionNames, productSchema, productViews, type ProductView } from '@kkmp/commerce';
import { checkBuyerLimits, releaseBuyerLimits } from './limits';
import { byProduct, salesBetween, summarizeDay, type DailySummary, type ProductFigures } from './reports';
import type { SembakoSettings } from './settings';

const marginBps = (f: { revenue: number; cost: number }) => (f.revenue > 0 ? Math.round(((f.revenue - f.cost) * 10_000) / f.revenue) : 0);

export function sembakoSchema(b: Builder, unit: UnitSchemaKit<SembakoSettings>): void {
  const types = commerce(b, unit, {
    permissions: commercePermissionNames('sembako'),
    receiptPrefix: 'SBK',
    region: (s) => s.hetRegion,
    hooks: { beforeSale: checkBuyerLimits, onVoid: releaseBuyerLimits },
  });

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
      marginBasisPoints: t.int({ description: 'Margin as a share of revenue, in basis points (1250 = 12.5%).', resolve: marginBps }),
    }),
  });

  const PaymentTotal = b.objectRef<DailySummary['byPaymentMethod'][number]>('SembakoPaymentTotal').implement({
    description: 'Sales of a day paid one way.',
    fields: (t) => ({
      method: t.expose('method', { type: types.PaymentMethod, description: 'Payment method.' }),
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
      byPaymentMethod: t.field({ type: [PaymentTotal], description: 'Cash, QRIS, transfer and member credit apart (for closing the till).', resolve: (s) => s.byPaymentMethod }),
      byProduct: t.field({ type: [Figures], description: 'Per product, best sellers first.', resolve: (s) => s.byProduct }),
      voidedCount: t.exposeInt('voidedCount', { description: 'Sales of the day voided since.' }),
      voidedTotal: t.expose('voidedTotal', { type: 'Rupiah', description: 'Their total.' }),
    }),
  });

  const ReorderItem = b.objectRef<ProductView>('SembakoReorderItem').implement({
    description: 'A product at or below its reorder level.',
    fields: (t) => ({
      product: t.field({ type: types.ProductRef, description: 'The product.', resolve: (p) => p }),
      quantity: t.int({ description: 'Selling units on hand.', resolve: (p) => p.stock?.quantity ?? 0 }),
      reorderLevel: t.exposeInt('reorderLevel', { description: 'Its reorder level.' }),
      suggestedOrder: t.int({ description: 'Selling units to order to get back to twice the reorder level.', resolve: (p) => Math.max(0, 2 * p.reorderLevel - (p.stock?.quantity ?? 0)) }),
    }),
  });

  unit.query('dailySummary', {
    type: Summary,
    description: "A day's sales summary (today unless a date is given).",
    permission: 'sembako:read',
    args: (t) => ({ date: t({ type: 'Date', required: false, description: 'Business day (default today).' }) }),
    resolve: async (args, u) => {
      const date = args.date ?? u.today();
      return summarizeDay(date, await salesBetween(u, date, date));
    },
  });

  unit.query('reorderList', {
    type: [ReorderItem],
    description: 'Products on sale whose stock is at or below their reorder level, lowest cover first.',
    permission: 'sembako:read',
    resolve: async (_args, u) => {
      const products = (await u.store.all(productSchema, ['PRODUCT'])).filter((p) => p.active && p.stocked && p.reorderLevel > 0);
      const views = await productViews(u, products, u.settings.hetRegion);
      return views
        .filter((p) => (p.stock?.quantity ?? 0) <= p.reorderLevel)
        .sort((a, z) => (a.stock?.quantity ?? 0) / a.reorderLevel - (z.stock?.quantity ?? 0) / z.reorderLevel);
    },
  });

  unit.query('margins', {
    type: [Figures],
    description: 'Margin per product over a period (sales by their day; voided sales left out), best sellers first. At most 92 days.',
    permission: 'sembako:read',
    args: (t) => ({
      from: t({ type: 'Date', required: true, description: 'First day.' }),
      to: t({ type: 'Date', required: true, description: 'Last day.' }),
    }),
    resolve: async (args, u) => {
      if (args.to < args.from) throw ValidationError.field('to', 'must not be before from', 'tidak boleh sebelum from');
      if ((Date.parse(args.to) - Date.parse(args.from)) / 86_400_000 > 92) throw ValidationError.field('to', 'at most 92 days', 'paling lama 92 hari');
      return byProduct((await salesBetween(u, args.from, args.to)).filter((s) => s.status === 'COMPLETED'));
    },
  });
}
