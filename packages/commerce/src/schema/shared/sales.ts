import { CONNECTION_TOTAL_COUNT, encodeId, resolveTotalCount, type Builder, type CoreRefs } from '@kkmp/plugin-sdk';
import { PAYMENT_METHODS, SALE_STATUSES, type SaleLine } from '../../model/sale';
import { maskNik } from '../../rules/nik';
import { receiptText } from '../../sales/receipt';
import { receiptEscPos } from '../../sales/receipt-escpos';
import type { SaleView } from '../views';
import type { CatalogTypes } from './catalog';
import { values } from './describe';

/** What a sale shows besides the catalog's types: how it was paid, its state and its lines. */
function saleParts(b: Builder) {
  const PaymentMethod = b.enumType('CommercePaymentMethod', {
    description: 'How a sale is paid.',
    values: values(PAYMENT_METHODS, {
      CASH: 'Cash (tunai).',
      QRIS: 'QRIS payment; settles into the bank account.',
      BANK_TRANSFER: 'Bank transfer.',
      MEMBER_CREDIT: "On the member's account (piutang anggota); members only.",
    }),
  });
  const SaleStatus = b.enumType('CommerceSaleStatus', {
    description: 'State of a sale.',
    values: values(SALE_STATUSES, { COMPLETED: 'Sold and paid.', VOIDED: 'Voided by reversal; kept for the record.' }),
  });
  const SaleLineRef = b.objectRef<SaleLine & { idPrefix: string }>('CommerceSaleLine').implement({
    description: 'One line of a sale.',
    fields: (t) => ({
      productId: t.id({ description: 'The product.', resolve: (l) => encodeId(`${l.idPrefix}Product`, l.productId) }),
      sku: t.exposeString('sku', { description: 'SKU when sold.' }),
      name: t.exposeString('name', { description: 'Product name when sold.' }),
      packName: t.exposeString('packName', { description: 'Selling unit.' }),
      quantity: t.exposeInt('quantity', { description: 'Selling units sold.' }),
      unitPrice: t.expose('unitPrice', { type: 'Rupiah', description: 'Price per selling unit.' }),
      amount: t.expose('amount', { type: 'Rupiah', description: 'quantity × unitPrice.' }),
      cost: t.expose('cost', { type: 'Rupiah', description: 'Cost of goods sold (moving average when sold).' }),
    }),
  });
  return { PaymentMethod, SaleStatus, SaleLineRef };
}

/** Types of the counter-sales module, shared by every shop unit: the sale interface and its parts. */
export function salesTypes(b: Builder, catalog: CatalogTypes, core: CoreRefs) {
  const { PaymentMethod, SaleStatus, SaleLineRef } = saleParts(b);
  const Sale = b.interfaceRef<SaleView>('CommerceSale').implement({
    description: "A sale at a shop unit's counter; also the receipt (struk). Every shop unit's sales implement it: one fragment reads any unit's sales.",
    resolveType: (s) => s.typename,
    fields: (t) => ({
      id: t.id({ description: 'Opaque id.', resolve: (s) => encodeId(`${s.idPrefix}Sale`, s.date, s.id) }),
      number: t.exposeString('number', { description: 'Receipt number, e.g. SBK-20260316-0042 (a refused sale may leave a gap).' }),
      date: t.expose('date', { type: 'Date', description: "Business day in the cooperative's time zone." }),
      at: t.expose('at', { type: 'DateTime', description: 'When it was sold.' }),
      cooperativeName: t.exposeString('coopName', { description: 'Cooperative, for the receipt header.' }),
      customerClass: t.expose('customerClass', { type: catalog.CustomerClass, description: 'Member or public.' }),
      memberId: t.id({ nullable: true, description: 'Id of the member who bought, if one (the `member` field links it).', resolve: (s) => (s.memberId ? encodeId('Member', s.coopId, s.memberId) : null) }),
      member: t.field({ type: core.MemberRef, nullable: true, description: 'The member who bought, if one; an error on this field alone for a caller who may not read members.', resolve: (s, _a, ctx) => (s.memberId ? core.member(ctx, s.coopId, s.memberId) : null) }),
      buyerName: t.exposeString('buyerName', { nullable: true, description: 'Buyer name, if given or a member.' }),
      buyerNikMasked: t.string({ nullable: true, description: "Buyer's NIK with the middle hidden (3273**********01), if recorded.", resolve: (s) => (s.buyerNik ? maskNik(s.buyerNik) : null) }),
      lines: t.field({ type: [SaleLineRef], description: 'Lines, one per product.', resolve: (s) => s.lines.map((l) => ({ ...l, idPrefix: s.idPrefix })) }),
      total: t.expose('total', { type: 'Rupiah', description: 'Total paid, whole rupiah.' }),
      cost: t.expose('cost', { type: 'Rupiah', description: 'Cost of goods sold; total - cost is the margin.' }),
      paymentMethod: t.expose('paymentMethod', { type: PaymentMethod, description: 'How it was paid.' }),
      tendered: t.expose('tendered', { type: 'Rupiah', nullable: true, description: 'Cash handed over.' }),
      change: t.expose('change', { type: 'Rupiah', nullable: true, description: 'Change given (kembalian).' }),
      cashierName: t.exposeString('cashierName', { nullable: true, description: 'Cashier (kasir).' }),
      status: t.expose('status', { type: SaleStatus, description: 'Completed or voided.' }),
      voidedAt: t.field({ type: 'DateTime', nullable: true, description: 'When it was voided.', resolve: (s) => s.voided?.at ?? null }),
      voidReason: t.string({ nullable: true, description: 'Why it was voided.', resolve: (s) => s.voided?.reason ?? null }),
      receiptText: t.string({ description: 'The receipt as plain text, 32 columns, for a thermal printer.', resolve: (s) => receiptText(s) }),
      receiptEscPos: t.string({
        description: 'The same receipt as ESC/POS printer commands (base64) for a 58 mm thermal printer: decode and send the bytes to the printer as they are (Bluetooth or USB); it initialises, prints the 32 columns, feeds and cuts.',
        resolve: async (s) => Buffer.from(await receiptEscPos(receiptText(s))).toString('base64'),
      }),
    }),
  });
  const StandardSale = b.objectRef<SaleView>('CommerceStandardSale').implement({
    description: 'A sale of a shop unit that adds no fields of its own to CommerceSale (e.g. the sembako shop).',
    interfaces: [Sale],
    fields: () => ({}),
  });
  const SaleConnection = b.connectionObject(
    { type: Sale, name: 'CommerceSaleConnection', description: "A page of a shop unit's sales.", fields: (t: any) => ({ totalCount: t.int({ description: CONNECTION_TOTAL_COUNT, resolve: resolveTotalCount }) }) } as never,
    { name: 'CommerceSaleEdge', description: 'A sale in a page.' } as never,
  );
  const SaleLineInput = b.inputType('CommerceSaleLineInput', {
    description: 'A line of a sale: a product and how many selling units.',
    fields: (t) => ({ productId: t.id({ description: 'Product id.' }), quantity: t.int({ description: 'Selling units.' }) }),
  });
  return { PaymentMethod, Sale, StandardSale, SaleConnection, SaleLineInput };
}

export type SalesTypes = ReturnType<typeof salesTypes>;
