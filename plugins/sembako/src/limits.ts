import { ValidationError } from '@kkmp/plugin-sdk';
import { consumeQuotas, periodKey, releaseQuotas, type Sale, type SaleDraft, type WriteCtx } from '@kkmp/commerce';
import type { SembakoSettings } from './settings';

/** Counter key of one buyer's purchases of one limited product in one period. */
const limitKey = (sku: string, period: string, nik: string) => ['LIMIT', sku, period, nik];

/** Sale rule: limited goods (SPHP rice) need the buyer's NIK and stay within the buyer's limit. */
export async function checkBuyerLimits(sale: SaleDraft, u: WriteCtx & { settings: SembakoSettings }): Promise<void> {
  const limited = sale.lines.flatMap((line) => {
    const limit = u.settings.buyerLimits.find((l) => l.sku === line.sku);
    return limit ? [{ line, limit }] : [];
  });
  if (limited.length === 0) return;
  if (!sale.buyerNik) {
    const names = limited.map((x) => x.line.name).join(', ');
    throw ValidationError.field('input.buyerNik', `${names} is limited per buyer: enter the buyer's NIK`, `${names} dibatasi per pembeli: masukkan NIK pembeli`);
  }
  await consumeQuotas(
    u,
    limited.map(({ line, limit }) => ({
      key: limitKey(line.sku, periodKey(sale.date, limit.period), sale.buyerNik!),
      amount: line.quantity,
      limit: limit.maxQuantity,
      rule: 'BUYER_LIMIT',
      field: `input.lines.${line.index}.quantity`,
      what: {
        en: `${line.name}, ${limit.maxQuantity} ${line.packName} per buyer per ${limit.period.toLowerCase()}`,
        id: `${line.name}, ${limit.maxQuantity} ${line.packName} per pembeli per ${{ DAY: 'hari', WEEK: 'minggu', MONTH: 'bulan' }[limit.period]}`,
      },
    })),
  );
}

/** A voided sale gives the buyer's limit back, in the period of the sale. */
export async function releaseBuyerLimits(sale: Sale, u: WriteCtx & { settings: SembakoSettings }): Promise<void> {
  if (!sale.buyerNik) return;
  releaseQuotas(
    u,
    sale.lines.flatMap((line) => {
      const limit = u.settings.buyerLimits.find((l) => l.sku === line.sku);
      return limit ? [{ key: limitKey(line.sku, periodKey(sale.date, limit.period), sale.buyerNik!), amount: line.quantity }] : [];
    }),
  );
}
