import { coreChart, movementsUpTo, type CoreContext } from '@kkmp/core';

/**
 * Read-only figures from the cooperative's books for a unit's own rules, such as a lending limit tied
 * to own capital. They come from the maintained balances (cost grows with accounts and months, not
 * entries). A unit that shows them to callers gates them with its own permission.
 */
export interface UnitBooks {
  /** Balance of an account over all segments at the end of a date (today if none), in its normal direction. */
  balance(account: string, asOf?: string): Promise<number>;
  /**
   * Own capital (modal sendiri) at the end of a date: the equity accounts plus surplus not yet
   * distributed or closed, i.e. total equity as the statement of financial position shows it.
   */
  ownCapital(asOf?: string): Promise<number>;
}

export function createUnitBooks(core: CoreContext, coopId: string, today: () => string): UnitBooks {
  const moves = (asOf?: string) => movementsUpTo(core, coopId, asOf ?? today());
  return {
    async balance(account, asOf) {
      if (!coreChart.get(account)) throw new Error(`unknown account ${account}`);
      const sign = coreChart.sign(account);
      return (await moves(asOf)).filter((m) => m.account === account).reduce((s, m) => s + (m.debit - m.credit) * sign, 0);
    },
    async ownCapital(asOf) {
      // Revenue less expenses is the surplus not yet closed into equity; cash-flow buckets are not accounts.
      return (await moves(asOf)).reduce((s, m) => {
        const kind = coreChart.get(m.account)?.kind;
        return kind === 'EQUITY' || kind === 'REVENUE' || kind === 'EXPENSE' ? s + m.credit - m.debit : s;
      }, 0);
    },
  };
}
