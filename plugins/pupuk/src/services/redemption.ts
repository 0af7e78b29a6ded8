import { BusinessRuleError, ValidationError, cond, formatRupiah, formatRupiahEn, type UnitMutationContext } from '@kkmp/plugin-sdk';
import { consumeQuotas, releaseQuotas, type QuotaTaken, type SaleDraft, type StoredSale } from '@kkmp/commerce';
import { keys } from '../model';
import { fertilizerTypes, type FertilizerType, type PupukSettings } from '../settings';
import { farmerAllocationsOf } from './allocations';
import { hetOn, seasonOf } from './seasons';

/** One type redeemed in a sale. */
export interface Redeemed {
  type: FertilizerType;
  kg: number;
  amount: number;
}

/** What a sale keeps (unitData): the season, the farmer's group, the proof, what was redeemed and the allocation it took (for a void). */
export interface PupukSaleData {
  [key: string]: unknown;
  season?: string;
  group?: string;
  proofReference?: string;
  redeemed: Redeemed[];
  taken: QuotaTaken[];
}

type Ctx = UnitMutationContext<PupukSettings>;
type Line = SaleDraft['lines'][number];

/** The subsidized type of a sale line (its SKU is one of the settings' SKUs), or none for market-price goods. */
export function typeOfSku(settings: PupukSettings, sku: string): FertilizerType | undefined {
  return fertilizerTypes.find((t) => settings.skus[t] === sku);
}

/** kg in a line: selling units × grams per unit; subsidized products are sold by whole kg. */
function kgOf(line: Line): number {
  const grams = line.quantity * line.product.packSize;
  if (line.product.unitOfMeasure !== 'GRAM' || grams % 1000 !== 0) {
    throw ValidationError.field(`input.lines.${line.index}.productId`, 'a subsidized fertilizer is sold by whole kg: its product must be measured in grams, whole kg per selling unit', 'pupuk bersubsidi dijual per kg utuh: produknya harus dalam gram, kg utuh per satuan jual');
  }
  return grams / 1000;
}

/** Refuses a line priced above the HET per kg in force on the sale's business date. */
function checkHet(u: Ctx, line: Line, type: FertilizerType, date: string): void {
  const het = hetOn(u.settings.het, type, date);
  if (!het) throw new BusinessRuleError('NO_HET', `no HET for ${type} on ${date}: add it to the unit settings`, `belum ada HET ${type} untuk ${date}: tambahkan di pengaturan unit`, { field: `input.lines.${line.index}.productId` });
  // Exact integers: price per selling unit / kg per selling unit <= HET per kg.
  const kgPerUnit = line.product.packSize / 1000;
  if (line.unitPrice > het.perKg * kgPerUnit) {
    const max = het.perKg * kgPerUnit;
    throw new BusinessRuleError(
      'PRICE_ABOVE_CEILING',
      `${line.name} costs ${formatRupiahEn(line.unitPrice)} per ${line.packName}, above the HET of ${formatRupiahEn(max)} (${formatRupiahEn(het.perKg)}/kg, ${het.reference}); the manager must lower the price`,
      `harga ${line.name} ${formatRupiah(line.unitPrice)} per ${line.packName} melebihi HET ${formatRupiah(max)} (${formatRupiah(het.perKg)}/kg, ${het.reference}); pengurus harus menurunkan harga`,
      { field: `input.lines.${line.index}.productId`, details: { price: line.unitPrice, ceiling: max, hetPerKg: het.perKg, reference: het.reference } },
    );
  }
}

/** The farmer a subsidized sale is for: the NIK given, on the registry (a blocked one the kit already refused). */
function farmerOf(sale: SaleDraft): string {
  if (!sale.buyerNik) throw ValidationError.field('input.buyerNik', "subsidized fertilizer is redeemed only with the farmer's NIK", 'pupuk bersubsidi hanya ditebus dengan NIK petani');
  if (!sale.beneficiary) throw new BusinessRuleError('NOT_REGISTERED', 'this NIK is not on the e-RDKK list of this kiosk', 'NIK ini tidak ada di daftar e-RDKK kios ini', { field: 'input.buyerNik' });
  return sale.buyerNik;
}

/**
 * The kiosk's redemption rule, inside the sale's transaction. Subsidized lines go only to a farmer on
 * the registry with an allocation of that type for the season of the business date, at most the HET
 * in force that day, never beyond what is left of the allocation (the commerce quota: a conditional
 * ADD on the farmer's redeemed counter, so two redemptions at once cannot pass it), with a proof
 * reference. Market-price fertilizer goes to anyone.
 */
export async function redeem(sale: SaleDraft, u: Ctx): Promise<PupukSaleData> {
  const lines = sale.lines.flatMap((l) => {
    const type = typeOfSku(u.settings, l.sku);
    return type ? [{ line: l, type }] : [];
  });
  if (lines.length === 0) return { redeemed: [], taken: [] };
  const nik = farmerOf(sale);
  const proof = typeof sale.input.proofReference === 'string' ? sale.input.proofReference.trim() : '';
  if (!proof) throw ValidationError.field('input.proofReference', 'give the proof of the redemption (the photo or document id)', 'isi bukti penebusan (nomor foto atau dokumen)');
  if (proof.length > 200) throw ValidationError.field('input.proofReference', 'at most 200 characters', 'paling banyak 200 karakter');
  const season = seasonOf(sale.date, u.settings.seasons);
  for (const { line, type } of lines) checkHet(u, line, type, sale.date);
  const { imports, allocations: found } = await farmerAllocationsOf(u, season.code, nik);
  const allocations = new Map(found.map((a) => [a.type, a]));
  // A revision completing between this read and the commit changes the limits: then the sale re-runs from fresh reads.
  u.writes.check(keys.season(season.code), imports.revision > 0 ? cond.eq('revision', imports.revision) : cond.notExists('revision'));
  const uses = lines.map(({ line, type }) => {
    const allocation = allocations.get(type);
    if (!allocation || allocation.current.kg === 0) {
      throw new BusinessRuleError('NO_ALLOCATION', `this farmer has no e-RDKK allocation of ${type} for ${season.code}`, `petani ini tidak punya alokasi e-RDKK ${type} untuk ${season.code}`, { field: `input.lines.${line.index}.productId`, details: { season: season.code, type } });
    }
    return { key: keys.quota(season.code, nik, type), amount: kgOf(line), limit: allocation.current.kg, used: allocation.redeemedKg, rule: 'ALLOCATION_EXCEEDED', field: `input.lines.${line.index}.quantity`, what: { en: `${type} allocation for ${season.code} (kg)`, id: `alokasi ${type} ${season.code} (kg)` } };
  });
  const taken = await consumeQuotas(u, uses);
  const group = allocations.values().next().value?.current.group;
  return {
    season: season.code,
    ...(group ? { group } : {}),
    proofReference: proof,
    redeemed: lines.map(({ line, type }, i) => ({ type, kg: uses[i]!.amount, amount: line.amount })),
    taken,
  };
}

/** A void gives back exactly the allocation the sale took (even if a revision changed the limit since). */
export async function unredeem(sale: StoredSale<PupukSaleData>, u: Ctx): Promise<void> {
  releaseQuotas(u, sale.unitData.taken ?? []);
}
