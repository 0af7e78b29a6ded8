import { BusinessRuleError, ValidationError, cond, update, z, type UnitMutationContext, type UnitPrefetch } from '@kkmp/plugin-sdk';
import { consumeQuotas, periodKey, quotaItemKey, releaseQuotas, type QuotaTaken, type QuotaUse, type SaleDraft, type SalePrefetch, type StoredSale } from '@kkmp/commerce';
import type { BuyerType, LpgSettings, PurchaseLimit } from '../settings';

/** What a sale keeps: the buyer type it was sold under, the empties it took in and the limits it used (for the void). */
export interface LpgSaleData {
  [key: string]: unknown;
  buyerType?: string;
  subsidized: number;
  emptiesIn: number;
  limits: QuotaTaken[];
}

/** Empty 3 kg cylinders on hand: one counter, raised by exchanges, lowered by returns to the agent. */
export const EMPTIES_KEY = ['CYLINDERS', 'EMPTY'];
export const emptiesSchema = z.object({ empty: z.number().int() });

const PERIOD_ID: Record<PurchaseLimit['period'], string> = { DAY: 'hari', WEEK: 'minggu', MONTH: 'bulan' };

/** The limits in force for a buyer type, as uses of that NIK's counters in the sale's period. */
export function limitUses(limits: PurchaseLimit[], buyerType: string, nik: string, date: string, cylinders: number, field: string): QuotaUse[] {
  return limits
    .filter((l) => l.buyerType === buyerType)
    .map((l) => ({
      key: ['LIMIT', l.buyerType, l.period, periodKey(date, l.period), nik],
      amount: cylinders,
      limit: l.maxCylinders,
      rule: 'BUYER_LIMIT',
      field,
      what: { en: `LPG 3 kg, ${l.maxCylinders} cylinders per ${l.period.toLowerCase()}`, id: `LPG 3 kg, ${l.maxCylinders} tabung per ${PERIOD_ID[l.period]}` },
    }));
}

/**
 * Names the buyer's limit counters for the sale's first wave. Which limits apply depends on the settings
 * (read with the gate) and the buyer type (the registry entry, read in the same wave), so it names the
 * counters of every limit in the settings this process last saw, for each date the sale may have: a
 * household's monthly limit is then read with everything else. A guess from stale settings decides nothing
 * (consumeQuotas reads what it still needs).
 */
export function prefetchLimits(sale: SalePrefetch, k: UnitPrefetch<LpgSettings>): void {
  const nik = sale.buyerNik;
  if (!nik) return;
  for (const l of k.settingsSeen?.purchaseLimits ?? []) {
    for (const date of k.dates) k.item(...quotaItemKey(limitUses([l], l.buyerType, nik, date, 1, '')[0]!.key));
  }
}

const count = (sale: SaleDraft, sku: string) => sale.lines.filter((l) => l.sku === sku).reduce((n, l) => n + l.quantity, 0);

/** A subsidized sale needs a registered, verified buyer with a NIK (a blocked one the kit already refuses). */
function subsidizedBuyer(sale: SaleDraft): NonNullable<SaleDraft['beneficiary']> {
  const field = 'input.buyerNik';
  if (!sale.buyerNik) throw ValidationError.field(field, "LPG 3 kg is sold only with the buyer's NIK", 'LPG 3 kg hanya dijual dengan NIK pembeli');
  if (!sale.beneficiary) throw new BusinessRuleError('NOT_REGISTERED', 'this NIK is not registered as an LPG 3 kg buyer here', 'NIK ini belum terdaftar sebagai pembeli LPG 3 kg di sini', { field });
  if (!sale.beneficiary.verified) throw new BusinessRuleError('NOT_VERIFIED', "this buyer's documents have not been verified yet", 'dokumen pembeli ini belum diverifikasi', { field });
  return sale.beneficiary;
}

/**
 * The outlet's sale rule. The 3 kg refill is an exchange: each full cylinder out takes an empty in,
 * unless the sale also carries a cylinder deposit for it (a buyer without an empty). Subsidized
 * cylinders go only to registered, verified, unblocked buyers, within the limits for their type,
 * taken atomically with the sale. Non-subsidized 5.5 kg and 12 kg are ordinary goods.
 */
export async function takeExchange(sale: SaleDraft, u: UnitMutationContext<LpgSettings>): Promise<LpgSaleData> {
  const refills = count(sale, u.settings.subsidizedSku);
  const deposits = count(sale, u.settings.depositSku);
  const depositLine = sale.lines.find((l) => l.sku === u.settings.depositSku);
  if (deposits > refills) {
    throw ValidationError.field(`input.lines.${depositLine!.index}.quantity`, `a cylinder deposit goes with a 3 kg refill: at most ${refills}`, `deposit tabung hanya bersama isi ulang 3 kg: paling banyak ${refills}`);
  }
  if (refills === 0) return { subsidized: 0, emptiesIn: 0, limits: [] };
  const buyer = subsidizedBuyer(sale);
  const line = sale.lines.find((l) => l.sku === u.settings.subsidizedSku)!;
  const limits = await consumeQuotas(u, limitUses(u.settings.purchaseLimits, buyer.buyerType, sale.buyerNik!, sale.date, refills, `input.lines.${line.index}.quantity`));
  const emptiesIn = refills - deposits;
  if (emptiesIn > 0) u.writes.update(EMPTIES_KEY, update().add('empty', emptiesIn));
  return { buyerType: buyer.buyerType as BuyerType, subsidized: refills, emptiesIn, limits };
}

/** A void gives back what the sale took: the buyer's limits, and the empties it took in (still on hand). */
export async function releaseExchange(sale: StoredSale<LpgSaleData>, u: UnitMutationContext<LpgSettings>): Promise<void> {
  releaseQuotas(u, sale.unitData.limits ?? []);
  const empties = sale.unitData.emptiesIn ?? 0;
  if (empties > 0) u.writes.update(EMPTIES_KEY, update().add('empty', -empties), cond.ge('empty', empties));
}
