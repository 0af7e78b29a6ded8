import { ValidationError, msg, z, type UnitContext } from '@kkmp/plugin-sdk';
import { commerceKeys, productSchema, saleSchema, stockCard, stockSchema, type Sale } from '@kkmp/commerce';
import { fertilizerTypes, type FertilizerType, type PupukSettings } from '../settings';
import { seasonAllocations } from './allocations';
import type { PupukSaleData } from './redemption';

type Ctx = UnitContext<PupukSettings>;

export const month = z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/, msg('must be a month, YYYY-MM', 'harus bulan, TTTT-BB'));

/** A farmer's absorption of one type: allocated, redeemed. */
export interface FarmerAbsorption {
  nik: string;
  name: string;
  group: string;
  type: FertilizerType;
  allocatedKg: number;
  redeemedKg: number;
}

/** A sum over farmers (a group and type, or a type). */
export interface AbsorptionSum {
  group: string | null;
  type: FertilizerType;
  farmers: number;
  allocatedKg: number;
  redeemedKg: number;
}

function sumBy(rows: FarmerAbsorption[], keyOf: (r: FarmerAbsorption) => string | null): AbsorptionSum[] {
  const map = new Map<string, AbsorptionSum>();
  for (const r of rows) {
    const group = keyOf(r);
    const id = `${group ?? ''}/${r.type}`;
    const s = map.get(id) ?? { group, type: r.type, farmers: 0, allocatedKg: 0, redeemedKg: 0 };
    s.farmers += 1;
    s.allocatedKg += r.allocatedKg;
    s.redeemedKg += r.redeemedKg;
    map.set(id, s);
  }
  return [...map.values()].sort((a, b) => (a.group ?? '').localeCompare(b.group ?? '') || a.type.localeCompare(b.type));
}

/** Allocation absorption of a season (optionally one group): per farmer and type, per group and type, per type. */
export async function absorption(u: Ctx, season: string, group: string | null | undefined) {
  const rows: FarmerAbsorption[] = (await seasonAllocations(u, season))
    .filter(({ row }) => !group || row.group === group)
    .map(({ row, redeemedKg }) => ({ nik: row.nik, name: row.name, group: row.group, type: row.type, allocatedKg: row.kg, redeemedKg }));
  return { season, farmers: rows, groups: sumBy(rows, (r) => r.group), types: sumBy(rows, () => null) };
}

/** Completed sales between two business dates with subsidized fertilizer, every page (100 a round trip). */
export async function redemptionsBetween(u: Ctx, from: string, to: string): Promise<Sale[]> {
  const out: Sale[] = [];
  let after: string | undefined;
  for (;;) {
    const page = await u.store.range(saleSchema, commerceKeys.salesOf(from), commerceKeys.salesOf(`${to}~`), { first: 100, ...(after ? { after } : {}) });
    out.push(...page.items.filter((s) => s.status === 'COMPLETED' && ((s.unitData as Partial<PupukSaleData>).redeemed ?? []).length > 0));
    if (!page.hasNextPage || !page.endCursor) return out;
    after = page.endCursor;
  }
}

/** Redemptions of a group and type: how many sales, farmers, kg and rupiah. */
export interface GroupRedemptions {
  group: string;
  type: FertilizerType;
  redemptions: number;
  farmers: number;
  kg: number;
  amount: number;
}

export function byGroup(sales: Sale[]): GroupRedemptions[] {
  const map = new Map<string, GroupRedemptions & { niks: Set<string> }>();
  for (const s of sales) {
    const data = s.unitData as Partial<PupukSaleData>;
    for (const r of data.redeemed ?? []) {
      const group = data.group ?? '';
      const id = `${group}/${r.type}`;
      const g = map.get(id) ?? { group, type: r.type, redemptions: 0, farmers: 0, kg: 0, amount: 0, niks: new Set<string>() };
      g.redemptions += 1;
      g.kg += r.kg;
      g.amount += r.amount;
      g.niks.add(s.buyerNik ?? '');
      g.farmers = g.niks.size;
      map.set(id, g);
    }
  }
  return [...map.values()].map(({ niks: _n, ...g }) => g).sort((a, b) => a.group.localeCompare(b.group) || a.type.localeCompare(b.type));
}

/** Stock of one subsidized type over a month, in kg: what came from the distributor, went to farmers, came back by voids, and counts. */
export interface StockMovement {
  type: FertilizerType;
  sku: string;
  openingKg: number;
  receivedKg: number;
  redeemedKg: number;
  voidedKg: number;
  countedKg: number;
  closingKg: number;
  receipts: { date: string; number: string; kg: number }[];
}

function monthRange(m: string): { from: string; to: string } {
  const [y, mo] = m.split('-').map(Number) as [number, number];
  return { from: `${m}-01`, to: new Date(Date.UTC(y, mo, 0)).toISOString().slice(0, 10) };
}

/** Stock movements of the subsidized types over a month, from the kit's stock cards (one read wave per type, never per movement). */
export async function stockMovement(u: Ctx, m: string): Promise<StockMovement[]> {
  const { from, to } = monthRange(m);
  const today = u.today();
  if (from > today) throw ValidationError.field('month', 'must not be after this month', 'tidak boleh setelah bulan ini');
  const skus = fertilizerTypes.map((t) => u.settings.skus[t]);
  const ids = await u.store.getMany(z.object({ productId: z.string() }), skus.map((s) => commerceKeys.sku(s)));
  const keysOf = (k: (id: string) => string[]) => ids.map((p) => k(p?.productId ?? '-'));
  const [products, stocks] = await Promise.all([u.store.getMany(productSchema, keysOf(commerceKeys.product)), u.store.getMany(stockSchema, keysOf(commerceKeys.stock))]);
  const out: StockMovement[] = [];
  for (const [i, type] of fertilizerTypes.entries()) {
    const p = products[i];
    if (!p) continue;
    // Selling units to kg (subsidized products are sold by whole kg).
    const kg = (n: number) => (n * p.packSize) / 1000;
    const card = await stockCard(u, p.id, from, today > to ? today : to);
    const inMonth = card.filter((c) => c.date <= to);
    const later = card.filter((c) => c.date > to).reduce((n, c) => n + c.quantity, 0);
    const sum = (kind: string) => kg(inMonth.filter((c) => c.kind === kind).reduce((n, c) => n + c.quantity, 0));
    const closing = kg((stocks[i]?.quantity ?? 0) - later);
    const moved = kg(inMonth.reduce((n, c) => n + c.quantity, 0));
    out.push({
      type,
      sku: skus[i]!,
      openingKg: closing - moved,
      receivedKg: sum('RECEIPT'),
      redeemedKg: -sum('SALE'),
      voidedKg: sum('VOID'),
      countedKg: sum('COUNT'),
      closingKg: closing,
      receipts: inMonth.filter((c) => c.kind === 'RECEIPT').map((c) => ({ date: c.date, number: c.documentNumber, kg: kg(c.quantity) })),
    });
  }
  return out;
}

/** The monthly report for the distributor and the agriculture office: stock per type and redemptions per group. */
export async function monthlyReport(u: Ctx, m: string) {
  const { from, to } = monthRange(m);
  const [stock, sales] = await Promise.all([stockMovement(u, m), redemptionsBetween(u, from, to)]);
  return { month: m, kiosk: u.cooperative.name, stock, redemptions: byGroup(sales), farmersServed: new Set(sales.map((s) => s.buyerNik)).size, sales };
}
