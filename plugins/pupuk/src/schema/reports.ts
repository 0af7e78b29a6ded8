import { maskNik } from '@kkmp/commerce';
import { z, type Builder, type UnitSchemaKit } from '@kkmp/plugin-sdk';
import { reportCsv } from '../services/csv';
import { absorption, byGroup, month, monthlyReport, redemptionsBetween, stockMovement, type AbsorptionSum, type FarmerAbsorption, type GroupRedemptions, type StockMovement } from '../services/reports';
import { parseSeason, seasonOf } from '../services/seasons';
import type { PupukSettings } from '../settings';
import { absorptionBps } from './format';
import type { FertilizerTypeRef } from './refs';


/** Report types: absorption, redemptions per group, stock movement. */
function reportTypes(b: Builder, Type: FertilizerTypeRef) {
  const FarmerRow = b.objectRef<FarmerAbsorption>('PupukFarmerAbsorption').implement({
    description: "A farmer's absorption of one type in a season.",
    fields: (t) => ({
      nikMasked: t.string({ description: 'NIK, masked.', resolve: (r) => maskNik(r.nik) }),
      name: t.exposeString('name', { description: 'Name.' }),
      farmerGroup: t.exposeString('group', { description: 'Farmer group (poktan).' }),
      type: t.field({ type: Type, description: 'Fertilizer type.', resolve: (r) => r.type }),
      allocatedKg: t.exposeInt('allocatedKg', { description: 'Allocation in force.' }),
      redeemedKg: t.exposeInt('redeemedKg', { description: 'Redeemed.' }),
      absorptionBps: t.int({ description: 'Redeemed / allocated, basis points (10000 = 100%).', resolve: (r) => absorptionBps(r.redeemedKg, r.allocatedKg) }),
    }),
  });
  const SumRow = b.objectRef<AbsorptionSum>('PupukAbsorptionSum').implement({
    description: 'Absorption of one type summed over a farmer group (or over all farmers).',
    fields: (t) => ({
      farmerGroup: t.exposeString('group', { nullable: true, description: 'Farmer group; null for all farmers.' }),
      type: t.field({ type: Type, description: 'Fertilizer type.', resolve: (r) => r.type }),
      farmers: t.exposeInt('farmers', { description: 'Farmers with an allocation of the type.' }),
      allocatedKg: t.exposeInt('allocatedKg', { description: 'Allocated.' }),
      redeemedKg: t.exposeInt('redeemedKg', { description: 'Redeemed.' }),
      absorptionBps: t.int({ description: 'Redeemed / allocated, basis points.', resolve: (r) => absorptionBps(r.redeemedKg, r.allocatedKg) }),
    }),
  });
  const GroupRow = b.objectRef<GroupRedemptions>('PupukGroupRedemptions').implement({
    description: 'Redemptions of one type by the farmers of one group.',
    fields: (t) => ({
      farmerGroup: t.exposeString('group', { description: 'Farmer group (poktan).' }),
      type: t.field({ type: Type, description: 'Fertilizer type.', resolve: (r) => r.type }),
      redemptions: t.exposeInt('redemptions', { description: 'Redemptions (sales).' }),
      farmers: t.exposeInt('farmers', { description: 'Farmers who redeemed.' }),
      kg: t.exposeInt('kg', { description: 'kg redeemed.' }),
      amount: t.expose('amount', { type: 'Rupiah', description: 'Paid, whole rupiah.' }),
    }),
  });
  const Receipt = b.objectRef<StockMovement['receipts'][number]>('PupukStockReceipt').implement({
    description: 'A delivery from the distributor (a goods receipt).',
    fields: (t) => ({
      date: t.expose('date', { type: 'Date', description: 'Business date.' }),
      number: t.exposeString('number', { description: 'Goods receipt number.' }),
      kg: t.exposeInt('kg', { description: 'kg received.' }),
    }),
  });
  const StockRow = b.objectRef<StockMovement>('PupukStockMovement').implement({
    description: 'Stock of one subsidized type over a month, in kg.',
    fields: (t) => ({
      type: t.field({ type: Type, description: 'Fertilizer type.', resolve: (r) => r.type }),
      sku: t.exposeString('sku', { description: 'SKU.' }),
      openingKg: t.exposeInt('openingKg', { description: 'At the start of the month.' }),
      receivedKg: t.exposeInt('receivedKg', { description: 'Received from the distributor.' }),
      redeemedKg: t.exposeInt('redeemedKg', { description: 'Sold (redeemed).' }),
      voidedKg: t.exposeInt('voidedKg', { description: 'Back in stock from voided sales.' }),
      countedKg: t.exposeInt('countedKg', { description: 'Stock count differences (+/-).' }),
      closingKg: t.exposeInt('closingKg', { description: 'At the end of the month.' }),
      receipts: t.field({ type: [Receipt], description: "The distributor's deliveries.", resolve: (r) => r.receipts }),
    }),
  });
  return { FarmerRow, SumRow, GroupRow, StockRow };
}

/** `pupukAbsorption`, `pupukRedemptionsByGroup`, `pupukStockMovement`, `pupukMonthlyReport`: rows and CSV files. */
export function registerReports(b: Builder, unit: UnitSchemaKit<PupukSettings>, Type: FertilizerTypeRef): void {
  const { FarmerRow, SumRow, GroupRow, StockRow } = reportTypes(b, Type);
  type Absorption = Awaited<ReturnType<typeof absorption>>;
  const Absorption = b.objectRef<Absorption>('PupukAbsorption').implement({
    description: 'Allocation absorption of a season: % redeemed per farmer, per group and per type.',
    fields: (t) => ({
      season: t.exposeString('season', { description: 'Season.' }),
      farmers: t.field({ type: [FarmerRow], description: 'Per farmer and type, by group and name.', resolve: (a) => a.farmers }),
      groups: t.field({ type: [SumRow], description: 'Per group and type.', resolve: (a) => a.groups }),
      types: t.field({ type: [SumRow], description: 'Per type, all farmers.', resolve: (a) => a.types }),
      farmersCsv: t.string({ description: 'Per farmer as CSV (musim, poktan, nik, nama, jenis_pupuk, alokasi_kg, ditebus_kg, serapan_persen).', resolve: (a) => reportCsv.farmers(a.season, a.farmers) }),
      groupsCsv: t.string({ description: 'Per group (and all farmers: poktan SEMUA) as CSV.', resolve: (a) => reportCsv.groups(a.season, [...a.groups, ...a.types]) }),
    }),
  });
  const seasonArgs = z.object({ season: z.string().nullish(), farmerGroup: z.string().trim().min(1).max(100).nullish() });
  const seasonFor = (code: string | null | undefined, u: { today(): string; settings: PupukSettings }) => (code ? parseSeason(code, u.settings.seasons, 'season') : seasonOf(u.today(), u.settings.seasons));
  const monthArg = z.object({ month: month.nullish() });
  unit.query('absorption', {
    type: Absorption,
    description: 'Allocation absorption of a season (optionally one farmer group): allocated and redeemed kg per farmer, group and type.',
    permission: 'pupuk:read',
    args: (t) => ({ season: t.string({ required: false, description: 'Season, e.g. 2025-MT1; default the season of today.' }), farmerGroup: t.string({ required: false, description: 'Only this farmer group.' }) }),
    schema: seasonArgs,
    resolve: (a, u) => absorption(u, seasonFor(a.season, u).code, a.farmerGroup),
  });
  const ByGroup = b.objectRef<{ season: string; from: string; to: string; rows: GroupRedemptions[] }>('PupukSeasonRedemptions').implement({
    description: 'Redemptions per farmer group and type over a season.',
    fields: (t) => ({
      season: t.exposeString('season', { description: 'Season.' }),
      from: t.expose('from', { type: 'Date', description: 'First day.' }),
      to: t.expose('to', { type: 'Date', description: 'Last day read (the season end, or today).' }),
      rows: t.field({ type: [GroupRow], description: 'Per group and type.', resolve: (r) => r.rows }),
      csv: t.string({ description: 'As CSV (periode, poktan, jenis_pupuk, jumlah_penebusan, jumlah_petani, ditebus_kg, nilai_rp).', resolve: (r) => reportCsv.redemptions(r.season, r.rows) }),
    }),
  });
  unit.query('redemptionsByGroup', {
    type: ByGroup,
    description: 'Redemptions per farmer group and type over a season, by business date.',
    permission: 'pupuk:read',
    args: (t) => ({ season: t.string({ required: false, description: 'Season, e.g. 2025-MT1; default the season of today.' }) }),
    schema: seasonArgs,
    resolve: async (a, u) => {
      const s = seasonFor(a.season, u);
      const to = s.to < u.today() ? s.to : u.today();
      const sales = (await redemptionsBetween(u, s.from, to)).filter((x) => x.unitData.season === s.code);
      return { season: s.code, from: s.from, to, rows: byGroup(sales) };
    },
  });
  const Stock = b.objectRef<{ month: string; rows: StockMovement[] }>('PupukStockReport').implement({
    description: 'Stock movement of the subsidized types over a month.',
    fields: (t) => ({
      month: t.exposeString('month', { description: 'YYYY-MM.' }),
      rows: t.field({ type: [StockRow], description: 'Per type.', resolve: (r) => r.rows }),
      csv: t.string({ description: 'As CSV (bulan, jenis_pupuk, sku, stok_awal_kg, diterima_kg, ditebus_kg, batal_kg, opname_kg, stok_akhir_kg).', resolve: (r) => reportCsv.stock(r.month, r.rows) }),
    }),
  });
  unit.query('stockMovement', {
    type: Stock,
    description: 'Stock movement of the subsidized types over a month: opening, received from the distributor (each delivery), redeemed, voided, counted, closing, in kg.',
    permission: 'pupuk:read',
    args: (t) => ({ month: t.string({ required: false, description: 'YYYY-MM; default this month.' }) }),
    schema: monthArg,
    resolve: async (a, u) => {
      const m = a.month ?? u.today().slice(0, 7);
      return { month: m, rows: await stockMovement(u, m) };
    },
  });
  type Monthly = Awaited<ReturnType<typeof monthlyReport>>;
  const MonthlyRef = b.objectRef<Monthly>('PupukMonthlyReport').implement({
    description: "The kiosk's monthly report for the distributor and the agriculture office: stock per type and redemptions per group.",
    fields: (t) => ({
      month: t.exposeString('month', { description: 'YYYY-MM.' }),
      kiosk: t.exposeString('kiosk', { description: 'The cooperative running the kiosk.' }),
      stock: t.field({ type: [StockRow], description: 'Stock movement per type, kg.', resolve: (r) => r.stock }),
      redemptions: t.field({ type: [GroupRow], description: 'Redemptions per group and type in the month.', resolve: (r) => r.redemptions }),
      farmersServed: t.exposeInt('farmersServed', { description: 'Farmers who redeemed in the month.' }),
      stockCsv: t.string({ description: 'The stock part as CSV.', resolve: (r) => reportCsv.stock(r.month, r.stock) }),
      redemptionsCsv: t.string({ description: 'The redemptions part as CSV.', resolve: (r) => reportCsv.redemptions(r.month, r.redemptions) }),
    }),
  });
  unit.query('monthlyReport', {
    type: MonthlyRef,
    description: 'The monthly report for the distributor and the agriculture office (laporan bulanan kios).',
    permission: 'pupuk:read',
    args: (t) => ({ month: t.string({ required: false, description: 'YYYY-MM; default this month.' }) }),
    schema: monthArg,
    resolve: (a, u) => monthlyReport(u, a.month ?? u.today().slice(0, 7)),
  });
}
