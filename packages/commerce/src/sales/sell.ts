import { ACCOUNTS, BusinessRuleError, ValidationError, msg, parseInput, rupiah, text, z } from '@kkmp/plugin-sdk';
import { paymentAccount, revenueAccount } from '../accounts';
import { beneficiaryForSale, findBeneficiary, type SaleNeeds } from '../beneficiaries/registry';
import type { Beneficiary } from '../model/beneficiary';
import { normalizeNik } from '../rules/nik';
import type { WriteCtx } from '../context';
import { keys } from '../model/keys';
import { PAYMENT_METHODS, type Sale, type SaleData } from '../model/sale';
import type { Movement } from '../model/stock';
import { documentNumber } from '../numbers';
import { recordMovements } from '../stock/movements';
import { identifyBuyer } from './buyer';
import type { PriceQuestion, SaleDraft, SaleRefusal } from './draft';
import { priceLines, readLines, type LineQuantity, type LineReads } from './lines';

export const MAX_SALE_LINES = 80;

export const saleInput = z.object({
  memberNumber: z.number().int().min(1, msg('must be at least 1', 'paling sedikit 1')).optional().nullable(),
  buyerNik: z.string().optional().nullable(),
  buyerName: text(100).optional().nullable(),
  paymentMethod: z.enum(PAYMENT_METHODS),
  tendered: rupiah.optional().nullable(),
  lines: z
    .array(z.object({ productId: z.string(), quantity: z.number().int(msg('must be a whole number', 'harus bilangan bulat')).min(1, msg('must be at least 1', 'paling sedikit 1')).max(100_000) }))
    .min(1, msg('needs at least one line', 'perlu paling sedikit satu baris'))
    .max(MAX_SALE_LINES, msg(`at most ${MAX_SALE_LINES} lines; split the sale`, `paling banyak ${MAX_SALE_LINES} baris; pecah penjualannya`)),
});

export interface SellOptions {
  region: string | undefined;
  receiptPrefix: string;
  /** Members are decoded from their GraphQL id by the schema layer. */
  memberId?: string;
  /** The unit's own input fields, given to beforeSale. */
  input: Record<string, unknown>;
  requireBuyerNik: boolean;
  /** Present when the unit keeps a beneficiary registry: what a sale needs from it. */
  registry?: { needs: SaleNeeds };
  gate?: (u: WriteCtx) => Promise<void>;
  /** The unit's own price list (SaleHooks.price). */
  price?: (line: PriceQuestion, u: WriteCtx) => number | undefined;
  beforeSale?: (sale: SaleDraft, u: WriteCtx) => Promise<SaleData | void>;
  onRefused?: (refusal: SaleRefusal, u: WriteCtx) => Promise<void>;
  /** The unit's conversion of a line's quantity as sent into selling units (see SalesOptions.lineQuantity). */
  lineQuantity?: LineQuantity;
}

const hookData = z.record(z.string(), z.unknown());

/**
 * A sale at the counter, all or nothing in one transaction: stock out, the sale record with its
 * receipt number, the journal entry (cash/bank/receivable, revenue from members or non-members, cost
 * of goods and stock), the member's patronage for SHU, and whatever the unit's own rules add (quotas,
 * allocations). The unit's beforeSale sees a copy of the draft; what it returns is stored with the sale.
 */
export async function sell(u: WriteCtx, raw: Record<string, unknown>, options: SellOptions): Promise<Sale> {
  // The sale's reads by key start before the unit's gate is awaited, so they share its wave (the kit's
  // prefetch has already put them in the mutation's first wave: these find them there). The gate still
  // refuses first, and invalid input is refused as before (its reads are not started).
  const early = saleInput.safeParse(raw);
  const reads = early.success ? startReads(u, early.data, options) : undefined;
  await options.gate?.(u);
  const input = parseInput(saleInput, raw);
  try {
    return await sellParsed(u, input, options, reads ?? startReads(u, input, options));
  } catch (e) {
    // A business rule refused the sale: the unit may log the attempt (outside the discarded transaction).
    if (e instanceof BusinessRuleError && options.onRefused) await options.onRefused({ rule: e.rule, ...(input.buyerNik ? { buyerNik: input.buyerNik } : {}), date: u.businessDate }, u);
    throw e;
  }
}

interface SaleReads {
  lines: Promise<LineReads>;
  /** The registry entry of the NIK typed at the counter, when the unit keeps a registry. */
  beneficiary?: { nik: string; entry: Promise<Beneficiary | undefined> };
}

/**
 * One read wave by key: the lines' products and stock and the registry entry of the NIK typed start
 * together with the buyer's (the request's loader puts them in one BatchGetItem); each is awaited where
 * it is needed.
 */
function startReads(u: WriteCtx, input: z.output<typeof saleInput>, options: SellOptions): SaleReads {
  const nik = options.registry && input.buyerNik ? tryNormalizeNik(input.buyerNik, u) : undefined;
  const reads: SaleReads = {
    lines: readLines(u, input.lines),
    ...(nik ? { beneficiary: { nik, entry: findBeneficiary(u, nik) } } : {}),
  };
  // A refusal met first leaves the other reads unawaited: they must not become unhandled rejections.
  for (const p of [reads.lines, reads.beneficiary?.entry]) p?.catch(() => undefined);
  return reads;
}

function tryNormalizeNik(raw: string, u: WriteCtx): string | undefined {
  try {
    return normalizeNik(raw, 'input.buyerNik', u.now());
  } catch {
    return undefined; // identifyBuyer refuses it, naming the field
  }
}

async function sellParsed(u: WriteCtx, input: z.output<typeof saleInput>, options: SellOptions, reads: SaleReads): Promise<Sale> {
  const date = u.businessDate;
  const buyer = await identifyBuyer(u, input, options.memberId, options.requireBuyerNik || options.registry?.needs !== undefined);
  const early = reads.beneficiary?.nik === buyer.buyerNik ? reads.beneficiary?.entry : undefined;
  const beneficiary = options.registry && buyer.buyerNik ? await beneficiaryForSale(u, buyer.buyerNik, options.registry.needs, early) : undefined;
  const lines = priceLines(u, await reads.lines, buyer.customerClass, options.region, date, {
    ...(options.price ? { listPrice: options.price } : {}),
    ...(options.lineQuantity ? { lineQuantity: options.lineQuantity } : {}),
  });
  const total = lines.reduce((s, l) => s + l.amount, 0);
  if (input.tendered != null && input.paymentMethod === 'CASH' && input.tendered < total) {
    throw ValidationError.field('input.tendered', `is less than the total of Rp${total}`, `kurang dari total Rp${total}`);
  }
  const draft: SaleDraft = { id: u.newId(), date, ...buyer, ...(beneficiary ? { beneficiary } : {}), lines, paymentMethod: input.paymentMethod, total, input: options.input };
  // A structured clone: the hook's data reaches the sale only by being returned, never by editing the draft.
  const returned = await options.beforeSale?.(structuredClone(draft), u);
  const unitData = hookData.parse(JSON.parse(JSON.stringify(returned ?? {})));
  const unsaved: Omit<Sale, 'entryId'> = {
    id: draft.id,
    // The receipt number (an atomic counter outside the transaction, so concurrent cashiers never conflict
    // on it) only once every check passed: a refused sale changes nothing, not even the counter.
    number: await documentNumber(u, options.receiptPrefix),
    date,
    at: u.now().toISOString(),
    customerClass: buyer.customerClass,
    ...(buyer.member ? { memberId: buyer.member.id, buyerName: buyer.member.name } : input.buyerName ? { buyerName: input.buyerName } : {}),
    ...(buyer.buyerNik ? { buyerNik: buyer.buyerNik } : {}),
    lines: lines.map(({ product: _p, index: _i, ...l }) => l),
    total,
    cost: lines.reduce((s, l) => s + l.cost, 0),
    paymentMethod: input.paymentMethod,
    ...(input.tendered != null && input.paymentMethod === 'CASH' ? { tendered: input.tendered, change: input.tendered - total } : {}),
    unitData,
    cashierId: u.principal.userId,
    ...(u.principal.name ? { cashierName: u.principal.name } : {}),
    status: 'COMPLETED',
    version: 1,
  };
  const sale: Sale = { ...unsaved, entryId: await postSale(u, unsaved) };
  u.writes.create(keys.sale(date, sale.id), sale);
  recordMovements(u, sale.id, saleMovements(sale));
  return sale;
}

/** Dr cash/bank/receivable, Cr revenue (members apart); Dr cost of goods, Cr stock; the member's patronage. */
async function postSale(u: WriteCtx, sale: Omit<Sale, 'entryId'>): Promise<string> {
  const { entryId } = await u.post({
    memo: `Penjualan ${sale.number}`,
    documentId: sale.id,
    lines: [
      { account: paymentAccount(sale.paymentMethod), debit: sale.total },
      { account: revenueAccount(sale.customerClass), credit: sale.total },
      ...(sale.cost > 0 ? [{ account: ACCOUNTS.cogs, debit: sale.cost }, { account: ACCOUNTS.inventory, credit: sale.cost }] : []),
    ],
    ...(sale.memberId ? { patronage: [{ memberId: sale.memberId, amount: sale.total }] } : {}),
  });
  return entryId;
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
