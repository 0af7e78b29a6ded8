import type { StockLevel } from '../model/stock';

/**
 * Moving-average cost in whole rupiah. The stock keeps its total cost `value`; the average is
 * value / quantity and is never stored rounded, so no rounding drift accumulates: a sale takes
 * round(value × sold / quantity), and the last unit out takes whatever value is left.
 */
export function costOf(stock: Pick<StockLevel, 'quantity' | 'value'>, quantity: number): number {
  if (quantity <= 0 || stock.quantity <= 0) return 0;
  if (quantity >= stock.quantity) return stock.value;
  return divRound(BigInt(stock.value) * BigInt(quantity), BigInt(stock.quantity));
}

/** Value of `quantity` more units at the current average (a count that finds more than the books). */
export function valueAtAverage(stock: Pick<StockLevel, 'quantity' | 'value'>, quantity: number, fallbackUnitCost: number): number {
  if (stock.quantity <= 0) return quantity * fallbackUnitCost;
  return divRound(BigInt(stock.value) * BigInt(quantity), BigInt(stock.quantity));
}

/** Average cost per unit, rounded to whole rupiah, for display. */
export function averageCost(stock: Pick<StockLevel, 'quantity' | 'value'>): number {
  return stock.quantity > 0 ? divRound(BigInt(stock.value), BigInt(stock.quantity)) : 0;
}

/** Half-up rounding of a non-negative or negative fraction, in exact integers. */
function divRound(n: bigint, d: bigint): number {
  const sign = n < 0n !== d < 0n ? -1n : 1n;
  const an = n < 0n ? -n : n;
  const ad = d < 0n ? -d : d;
  return Number(sign * ((2n * an + ad) / (2n * ad)));
}
