/** Land in m² as hectares with up to 4 decimals ("0.75", "2"). */
export function landHa(m2: number): string {
  return (m2 / 10_000).toFixed(4).replace(/\.?0+$/, '');
}

/** Share redeemed in basis points (10000 = 100%), rounded down; 0 without an allocation. */
export function absorptionBps(redeemed: number, allocated: number): number {
  return allocated > 0 ? Math.floor((redeemed * 10_000) / allocated) : 0;
}
