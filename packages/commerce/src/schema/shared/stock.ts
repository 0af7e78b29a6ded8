import { encodeId, type Builder } from '@kkmp/plugin-sdk';
import { MOVEMENT_KINDS, type Movement, type StockCount } from '../../model/stock';
import { values } from './describe';

type CountView = StockCount & { idPrefix: string };

/** Types of the stock module, shared by every shop unit that keeps stock: counts and the stock card. */
export function stockTypes(b: Builder) {
  const MovementKind = b.enumType('CommerceMovementKind', {
    description: 'What moved stock.',
    values: values(MOVEMENT_KINDS, { RECEIPT: 'Goods received.', SALE: 'Sold.', VOID: 'A voided sale returned to stock.', COUNT: 'Stock count adjustment (opname).' }),
  });
  const CountLine = b.objectRef<StockCount['lines'][number] & { idPrefix: string }>('CommerceStockCountLine').implement({
    description: 'One product of a stock count.',
    fields: (t) => ({
      productId: t.id({ description: 'The product.', resolve: (l) => encodeId(`${l.idPrefix}Product`, l.productId) }),
      systemQuantity: t.exposeInt('systemQuantity', { description: 'What the books said.' }),
      countedQuantity: t.exposeInt('countedQuantity', { description: 'What was counted.' }),
      difference: t.exposeInt('difference', { description: 'counted − books (negative: shortage).' }),
      valueDifference: t.expose('valueDifference', { type: 'Rupiah', description: 'Cost value of the difference (negative: loss).' }),
    }),
  });
  const StockCountRef = b.objectRef<CountView>('CommerceStockCount').implement({
    description: 'A stock count (stock opname) and the adjustments it made.',
    fields: (t) => ({
      id: t.id({ description: 'Opaque id.', resolve: (c) => encodeId(`${c.idPrefix}StockCount`, c.date, c.id) }),
      number: t.exposeString('number', { description: 'Count number, e.g. SO-20260316-0001.' }),
      date: t.expose('date', { type: 'Date', description: 'Day counted.' }),
      note: t.exposeString('note', { nullable: true, description: 'Note.' }),
      lines: t.field({ type: [CountLine], description: 'Products counted.', resolve: (c) => c.lines.map((l) => ({ ...l, idPrefix: c.idPrefix })) }),
      valueDifference: t.expose('valueDifference', { type: 'Rupiah', description: 'Total value adjusted (negative: loss).' }),
    }),
  });
  const MovementRef = b.objectRef<Movement>('CommerceStockMovement').implement({
    description: 'One line of a stock card (kartu stok).',
    fields: (t) => ({
      at: t.expose('at', { type: 'DateTime', description: 'When.' }),
      date: t.expose('date', { type: 'Date', description: 'Business day.' }),
      kind: t.expose('kind', { type: MovementKind, description: 'What moved it.' }),
      documentNumber: t.exposeString('documentNumber', { description: 'Number of the sale, receipt or count.' }),
      quantity: t.exposeInt('quantity', { description: 'Selling units in (+) or out (−).' }),
      value: t.expose('value', { type: 'Rupiah', description: 'Cost value in (+) or out (−).' }),
      revenue: t.expose('revenue', { type: 'Rupiah', nullable: true, description: 'Sales: what the line brought in.' }),
    }),
  });
  const CountLineInput = b.inputType('CommerceStockCountLineInput', {
    description: 'A product counted.',
    fields: (t) => ({ productId: t.id({ description: 'Product id.' }), countedQuantity: t.int({ description: 'Selling units on the shelf.' }) }),
  });
  return { StockCount: StockCountRef, Movement: MovementRef, CountLineInput };
}

export type StockTypes = ReturnType<typeof stockTypes>;
