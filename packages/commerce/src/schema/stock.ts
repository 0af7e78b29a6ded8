import { ValidationError } from '@kkmp/plugin-sdk';
import { recordStockCount } from '../stock/count';
import { stockCard } from '../stock/movements';
import type { Shop } from './shop';

/** The stock module: `<unit>RecordStockCount` (opname) and `<unit>StockCard` (kartu stok). */
export function registerStock<S>({ unit, perm, kit, id }: Shop<S>): void {
  const { StockCount, Movement, CountLineInput } = kit.stock();
  unit.mutation('recordStockCount', {
    type: StockCount,
    description: 'Records a stock count (stock opname): counted quantities become the stock; differences are posted at moving-average cost.',
    permission: perm.manage,
    businessEvent: true,
    input: (t) => ({
      note: t.string({ required: false, description: 'Note (who counted, why).' }),
      lines: t.field({ type: [CountLineInput], description: 'Products counted (up to 40 per count).' }),
    }),
    resolve: async ({ lines, note }, u) => {
      const decoded = lines.map((l, i) => ({ ...l, productId: id(l.productId, 'Product', `input.lines.${i}.productId`) }));
      return { ...(await recordStockCount(u, { note, lines: decoded })), idPrefix: unit.typePrefix };
    },
  });
  unit.query('stockCard', {
    type: [Movement],
    description: "A product's stock card (kartu stok): every movement between two days, oldest first.",
    permission: perm.read,
    args: (t) => ({
      productId: t.id({ description: 'Product id.' }),
      from: t({ type: 'Date', required: true, description: 'First day.' }),
      to: t({ type: 'Date', required: true, description: 'Last day.' }),
    }),
    resolve: async (args, u) => {
      if (args.to < args.from) throw ValidationError.field('to', 'must not be before from', 'tidak boleh sebelum from');
      return stockCard(u, id(args.productId, 'Product', 'productId'), args.from, args.to);
    },
  });
}
