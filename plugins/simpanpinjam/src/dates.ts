/**
 * Calendar arithmetic on local dates (YYYY-MM-DD). These are dates in the cooperative's zone already
 * (from u.today()), so they are handled as plain calendar days, never as instants.
 */
const DAY = 86_400_000;
const pad = (n: number) => String(n).padStart(2, '0');

export function dayNumber(date: string): number {
  return Date.UTC(Number(date.slice(0, 4)), Number(date.slice(5, 7)) - 1, Number(date.slice(8, 10))) / DAY;
}

export function fromDayNumber(n: number): string {
  const d = new Date(n * DAY);
  return `${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())}`;
}

/** Days from a to b (b − a); negative when b is earlier. */
export const daysBetween = (a: string, b: string) => dayNumber(b) - dayNumber(a);
export const addDays = (date: string, n: number) => fromDayNumber(dayNumber(date) + n);

export function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

/**
 * The same day of the month, `months` later; clamped to the month's end (31 Jan + 1 month = 28/29 Feb)
 * and always counted from the original day, so a loan disbursed on the 31st falls due on the 31st
 * whenever the month has one.
 */
export function addMonths(date: string, months: number): string {
  const y = Number(date.slice(0, 4));
  const m = Number(date.slice(5, 7)) - 1 + months;
  const day = Number(date.slice(8, 10));
  const ny = Math.floor(m / 12);
  const nm = m - ny * 12;
  const year = y + ny;
  return `${year}-${pad(nm + 1)}-${pad(Math.min(day, daysInMonth(year, nm + 1)))}`;
}

/** First and last day of a month YYYY-MM. */
export const monthStart = (month: string) => `${month}-01`;
export const monthEnd = (month: string) => `${month}-${pad(daysInMonth(Number(month.slice(0, 4)), Number(month.slice(5, 7))))}`;

export const isMonth = (s: string) => /^\d{4}-(0[1-9]|1[0-2])$/.test(s);
export const isDate = (s: string) => /^\d{4}-\d{2}-\d{2}$/.test(s) && fromDayNumber(dayNumber(s)) === s;
