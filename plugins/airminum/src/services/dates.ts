/** Calendar arithmetic on YYYY-MM-DD dates (the cooperative's local dates; no time zone involved). */
const toDate = (d: string) => new Date(`${d}T00:00:00Z`);
const iso = (t: Date) => t.toISOString().slice(0, 10);

export function addDays(date: string, days: number): string {
  const t = toDate(date);
  t.setUTCDate(t.getUTCDate() + days);
  return iso(t);
}

/** Same day n months later; a day the month lacks becomes its last day (31 Aug + 6 months = 28 Feb). */
export function addMonths(date: string, months: number): string {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  const target = new Date(Date.UTC(y, m - 1 + months, 1));
  const last = new Date(Date.UTC(target.getUTCFullYear(), target.getUTCMonth() + 1, 0)).getUTCDate();
  target.setUTCDate(Math.min(d, last));
  return iso(target);
}

/** Whole days from `from` to `to` (negative when `to` is earlier). */
export const daysBetween = (from: string, to: string): number => Math.round((toDate(to).getTime() - toDate(from).getTime()) / 86_400_000);
