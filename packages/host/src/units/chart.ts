import { buildChart, type Account, type Chart } from '@kkmp/core';
import type { AnyUnit } from '@kkmp/plugin-sdk';

/**
 * The chart of accounts of one API: the core's plus the accounts its installed units declare (codes
 * "<unitId>.<code>"). A value per API, so APIs built in one process with other unit sets do not share it.
 */
export function chartOf(units: readonly AnyUnit[], problems: string[]): Chart {
  const accounts = new Map<string, Account>();
  for (const unit of units) {
    for (const a of unit.accounts ?? []) {
      const code = `${unit.id}.${a.code}`;
      if (accounts.has(code)) problems.push(`${unit.id}: account "${a.code}" is declared twice`);
      accounts.set(code, { code, name: a.name, kind: a.kind, unitId: unit.id, cashFlow: a.cashFlow ?? 'OPERATING' });
    }
  }
  return buildChart([...accounts.values()]);
}
