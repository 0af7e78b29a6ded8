import { daysInMonth } from '../time';
import type { CoreContext } from '../context';
import { ValidationError } from '../errors';
import { msg } from '../validation';
import { z } from 'zod';
import { movements, type Movement } from './balances';

/** A financial year argument (budgets, tax settings): a whole year from 2000 to 2100. */
export const yearField = (field = 'year') =>
  z
    .number()
    .int(msg(`${field} must be a whole year`, `${field} harus tahun bulat`))
    .min(2000, msg('must be a year from 2000 to 2100', 'harus tahun 2000 sampai 2100'))
    .max(2100, msg('must be a year from 2000 to 2100', 'harus tahun 2000 sampai 2100'));

export const checkYear = (year: number, field = 'year') => {
  const r = yearField().safeParse(year);
  if (!r.success) throw ValidationError.field(field, 'must be a year from 2000 to 2100', 'harus tahun 2000 sampai 2100');
};

/** YYYY-MM of the month at `index` (0 = January) of a year. */
export const monthOf = (year: number, index: number) => `${year}-${String(index + 1).padStart(2, '0')}`;

/** Movements of each month of a year, from the maintained monthly balances (one query a month). */
export function monthlyMovements(ctx: CoreContext, coopId: string, year: number): Promise<Movement[][]> {
  return Promise.all(
    Array.from({ length: 12 }, (_, i) => {
      const month = monthOf(year, i);
      return movements(ctx, coopId, `${month}-01`, `${month}-${String(daysInMonth(year, i + 1)).padStart(2, '0')}`);
    }),
  );
}
