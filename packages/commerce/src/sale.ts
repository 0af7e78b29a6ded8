import { BusinessRuleError, NotFoundError, ValidationError, parseInput, rupiah, text, type Member } from '@kkmp/plugin-sdk';
import { cond, msg, update, z } from '@kkmp/plugin-sdk';
import type { WriteCtx } from './context';
import { ACCOUNTS, paymentAccount } from './accounts';
import { costOf } from './costing';
import { PAYMENT_METHODS, keys, productSchema, stockSchema, type CustomerClass, type Movement, type PaymentMethod, type Product, type Sale, type SaleLine, type StockLevel } from './items';
import { recordMovements } from './movements';
import { documentNumber } from './numbers';
import { ceilingOn, ceilingPerPack, priceOn, withinCeiling } from './pricing';
import { normalizeNik } from './buyer';

/** What a unit's sale rules see before the sale commits (quotas, allocations, gates). */
export interface SaleDraft {
  id: string;
  date: string;
  customerClass: CustomerClass;
  /** The buyer when a member (found by member id or by NIK). */
  member?: Member;
  /** The buyer's NIK: the member's, or the one typed at the counter. */
  buyerNik?: string;
  lines: (SaleLine & { product: Product; index: number })[];
  paymentMethod: PaymentMethod;
  /** The unit's own input fields (see CommerceOptions.saleInput). */
  extra: Record<string, unknown>;
}

export const MAX_SALE_LINES = 80;

export const saleInput = z.object({
  memberId: z.string().optional().nullable(),
  memberNumber: z.number().int().min(1, msg('must be at least 1', 'paling sedikit 1')).optional().nullable(),
  buyerNik: z.string().optional().nullable(),
  buyerName: text(100).optional().nullable(),
  paymentMethod: z.enum(PAYMENT_METHODS),
  tendered: rupiah.optional().nullable(),
  lines: z
    .array(z.object({ productId: z.string(), quantity: z.number().int(msg('must be a whole number', 'harus bilangan bulat')).min(1, msg('must be at least 1', 'paling sedikit 1')).max(100_000) }))
    .min(1, msg('needs at least one line', 'perlu paling sedikit satu baris'))
    .max(MAX_SALE_LINES, `at most ${MAX_SALE_LINES} lines; split the sale / paling banyak ${MAX_SALE_LINES} baris; pecah penjualannya`),
});

export interface SellOptions {
  region: string | undefined;
  receiptPrefix: string;
  /** Members are decoded from their GraphQL id by the schema layer. */
  memberId?: string;
  extra: Record<string, unknown>;
  requireBuyerNik: boolean;
  gate?: (u: WriteCtx) => Promise<void>;
  beforeSale?: (sale: SaleDraft, u: WriteCtx) => Promise<void>;
}

/**
 * A sale at the counter, all or nothing in one transaction: stock out (never below zero, even with
 * cashiers selling the last pack at once), the sale record with its receipt number, the journal
 * entry (cash/bank/receivable, revenue from members or non-members, cost of goods and stock), the
 * member's patronage for SHU, and whatever the unit's own rules add (quotas, allocations).
 */
export async function sell(u: WriteCtx, raw: Record<string, unknown>, options: SellOptions): Promise<Sale> {
  await options.gate?.(u);
  const input = parseInput(saleInput, raw);
  const date = u.businessDate;

  // The buyer: a member (by id, or recognised by NIK) pays member prices and earns patronage.
  let member: Member | undefined;
  let buyerNik = input.buyerNik ? normalizeNik(input.buyerNik, 'input.buyerNik', u.now()) : undefined;
  if (options.memberId) {
    member = await u.members.get(options.memberId);
    if (!member) throw new NotFoundError('Member', String(raw.memberId), 'input.memberId');
    if (buyerNik && buyerNik !== member.nik) throw ValidationError.field('input.buyerNik', "is not this member's NIK", 'bukan NIK anggota ini');
  } else if (input.memberNumber != null) {
    member = await u.members.findByNumber(input.memberNumber);
    if (!member) throw new NotFoundError('Member', String(input.memberNumber), 'input.memberNumber');
    if (buyerNik && buyerNik !== member.nik) throw ValidationError.field('input.buyerNik', "is not this member's NIK", 'bukan NIK anggota ini');
  } else if (buyerNik) {
    member = await u.members.findByNik(buyerNik);
  }
  const memberField = options.memberId ? 'input.memberId' : input.memberNumber != null ? 'input.memberNumber' : 'input.buyerNik';
  if (member && member.status !== 'ACTIVE') throw ValidationError.field(memberField, 'is not an active member', 'bukan anggota aktif');
  if (member) buyerNik = member.nik;
  if (options.requireBuyerNik && !buyerNik) {
    throw ValidationError.field('input.buyerNik', 'every sale here is recorded with the buyer\'s NIK', 'setiap penjualan di sini dicatat dengan NIK pembeli');
  }
  if (input.paymentMethod === 'MEMBER_CREDIT' && !member) {
    throw ValidationError.field('input.paymentMethod', 'only members can buy on credit', 'hanya anggota yang boleh berutang');
  }
  const customerClass: CustomerClass = member ? 'MEMBER' : 'NON_MEMBER';

  // The same product twice is one line: one stock update per product (DynamoDB allows one action per item).
  const merged = new Map<string, { productId: string; quantity: number; index: number }>();
  input.lines.forEach((l, index) => {
    const m = merged.get(l.productId);
    if (m) m.quantity += l.quantity;
    else merged.set(l.productId, { ...l, index });
  });
  const wanted = [...merged.values()];
  const [products, stocks] = await Promise.all([
    u.store.getMany(productSchema, wanted.map((l) => keys.product(l.productId))),
    u.store.getMany(stockSchema, wanted.map((l) => keys.stock(l.productId))),
  ]);

  const lines: SaleDraft['lines'] = [];
  for (const [i, l] of wanted.entries()) {
    const field = `input.lines.${l.index}`;
    const product = products[i];
    if (!product || !product.active) throw new NotFoundError('Product', l.productId, `${field}.productId`);
    const price = priceOn(product, customerClass, date);
    if (!price) {
      throw new BusinessRuleError('NO_PRICE', `${product.name} has no price yet`, `${product.name} belum punya harga`, { field: `${field}.productId` });
    }
    const ceiling = ceilingOn(product, options.region, date);
    if (ceiling && !withinCeiling(price.amount, product.packSize, ceiling)) {
      const max = ceilingPerPack(product.packSize, ceiling);
      throw new BusinessRuleError(
        'PRICE_ABOVE_CEILING',
        `${product.name} costs Rp${price.amount}, above the ceiling price (HET) of Rp${max} per ${product.packName} (${ceiling.reference}); the manager must lower the price`,
        `harga ${product.name} Rp${price.amount} melebihi HET Rp${max} per ${product.packName} (${ceiling.reference}); pengurus harus menurunkan harga`,
        { field: `${field}.productId`, details: { price: price.amount, ceiling: max, reference: ceiling.reference } },
      );
    }
    const stock: StockLevel = stocks[i] ?? { productId: l.productId, quantity: 0, value: 0, costEpoch: 0 };
    if (product.stocked && stock.quantity < l.quantity) {
      throw new BusinessRuleError(
        'OUT_OF_STOCK',
        `only ${Math.max(0, stock.quantity)} ${product.packName} of ${product.name} left`,
        `stok ${product.name} tinggal ${Math.max(0, stock.quantity)} ${product.packName}`,
        { field: `${field}.quantity`, details: { productId: l.productId, available: Math.max(0, stock.quantity), requested: l.quantity } },
      );
    }
    const amount = price.amount * l.quantity;
    if (!Number.isSafeInteger(amount)) throw ValidationError.field(`${field}.quantity`, 'the amount is too large', 'jumlahnya terlalu besar');
    lines.push({
      productId: product.id,
      sku: product.sku,
      name: product.name,
      packName: product.packName,
      quantity: l.quantity,
      unitPrice: price.amount,
      amount,
      cost: product.stocked ? costOf(stock, l.quantity) : 0,
      product,
      index: l.index,
    });
    if (product.stocked) {
      const cost = costOf(stock, l.quantity);
      // The read above refuses; this condition only guards the race with other cashiers. If it fails the
      // sale re-runs from fresh reads and then refuses with OUT_OF_STOCK, or goes through at the new average.
      u.writes.update(
        keys.stock(product.id),
        update().add('quantity', -l.quantity).add('value', -cost),
        cond.and(cond.ge('quantity', l.quantity), cond.eq('costEpoch', stock.costEpoch)),
      );
    }
  }
  const total = lines.reduce((s, l) => s + l.amount, 0);
  const cost = lines.reduce((s, l) => s + l.cost, 0);
  if (input.tendered != null && input.paymentMethod === 'CASH' && input.tendered < total) {
    throw ValidationError.field('input.tendered', `is less than the total of Rp${total}`, `kurang dari total Rp${total}`);
  }

  const draft: SaleDraft = {
    id: u.newId(),
    date,
    customerClass,
    ...(member ? { member } : {}),
    ...(buyerNik ? { buyerNik } : {}),
    lines,
    paymentMethod: input.paymentMethod,
    extra: options.extra,
  };
  await options.beforeSale?.(draft, u);

  const number = await documentNumber(u, options.receiptPrefix);
  const { entryId } = await u.post({
    memo: `Penjualan ${number}`,
    documentId: draft.id,
    lines: [
      { account: paymentAccount(input.paymentMethod), debit: total },
      { account: member ? ACCOUNTS.revenueMember : ACCOUNTS.revenueNonMember, credit: total },
      ...(cost > 0 ? [{ account: ACCOUNTS.cogs, debit: cost }, { account: ACCOUNTS.inventory, credit: cost }] : []),
    ],
    ...(member ? { patronage: [{ memberId: member.id, amount: total }] } : {}),
  });
  const at = u.now().toISOString();
  const sale: Sale = {
    id: draft.id,
    number,
    date,
    at,
    customerClass,
    ...(member ? { memberId: member.id, buyerName: member.name } : input.buyerName ? { buyerName: input.buyerName } : {}),
    ...(buyerNik ? { buyerNik } : {}),
    lines: lines.map(({ product: _p, index: _i, ...l }) => l),
    total,
    cost,
    paymentMethod: input.paymentMethod,
    ...(input.tendered != null && input.paymentMethod === 'CASH' ? { tendered: input.tendered, change: input.tendered - total } : {}),
    extra: options.extra,
    cashierId: u.principal.userId,
    ...(u.principal.name ? { cashierName: u.principal.name } : {}),
    status: 'COMPLETED',
    entryId,
    version: 1,
  };
  u.writes.create(keys.sale(date, sale.id), sale);
  recordMovements(u, sale.id, saleMovements(sale));
  return sale;
}

function saleMovements(sale: Sale): Movement[] {
  return sale.lines
    .filter((l) => l.cost > 0 || l.quantity > 0)
    .map((l) => ({
      productId: l.productId,
      at: sale.at,
      date: sale.date,
      kind: 'SALE' as const,
      documentId: sale.id,
      documentNumber: sale.number,
      quantity: -l.quantity,
      value: -l.cost,
      revenue: l.amount,
      customerClass: sale.customerClass,
    }));
}
