import { movementsUpTo, type CoreContext } from '@kkmp/core';

import type { UnitBooks } from '@kkmp/plugin-sdk';

export function createUnitBooks(core: CoreContext, coopId: string, today: () => string): UnitBooks {
  const moves = (asOf?: string) => movementsUpTo(core, coopId, asOf ?? today());
  return {
    async balance(account, asOf) {
      if (!core.chart.get(account)) throw new Error(`unknown account ${account}`);
      const sign = core.chart.sign(account);
      return (await moves(asOf)).filter((m) => m.account === account).reduce((s, m) => s + (m.debit - m.credit) * sign, 0);
    },
    async ownCapital(asOf) {
      // Revenue less expenses is the surplus not yet closed into equity; cash-flow buckets are not accounts.
      return (await moves(asOf)).reduce((s, m) => {
        const kind = core.chart.get(m.account)?.kind;
        return kind === 'EQUITY' || kind === 'REVENUE' || kind === 'EXPENSE' ? s + m.credit - m.debit : s;
      }, 0);
    },
  };
}
