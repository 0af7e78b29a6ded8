import { BusinessRuleError, ValidationError, type UnitMutationContext } from '@kkmp/plugin-sdk';
import type { PriceQuestion, SaleDraft, StoredSale } from '@kkmp/commerce';
import { GALLON_SKU, REFILL_SKU, TRADE_RULE_NOTE, type AirminumSettings } from '../settings';
import { complianceVersionOf } from './compliance';
import { addLitres } from './production';

/** What a depot sale keeps: containers filled, new gallons sold, litres produced, the compliance version it passed under. */
export interface RefillData {
  [key: string]: unknown;
  refills: number;
  newGallons: number;
  litres: number;
  complianceVersion?: number;
  deliveryAddress?: string;
}

/** The depot's price list is its settings: a refill (members or walk-in) and the charge for a new plain gallon. */
export function depotPrice(q: PriceQuestion, u: UnitMutationContext<AirminumSettings>): number | undefined {
  if (q.product.sku === REFILL_SKU) return q.customerClass === 'MEMBER' ? u.settings.memberRefillPrice : u.settings.refillPrice;
  if (q.product.sku === GALLON_SKU) return u.settings.newGallonCharge;
  return undefined;
}

const quantityOf = (sale: SaleDraft, sku: string) => sale.lines.filter((l) => l.sku === sku).reduce((n, l) => n + l.quantity, 0);

/**
 * A refill sale: each container filled is a refill (the buyer's own gallon), a new plain gallon is a
 * refill plus its container charge (never an empty gallon alone: the depot keeps no pre-filled stock
 * and sells water, not containers). The litres produced are added in the sale's transaction. A
 * delivery address is taken only when the cooperative turned delivery orders on.
 */
export async function takeRefill(sale: SaleDraft, u: UnitMutationContext<AirminumSettings>): Promise<RefillData> {
  const refills = quantityOf(sale, REFILL_SKU);
  const newGallons = quantityOf(sale, GALLON_SKU);
  if (newGallons > refills) {
    const line = sale.lines.find((l) => l.sku === GALLON_SKU)!;
    throw ValidationError.field(`input.lines.${line.index}.quantity`, `a new gallon is sold filled, with its refill: at most ${refills}`, `galon baru dijual terisi, bersama isi ulangnya: paling banyak ${refills}`);
  }
  const address = typeof sale.input.deliveryAddress === 'string' ? sale.input.deliveryAddress.trim() : '';
  if (address && !u.settings.deliveryOrders) {
    throw new BusinessRuleError('DELIVERY_OFF', `this depot takes no delivery orders. ${TRADE_RULE_NOTE.en}`, `depot ini tidak menerima pesan antar. ${TRADE_RULE_NOTE.id}`, { field: 'input.deliveryAddress' });
  }
  if (address.length > 200) throw ValidationError.field('input.deliveryAddress', 'at most 200 characters', 'paling banyak 200 karakter');
  const litres = refills * u.settings.litresPerGallon;
  addLitres(u, sale.date, litres);
  const version = complianceVersionOf(u);
  return { refills, newGallons, litres, ...(version !== undefined ? { complianceVersion: version } : {}), ...(address ? { deliveryAddress: address } : {}) };
}

/** A void takes the sale's litres back out of the counters (a mistaken entry produced no water). */
export async function releaseRefill(sale: StoredSale<RefillData>, u: UnitMutationContext<AirminumSettings>): Promise<void> {
  addLitres(u, sale.date, -(sale.unitData.litres ?? 0));
}
