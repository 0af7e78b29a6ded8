import { csvStringify } from '@kkmp/plugin-sdk';
import { maskNik } from '@kkmp/commerce';
import type { AbsorptionSum, FarmerAbsorption, GroupRedemptions, StockMovement } from './reports';

/** Percent with two decimals from kg ("45.50"), for the files; GraphQL gives basis points. */
const percent = (redeemed: number, allocated: number) => (allocated > 0 ? ((redeemed * 100) / allocated).toFixed(2) : '0.00');
const file = (columns: string[], rows: (string | number)[][]) => csvStringify(rows, { header: true, columns });

/** The reports as CSV files (RFC 4180, header row), written by the maintained csv-stringify; column names in Indonesian as the offices read them. */
export const reportCsv = {
  farmers: (season: string, rows: FarmerAbsorption[]) =>
    file(
      ['musim', 'poktan', 'nik', 'nama', 'jenis_pupuk', 'alokasi_kg', 'ditebus_kg', 'serapan_persen'],
      rows.map((r) => [season, r.group, maskNik(r.nik), r.name, r.type, r.allocatedKg, r.redeemedKg, percent(r.redeemedKg, r.allocatedKg)]),
    ),
  groups: (season: string, rows: AbsorptionSum[]) =>
    file(
      ['musim', 'poktan', 'jenis_pupuk', 'jumlah_petani', 'alokasi_kg', 'ditebus_kg', 'serapan_persen'],
      rows.map((r) => [season, r.group ?? 'SEMUA', r.type, r.farmers, r.allocatedKg, r.redeemedKg, percent(r.redeemedKg, r.allocatedKg)]),
    ),
  redemptions: (period: string, rows: GroupRedemptions[]) =>
    file(['periode', 'poktan', 'jenis_pupuk', 'jumlah_penebusan', 'jumlah_petani', 'ditebus_kg', 'nilai_rp'], rows.map((r) => [period, r.group, r.type, r.redemptions, r.farmers, r.kg, r.amount])),
  stock: (month: string, rows: StockMovement[]) =>
    file(
      ['bulan', 'jenis_pupuk', 'sku', 'stok_awal_kg', 'diterima_kg', 'ditebus_kg', 'batal_kg', 'opname_kg', 'stok_akhir_kg'],
      rows.map((r) => [month, r.type, r.sku, r.openingKg, r.receivedKg, r.redeemedKg, r.voidedKg, r.countedKg, r.closingKg]),
    ),
};
