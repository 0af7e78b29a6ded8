import { NotFoundError, ValidationError, decodeId, pageRequest, toConnection, type UnitMutationContext } from '@kkmp/plugin-sdk';
import type { SaleNeeds } from '../beneficiaries/registry';
import type { ReadCtx, WriteCtx } from '../context';
import { keys } from '../model/keys';
import { saleSchema, type Sale, type SaleData, type StoredSale } from '../model/sale';
import type { SalesOptions } from '../options';
import { prefetchSale } from '../sales/prefetch';
import { sell } from '../sales/sell';
import { voidSale } from '../sales/void';
import type { Shop } from './shop';
import { saleView, type SaleView } from './views';

/** The counter-sales module: `<unit>Sell`, `<unit>VoidSale`, `<unit>Sale` (the receipt) and `<unit>Sales`. */
export function registerSales<S, D extends SaleData>(shop: Shop<S>, options: SalesOptions<S, D>, saleType: string, registry: { needs: SaleNeeds } | undefined): void {
  const view = (u: ReadCtx, sale: Sale): SaleView<D> => saleView<D>(u, sale, { idPrefix: shop.unit.typePrefix, typename: saleType });
  registerSell(shop, options, view, registry);
  registerSaleReads(shop, view);
}

function registerSell<S, D extends SaleData>(shop: Shop<S>, options: SalesOptions<S, D>, view: (u: ReadCtx, s: Sale) => SaleView<D>, registry: { needs: SaleNeeds } | undefined): void {
  const { unit, perm, kit, id, id2, region } = shop;
  const { Sale: SaleRef, PaymentMethod, SaleLineInput } = kit.sales();
  const hooks = options.hooks ?? {};
  const asUnit = (u: WriteCtx) => u as UnitMutationContext<S>;
  unit.mutation('sell', {
    type: SaleRef,
    description:
      "A sale at the counter, all or nothing: prices for members or the public, ceilings (HET), stock (never below zero), the unit's own rules (quotas), the receipt number and the journal entry.",
    permission: perm.sell,
    businessEvent: true,
    input: (t) => ({
      lines: t.field({ type: [SaleLineInput], description: 'Products sold (at most 80 lines; the same product twice counts as one line).' }),
      paymentMethod: t.field({ type: PaymentMethod, description: 'How it is paid.' }),
      tendered: t.field({ type: 'Rupiah', required: false, description: 'Cash handed over, for the change.' }),
      memberId: t.id({ required: false, description: 'The buyer, if a member (member prices, SHU).' }),
      memberNumber: t.int({ required: false, description: 'Or the member number (nomor anggota) from the member card.' }),
      buyerNik: t.string({ required: false, description: "The buyer's NIK (16 digits); a member's NIK gives member prices." }),
      buyerName: t.string({ required: false, description: 'Buyer name, for a non-member receipt.' }),
      ...(options.input?.(t) ?? {}),
    }),
    // The sale's reads by key join the gate's first wave (products, stock, buyer, registry, the unit's own).
    prefetch: (input, keys) => {
      const { lines, memberId, memberNumber, buyerNik, buyerName: _n, paymentMethod: _p, tendered: _t, ...own } = input as typeof input & Record<string, unknown>;
      const decode = { product: (p: string | number, i: number) => id(p, 'Product', `input.lines.${i}.productId`), member: (m: string | number, coopId: string) => memberIdOf(String(m), coopId) };
      prefetchSale({ lines, memberId, memberNumber, buyerNik }, own, keys, decode, { registry: registry !== undefined, unit: hooks.prefetch });
    },
    resolve: async (input, u) => {
      const { lines, memberId, memberNumber, buyerNik, buyerName, paymentMethod, tendered, ...own } = input as typeof input & Record<string, unknown>;
      const ownInput = JSON.parse(JSON.stringify(own)) as Record<string, unknown>;
      const sale = await sell(u, { lines: lines.map((l, i) => ({ ...l, productId: id(l.productId, 'Product', `input.lines.${i}.productId`) })), memberNumber, buyerNik, buyerName, paymentMethod, tendered }, {
        region: region(u),
        receiptPrefix: options.receiptPrefix,
        ...(memberId ? { memberId: memberIdOf(String(memberId), u.cooperative.id) } : {}),
        input: ownInput,
        requireBuyerNik: options.requireBuyerNik ?? false,
        ...(registry ? { registry } : {}),
        ...(hooks.gate ? { gate: (w) => hooks.gate!(asUnit(w)) } : {}),
        ...(hooks.price ? { price: (q, w) => hooks.price!(q, asUnit(w)) } : {}),
        ...(hooks.beforeSale ? { beforeSale: (d, w) => hooks.beforeSale!(d, asUnit(w)) } : {}),
        ...(hooks.onRefused ? { onRefused: (r, w) => hooks.onRefused!(r, asUnit(w)) } : {}),
        ...(options.lineQuantity ? { lineQuantity: (l) => options.lineQuantity!(l, asUnit(u), ownInput) } : {}),
      });
      return view(u, sale);
    },
  });
  unit.mutation('voidSale', {
    type: SaleRef,
    description: 'Voids a sale by reversal: goods back to stock, the reverse entry posted today, quotas given back. Nothing is deleted.',
    permission: perm.void,
    businessEvent: true,
    input: (t) => ({ saleId: t.id({ description: 'Sale id.' }), reason: t.string({ description: 'Why (kept with the sale).' }) }),
    resolve: async ({ saleId, reason }, u) => {
      const [date, saleKey] = id2(saleId, 'Sale', 'input.saleId');
      const onVoid = hooks.onVoid ? (s: Sale, w: WriteCtx) => hooks.onVoid!(s as StoredSale<D>, asUnit(w)) : undefined;
      return view(u, await voidSale(u, { date, id: saleKey }, { reason }, onVoid));
    },
  });
}

function registerSaleReads<S, D extends SaleData>({ unit, perm, kit, id2 }: Shop<S>, view: (u: ReadCtx, s: Sale) => SaleView<D>): void {
  const { Sale: SaleRef, SaleConnection } = kit.sales();
  unit.query('sale', {
    type: SaleRef,
    description: 'One sale (the receipt).',
    permission: perm.read,
    args: (t) => ({ id: t.id({ description: 'Sale id.' }) }),
    resolve: async (args, u) => {
      const [date, saleKey] = id2(args.id, 'Sale', 'id');
      const sale = await u.store.get(saleSchema, ...keys.sale(date, saleKey));
      if (!sale) throw new NotFoundError('Sale', String(args.id), 'id');
      return view(u, sale);
    },
  });
  unit.query('sales', {
    type: SaleConnection,
    description: "A day's sales in order (today unless a date is given).",
    permission: perm.read,
    args: (t) => ({
      date: t({ type: 'Date', required: false, description: 'Business day (default today).' }),
      first: t.int({ required: false, description: 'Page size (1-100, default 50).' }),
      after: t.string({ required: false, description: 'Cursor from the previous page.' }),
    }),
    resolve: async (args, u) => {
      const prefix = keys.salesOf(args.date ?? u.today());
      const page = await u.store.page(saleSchema, prefix, pageRequest(args));
      return toConnection({ ...page, items: page.items.map((s) => view(u, s)) }, { totalCount: () => u.store.count(prefix) }) as never;
    },
  });
}

function memberIdOf(id: string, coopId: string): string {
  const [coop, member] = decodeId(id, 'Member', 'input.memberId', 2) as [string, string];
  if (coop !== coopId) throw ValidationError.field('input.memberId', 'is not a member of this cooperative', 'bukan anggota koperasi ini');
  return member;
}
