import type { Sale } from '../model/sale';

const WIDTH = 32;
const rp = (n: number) => n.toLocaleString('id-ID');
const row = (left: string, right: string) => {
  const space = WIDTH - left.length - right.length;
  return space >= 1 ? `${left}${' '.repeat(space)}${right}` : `${left}\n${' '.repeat(Math.max(0, WIDTH - right.length))}${right}`;
};
const PAY: Record<Sale['paymentMethod'], string> = { CASH: 'TUNAI', QRIS: 'QRIS', BANK_TRANSFER: 'TRANSFER', MEMBER_CREDIT: 'KREDIT ANGGOTA' };

/** The receipt (struk) for a 58 mm thermal printer: 32 columns, in Indonesian as the buyer reads it. */
const OFFSET = { WIB: 7, WITA: 8, WIT: 9 } as const;

export function receiptText(sale: Sale & { coopName: string; timeZone: keyof typeof OFFSET }): string {
  const time = new Date(Date.parse(sale.at) + OFFSET[sale.timeZone] * 3_600_000).toISOString().slice(11, 16);
  const out = [
    sale.coopName.slice(0, WIDTH),
    row(sale.number, ''),
    row(sale.date, `${time} ${sale.timeZone}`),
    sale.cashierName ? `Kasir: ${sale.cashierName}`.slice(0, WIDTH) : '',
    '-'.repeat(WIDTH),
  ].filter(Boolean);
  for (const l of sale.lines) {
    out.push(l.name.slice(0, WIDTH));
    out.push(row(`  ${l.quantity} x ${rp(l.unitPrice)}`, rp(l.amount)));
  }
  out.push('-'.repeat(WIDTH), row('TOTAL', `Rp${rp(sale.total)}`), row(PAY[sale.paymentMethod], sale.tendered != null ? `Rp${rp(sale.tendered)}` : ''));
  if (sale.change != null) out.push(row('KEMBALI', `Rp${rp(sale.change)}`));
  if (sale.customerClass === 'MEMBER') out.push(`Anggota: ${sale.buyerName ?? ''}`.slice(0, WIDTH));
  if (sale.status === 'VOIDED') out.push('*** DIBATALKAN ***');
  out.push('Terima kasih');
  return out.join('\n');
}
