import { NotFoundError, ValidationError } from '@kkmp/plugin-sdk';
import type { Builder } from '@kkmp/plugin-sdk';
import { decodeId } from '@kkmp/plugin-sdk';
import { pageRequest, toConnection } from '@kkmp/plugin-sdk';
import type { UnitSchemaKit } from '@kkmp/plugin-sdk';
import { createProduct, loadProduct, setCeilingPrice, setPrice, updateProduct } from '../catalog';
import type { ReadCtx, WriteCtx } from '../context';
import { recordStockCount } from '../count';
import { keys, productSchema, purchaseOrderSchema, saleSchema, stockSchema, supplierSchema, type Product, type Sale } from '../items';
import { stockCard } from '../movements';
import type { CommerceOptions } from '../options';
import { createPurchaseOrder, createSupplier, paySupplier, receiveGoods } from '../purchasing';
import { sell } from '../sale';
import { voidSale } from '../void';
import type { CommerceTypes, ProductView, SaleView } from './types';

/** Products with their stock, read for today in the cooperative's region. */
export async function productViews(u: ReadCtx, products: Product[], region: string | undefined): Promise<ProductView[]> {
  const stocks = await u.store.getMany(stockSchema, products.map((p) => keys.stock(p.id)));
  return products.map((p, i) => ({ ...p, ...(stocks[i] ? { stock: stocks[i] } : {}), on: u.today(), region }));
}

export function saleView(u: ReadCtx, sale: Sale): SaleView {
  return { ...sale, coopId: u.cooperative.id, coopName: u.cooperative.name, timeZone: u.cooperative.timeZone as SaleView['timeZone'] };
}

/** Registers the commerce operations of a unit: `<unit>Products`, `<unit>Sell`, `<unit>ReceiveGoods`, ... */
export function registerOperations<S>(b: Builder, unit: UnitSchemaKit<S>, types: CommerceTypes, options: CommerceOptions<S>) {
  const P = unit.typePrefix;
  const perm = options.permissions;
  const regionOf = (u: { settings: S }) => options.region?.(u.settings);
  const id1 = (id: string, type: string, field: string) => decodeId(id, `${P}${type}`, field, 1)[0]!;
  const id2 = (id: string, type: string, field: string) => decodeId(id, `${P}${type}`, field, 2) as [string, string];
  const view = async (u: ReadCtx & { settings: S }, p: Product) => (await productViews(u, [p], regionOf(u)))[0]!;
  const asWrite = (u: unknown) => u as WriteCtx & { settings: S };

  // ---- catalog
  unit.query('products', {
    type: types.ProductConnection,
    description: 'The catalog, in the order products were added, with prices in force today and stock.',
    permission: perm.read,
    args: (t) => ({
      first: t.int({ required: false, description: 'Page size (1-100, default 50).' }),
      after: t.string({ required: false, description: 'Cursor from the previous page.' }),
      includeInactive: t.boolean({ required: false, description: 'Also products taken off sale.' }),
    }),
    resolve: async (args, u) => {
      const page = await u.store.page(productSchema, keys.productPrefix, pageRequest(args));
      const shown = args.includeInactive ? page.items : page.items.filter((p) => p.active);
      const views = await productViews(u, shown, regionOf(u));
      const cursors = page.items.map((p, i) => [p.id, page.cursors[i]!] as const).filter(([id]) => shown.some((s) => s.id === id));
      return toConnection({ ...page, items: views, cursors: cursors.map(([, c]) => c) }) as never;
    },
  });
  unit.query('product', {
    type: types.ProductRef,
    description: 'One product.',
    permission: perm.read,
    args: (t) => ({ id: t.id({ description: 'Product id.' }) }),
    resolve: async (args, u) => view(u, await loadProduct(u, id1(String(args.id), 'Product', 'id'), 'id')),
  });
  unit.mutation('createProduct', {
    type: types.ProductRef,
    description: 'Adds a product to the catalog, optionally with its first prices (from today).',
    permission: perm.manage,
    input: (t) => ({
      sku: t.string({ description: 'Stock-keeping code, unique in the unit (letters, digits, dashes).' }),
      name: t.string({ description: 'Name on the shelf and the receipt.' }),
      category: t.string({ required: false, description: 'Category, free text.' }),
      unitOfMeasure: t.field({ type: types.UnitOfMeasure, description: 'Base unit of the content.' }),
      packSize: t.int({ description: 'Base units in one selling unit (5000 for a 5 kg pack in grams).' }),
      packName: t.string({ description: 'Name of the selling unit, e.g. "pak 5 kg".' }),
      stocked: t.boolean({ required: false, description: 'Kept in stock (default true).' }),
      reorderLevel: t.int({ required: false, description: 'Reorder at or below this many selling units.' }),
      nonMemberPrice: t.field({ type: 'Rupiah', required: false, description: 'Public price per selling unit.' }),
      memberPrice: t.field({ type: 'Rupiah', required: false, description: 'Member price per selling unit.' }),
    }),
    resolve: async (input, u) => view(u, await createProduct(u, input)),
  });
  unit.mutation('updateProduct', {
    type: types.ProductRef,
    description: 'Changes a product (name, category, selling-unit name, reorder level, on sale or not). SKU and pack size never change: add a new product.',
    permission: perm.manage,
    input: (t) => ({
      productId: t.id({ description: 'Product id.' }),
      name: t.string({ required: false, description: 'New name.' }),
      category: t.string({ required: false, description: 'New category.' }),
      packName: t.string({ required: false, description: 'New selling-unit name.' }),
      reorderLevel: t.int({ required: false, description: 'New reorder level.' }),
      active: t.boolean({ required: false, description: 'On sale (true) or taken off sale (false).' }),
    }),
    resolve: async ({ productId, ...rest }, u) => view(u, await updateProduct(u, id1(productId, 'Product', 'input.productId'), rest)),
  });
  unit.mutation('setPrice', {
    type: types.ProductRef,
    description: 'Sets the price for a customer class from a date (today or later); refused above the price ceiling (HET) then in force.',
    permission: perm.manage,
    input: (t) => ({
      productId: t.id({ description: 'Product id.' }),
      customerClass: t.field({ type: types.CustomerClass, description: 'Members or the public.' }),
      amount: t.field({ type: 'Rupiah', description: 'Price per selling unit, whole rupiah.' }),
      effectiveFrom: t.field({ type: 'Date', required: false, description: 'First day (default today).' }),
    }),
    resolve: async ({ productId, ...rest }, u) => view(u, await setPrice(u, id1(productId, 'Product', 'input.productId'), rest, regionOf(u))),
  });
  unit.mutation('setCeilingPrice', {
    type: types.ProductRef,
    description: "Records a price ceiling (HET) from a decree, for a region and from a date. Sales above it are refused from that day.",
    permission: perm.manage,
    input: (t) => ({
      productId: t.id({ description: 'Product id.' }),
      region: t.string({ required: false, description: 'Region code (default: the region in the unit settings; "*" = everywhere).' }),
      amount: t.field({ type: 'Rupiah', description: 'Ceiling per `perQuantity` base units.' }),
      perQuantity: t.int({ description: 'Base units the amount is for: 1000 for per kg (grams), 1 per piece.' }),
      effectiveFrom: t.field({ type: 'Date', description: 'First day it applies.' }),
      reference: t.string({ description: 'The decree or letter, e.g. "Kepmentan 1117/2025".' }),
    }),
    resolve: async ({ productId, ...rest }, u) => view(u, await setCeilingPrice(u, id1(productId, 'Product', 'input.productId'), rest, regionOf(u))),
  });

  // ---- purchasing
  unit.query('suppliers', {
    type: [types.SupplierRef],
    description: 'Suppliers and partners, with what is owed to each.',
    permission: perm.read,
    resolve: async (_args, u) => u.store.all(supplierSchema, keys.supplierPrefix),
  });
  unit.mutation('createSupplier', {
    type: types.SupplierRef,
    description: 'Adds a supplier or partner.',
    permission: perm.manage,
    input: (t) => ({
      name: t.string({ description: 'Name.' }),
      kind: t.field({ type: types.SupplierKind, description: 'Kind of partner.' }),
      contact: t.string({ required: false, description: 'Contact person.' }),
      phone: t.string({ required: false, description: 'Phone.' }),
    }),
    resolve: async (input, u) => createSupplier(u, input),
  });
  unit.query('purchaseOrders', {
    type: [types.PurchaseOrderRef],
    description: 'Purchase orders, newest first (up to 100).',
    permission: perm.read,
    args: (t) => ({ first: t.int({ required: false, description: 'How many (1-100, default 50).' }) }),
    resolve: async (args, u) => (await u.store.page(purchaseOrderSchema, keys.purchaseOrderPrefix, { ...pageRequest(args), descending: true })).items,
  });
  const poLine = b.inputType(`${P}PurchaseLineInput`, {
    description: 'A line of an order or of goods received.',
    fields: (t) => ({
      productId: t.id({ description: 'Product id.' }),
      quantity: t.int({ description: 'Selling units.' }),
      unitCost: t.field({ type: 'Rupiah', description: 'Cost per selling unit, whole rupiah.' }),
    }),
  });
  const decodeLines = (lines: { productId: string | number }[]) =>
    lines.map((l, i) => ({ ...l, productId: id1(String(l.productId), 'Product', `input.lines.${i}.productId`) }));
  unit.mutation('createPurchaseOrder', {
    type: types.PurchaseOrderRef,
    description: 'Orders goods from a supplier (no stock or books change until they are received).',
    permission: perm.manage,
    input: (t) => ({
      supplierId: t.id({ description: 'Supplier id.' }),
      expectedOn: t.field({ type: 'Date', required: false, description: 'Expected delivery.' }),
      note: t.string({ required: false, description: 'Note.' }),
      lines: t.field({ type: [poLine], description: 'What to order.' }),
    }),
    resolve: async ({ supplierId, lines, ...rest }, u) =>
      createPurchaseOrder(u, id1(supplierId, 'Supplier', 'input.supplierId'), { ...rest, lines: decodeLines(lines) }),
  });
  unit.mutation('receiveGoods', {
    type: types.GoodsReceiptRef,
    description: 'Goods received (against an order or not): stock and moving-average cost change; Dr Persediaan, Cr Kas/Bank/Utang usaha.',
    permission: perm.manage,
    businessEvent: true,
    input: (t) => ({
      purchaseOrderId: t.id({ required: false, description: 'The order it fills, if any.' }),
      supplierId: t.id({ required: false, description: 'Supplier id (required without an order).' }),
      invoiceNumber: t.string({ required: false, description: "Supplier's invoice number." }),
      payment: t.field({ type: types.SupplierPayment, description: 'Paid now (cash, transfer) or owed (credit).' }),
      lines: t.field({ type: [poLine], description: 'What arrived.' }),
    }),
    resolve: async ({ purchaseOrderId, supplierId, lines, ...rest }, u) =>
      receiveGoods(
        u,
        {
          ...(purchaseOrderId ? { purchaseOrderId: id1(purchaseOrderId, 'PurchaseOrder', 'input.purchaseOrderId') } : {}),
          ...(supplierId ? { supplierId: id1(supplierId, 'Supplier', 'input.supplierId') } : {}),
        },
        { ...rest, lines: decodeLines(lines) },
      ),
  });
  unit.mutation('paySupplier', {
    type: types.SupplierRef,
    description: 'Pays what is owed to a supplier: Dr Utang usaha, Cr Kas/Bank.',
    permission: perm.manage,
    businessEvent: true,
    input: (t) => ({
      supplierId: t.id({ description: 'Supplier id.' }),
      amount: t.field({ type: 'Rupiah', description: 'Amount paid.' }),
      method: t.field({ type: types.SupplierPayment, description: 'CASH or BANK_TRANSFER.' }),
      reference: t.string({ required: false, description: 'Transfer reference.' }),
    }),
    resolve: async ({ supplierId, method, ...rest }, u) => {
      if (method === 'CREDIT') throw ValidationError.field('input.method', 'a payment is cash or a bank transfer', 'pembayaran harus tunai atau transfer');
      return paySupplier(u, id1(supplierId, 'Supplier', 'input.supplierId'), { ...rest, method });
    },
  });

  // ---- the counter
  const saleLine = b.inputType(`${P}SaleLineInput`, {
    description: 'A line of a sale: a product and how many selling units.',
    fields: (t) => ({ productId: t.id({ description: 'Product id.' }), quantity: t.int({ description: 'Selling units.' }) }),
  });
  unit.mutation('sell', {
    type: types.SaleRef,
    description:
      'A sale at the counter, all or nothing: prices for members or the public, ceilings (HET), stock (never below zero), the unit\'s own rules (quotas), the receipt number and the journal entry.',
    permission: perm.sell,
    businessEvent: true,
    input: (t) => ({
      lines: t.field({ type: [saleLine], description: `Products sold (at most 80 lines; the same product twice counts as one line).` }),
      paymentMethod: t.field({ type: types.PaymentMethod, description: 'How it is paid.' }),
      tendered: t.field({ type: 'Rupiah', required: false, description: 'Cash handed over, for the change.' }),
      memberId: t.id({ required: false, description: 'The buyer, if a member (member prices, SHU).' }),
      memberNumber: t.int({ required: false, description: 'Or the member number (nomor anggota) from the member card.' }),
      buyerNik: t.string({ required: false, description: "The buyer's NIK (16 digits); a member's NIK gives member prices." }),
      buyerName: t.string({ required: false, description: 'Buyer name, for a non-member receipt.' }),
      ...(options.saleInput?.(t) ?? {}),
    }),
    resolve: async (input, u) => {
      const raw = input as Record<string, unknown> & { lines: { productId: string; quantity: number }[] };
      const { lines, memberId, memberNumber, buyerNik, buyerName, paymentMethod, tendered, ...extra } = raw;
      const w = asWrite(u);
      const sale = await sell(
        w,
        { lines: decodeLines(lines), memberNumber, buyerNik, buyerName, paymentMethod, tendered },
        {
          region: regionOf(u),
          receiptPrefix: options.receiptPrefix,
          ...(memberId ? { memberId: memberIdOf(String(memberId), u.cooperative.id) } : {}),
          extra: JSON.parse(JSON.stringify(extra)) as Record<string, unknown>,
          requireBuyerNik: options.requireBuyerNik ?? false,
          ...(options.hooks?.gate ? { gate: () => options.hooks!.gate!(w) } : {}),
          ...(options.hooks?.beforeSale ? { beforeSale: (d) => options.hooks!.beforeSale!(d, w) } : {}),
        },
      );
      return saleView(u, sale);
    },
  });
  unit.mutation('voidSale', {
    type: types.SaleRef,
    description: 'Voids a sale by reversal: goods back to stock, the reverse entry posted today, quotas given back. Nothing is deleted.',
    permission: perm.void,
    businessEvent: true,
    input: (t) => ({ saleId: t.id({ description: 'Sale id.' }), reason: t.string({ description: 'Why (kept with the sale).' }) }),
    resolve: async ({ saleId, reason }, u) => {
      const [date, id] = id2(saleId, 'Sale', 'input.saleId');
      const w = asWrite(u);
      return saleView(u, await voidSale(w, { date, id }, { reason }, options.hooks?.onVoid ? (s) => options.hooks!.onVoid!(s, w) : undefined));
    },
  });
  unit.query('sale', {
    type: types.SaleRef,
    description: 'One sale (the receipt).',
    permission: perm.read,
    args: (t) => ({ id: t.id({ description: 'Sale id.' }) }),
    resolve: async (args, u) => {
      const [date, id] = id2(String(args.id), 'Sale', 'id');
      const sale = await u.store.get(saleSchema, ...keys.sale(date, id));
      if (!sale) throw new NotFoundError('Sale', String(args.id), 'id');
      return saleView(u, sale);
    },
  });
  unit.query('sales', {
    type: types.SaleConnection,
    description: "A day's sales in order (today unless a date is given).",
    permission: perm.read,
    args: (t) => ({
      date: t({ type: 'Date', required: false, description: 'Business day (default today).' }),
      first: t.int({ required: false, description: 'Page size (1-100, default 50).' }),
      after: t.string({ required: false, description: 'Cursor from the previous page.' }),
    }),
    resolve: async (args, u) => {
      const page = await u.store.page(saleSchema, keys.salesOf(args.date ?? u.today()), pageRequest(args));
      return toConnection({ ...page, items: page.items.map((s) => saleView(u, s)) }) as never;
    },
  });

  // ---- stock
  unit.mutation('recordStockCount', {
    type: types.StockCountRef,
    description: 'Records a stock count (stock opname): counted quantities become the stock; differences are posted at moving-average cost.',
    permission: perm.manage,
    businessEvent: true,
    input: (t) => ({
      note: t.string({ required: false, description: 'Note (who counted, why).' }),
      lines: t.field({
        type: [b.inputType(`${P}StockCountLineInput`, {
          description: 'A product counted.',
          fields: (f) => ({ productId: f.id({ description: 'Product id.' }), countedQuantity: f.int({ description: 'Selling units on the shelf.' }) }),
        })],
        description: 'Products counted (up to 40 per count).',
      }),
    }),
    resolve: async ({ lines, note }, u) => recordStockCount(u, { note, lines: decodeLines(lines) }),
  });
  unit.query('stockCard', {
    type: [types.MovementRef],
    description: "A product's stock card (kartu stok): every movement between two days, oldest first.",
    permission: perm.read,
    args: (t) => ({
      productId: t.id({ description: 'Product id.' }),
      from: t({ type: 'Date', required: true, description: 'First day.' }),
      to: t({ type: 'Date', required: true, description: 'Last day.' }),
    }),
    resolve: async (args, u) => {
      if (args.to < args.from) throw ValidationError.field('to', 'must not be before from', 'tidak boleh sebelum from');
      return stockCard(u, id1(String(args.productId), 'Product', 'productId'), args.from, args.to);
    },
  });
}

function memberIdOf(id: string, coopId: string): string {
  const [coop, member] = decodeId(id, 'Member', 'input.memberId', 2) as [string, string];
  if (coop !== coopId) throw ValidationError.field('input.memberId', 'is not a member of this cooperative', 'bukan anggota koperasi ini');
  return member;
}
