import { checkBusinessDate } from '../business-date';
import type { CoreContext } from '../context';
import { ValidationError } from '../errors';
import { backdatingDaysFor, firstFinancialYearOf, type Cooperative } from '../cooperative';
import type { Role } from '../principal';
import { localDate } from '../time';
import { readLock } from './posting';

/**
 * The business date of an event in this cooperative, checked against its books: today unless given; not
 * in the future, not before its first financial year, not in a locked period or closed year, and within
 * the caller's backdating window. One read (the period lock). Posting re-checks the lock in its
 * transaction, so a lock placed meanwhile still wins.
 */
export async function resolveBusinessDate(ctx: CoreContext, coop: Cooperative, role: Role, requested: string | null | undefined, field = 'input.businessDate'): Promise<string> {
  const lock = await readLock(ctx, coop.id);
  return checkBusinessDate(
    requested,
    {
      today: localDate(ctx.clock.now(), coop.timeZone),
      firstFinancialYear: firstFinancialYearOf(coop),
      lockedThrough: lock?.lockedThrough,
      backdatingDays: backdatingDaysFor(coop, role),
    },
    field,
  );
}

/**
 * A deprecated date field and `businessDate` name the same thing: take one (refuse two that differ), and
 * name in any refusal the field the caller actually sent, so older clients see their own field.
 */
export function requestedDate(businessDate: string | null | undefined, legacy: string | null | undefined, legacyField: string) {
  if (businessDate && legacy && businessDate !== legacy) {
    throw ValidationError.field('input.businessDate', `differs from ${legacyField} (deprecated): give businessDate only`, `berbeda dengan ${legacyField} (usang): isi businessDate saja`);
  }
  return businessDate || !legacy ? { requested: businessDate, field: 'input.businessDate' } : { requested: legacy, field: legacyField };
}
