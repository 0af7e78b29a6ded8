import { ValidationError, type UnitMutationContext, type UnitPrefetch } from '@kkmp/plugin-sdk';
import { consumeQuotas, periodKey, quotaItemKey, releaseQuotas, type QuotaTaken, type QuotaUse, type SaleDraft, type SalePrefetch, type StoredSale } from '@kkmp/commerce';
import type { BuyerLimit, SembakoSettings } from '../settings';

/** What a sale keeps (as its hook data) to give the buyer's limits back exactly on a void. */
export interface SembakoSaleData {
  [key: string]: unknown;
  buyerLimits: QuotaTaken[];
}

const PERIOD_ID: Record<BuyerLimit['period'], string> = { DAY: 'hari', WEEK: 'minggu', MONTH: 'bulan' };

/** Counter key of one buyer's purchases of one limited product in one period. */
export const limitKey = (sku: string, period: string, nik: string) => ['LIMIT', sku, period, nik];

/** The limited lines of a sale (SPHP rice), as uses of the buyer's limits in the sale's period. */
export function buyerLimitUses(sale: Pick<SaleDraft, 'lines' | 'date'>, nik: string, limits: BuyerLimit[]): QuotaUse[] {
  return sale.lines.flatMap((line) => {
    const limit = limits.find((l) => l.sku === line.sku);
    if (!limit) return [];
    return [
      {
        key: limitKey(line.sku, periodKey(sale.date, limit.period), nik),
        amount: line.quantity,
        limit: limit.maxQuantity,
        rule: 'BUYER_LIMIT',
        field: `input.lines.${line.index}.quantity`,
        what: {
          en: `${line.name}, ${limit.maxQuantity} ${line.packName} per buyer per ${limit.period.toLowerCase()}`,
          id: `${line.name}, ${limit.maxQuantity} ${line.packName} per pembeli per ${PERIOD_ID[limit.period]}`,
        },
      },
    ];
  });
}

/**
 * Names the buyer's limit counters for the sale's first wave when the NIK is typed at the counter: one per
 * limit in the settings this process last saw, for each date the sale may have (which lines are limited
 * is known only once the products are read, in the same wave). A member sold by id or number has the NIK
 * on the member record, read in that wave too: those counters are read after it.
 */
export function prefetchBuyerLimits(sale: SalePrefetch, k: UnitPrefetch<SembakoSettings>): void {
  const nik = sale.buyerNik;
  if (!nik) return;
  for (const l of k.settingsSeen?.buyerLimits ?? []) {
    for (const date of k.dates) k.item(...quotaItemKey(limitKey(l.sku, periodKey(date, l.period), nik)));
  }
}

/**
 * Sale rule: limited goods (SPHP rice) need the buyer's NIK and stay within the buyer's limit. What it
 * took is kept with the sale, so a void gives back exactly that, whatever the settings say by then.
 */
export async function takeBuyerLimits(sale: SaleDraft, u: UnitMutationContext<SembakoSettings>): Promise<SembakoSaleData | void> {
  const limited = sale.lines.filter((line) => u.settings.buyerLimits.some((l) => l.sku === line.sku));
  if (limited.length === 0) return;
  if (!sale.buyerNik) {
    const names = limited.map((line) => line.name).join(', ');
    throw ValidationError.field('input.buyerNik', `${names} is limited per buyer: enter the buyer's NIK`, `${names} dibatasi per pembeli: masukkan NIK pembeli`);
  }
  return { buyerLimits: await consumeQuotas(u, buyerLimitUses(sale, sale.buyerNik, u.settings.buyerLimits)) };
}

/** A voided sale gives the buyer's limits back: what the sale took, in the sale's period. */
export async function releaseBuyerLimits(sale: StoredSale<SembakoSaleData>, u: UnitMutationContext<SembakoSettings>): Promise<void> {
  releaseQuotas(u, sale.unitData.buyerLimits ?? []);
}
