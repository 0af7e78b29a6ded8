/**
 * Calendar dates and accounting periods in Indonesian local time. Every function takes the instant (or the
 * date) explicitly: nothing here reads the system clock or the process time zone, so callers pass the
 * Clock's `now()` and tests pass fixed instants.
 *
 * Indonesia has three zones, none with daylight saving time: WIB (UTC+7), WITA (UTC+8), WIT (UTC+9).
 * Conversion goes through `Intl.DateTimeFormat` with the IANA zone name, so it stays right if the
 * government ever changes an offset and the runtime's tz data follows.
 */

export const TIME_ZONES = { WIB: 'Asia/Jakarta', WITA: 'Asia/Makassar', WIT: 'Asia/Jayapura' } as const;

export type IndonesianTimeZone = keyof typeof TIME_ZONES; // 'WIB' | 'WITA' | 'WIT'

const DATE_RE = /^(\d{4})-(\d{2})-(\d{2})$/;
const PERIOD_RE = /^(\d{4})-(0[1-9]|1[0-2])$/;

const formatters = new Map<IndonesianTimeZone, Intl.DateTimeFormat>();

function formatterFor(zone: IndonesianTimeZone): Intl.DateTimeFormat {
  let f = formatters.get(zone);
  if (!f) {
    const timeZone = TIME_ZONES[zone];
    if (timeZone === undefined) throw new RangeError(`unknown Indonesian time zone: ${String(zone)}`);
    f = new Intl.DateTimeFormat('en-US', {
      timeZone,
      calendar: 'gregory',
      numberingSystem: 'latn',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
    });
    formatters.set(zone, f);
  }
  return f;
}

function pad(n: number, width: number): string {
  return String(n).padStart(width, '0');
}

export function isLeapYear(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

/** Days in `month` (1-12) of `year`, proleptic Gregorian. */
export function daysInMonth(year: number, month: number): number {
  if (month === 2) return isLeapYear(year) ? 29 : 28;
  return month === 4 || month === 6 || month === 9 || month === 11 ? 30 : 31;
}

/**
 * The last answer per zone, by minute: "today" is asked for every line of every list (50 products: 50
 * times), and Intl's formatToParts was 3% of such a read's CPU. The calendar date can change only on a
 * minute boundary, since every offset these zones have had since 1964 is whole minutes (before that,
 * Batavia's local mean time was +07:07:12: not remembered).
 */
const lastByZone = new Map<IndonesianTimeZone, { minute: number; date: string }>();
const WHOLE_MINUTE_OFFSETS_SINCE = Date.UTC(1970, 0, 1);

/** 'YYYY-MM-DD' of `instant` on the wall calendar of `zone`. */
export function localDate(instant: Date, zone: IndonesianTimeZone): string {
  if (!(instant instanceof Date) || Number.isNaN(instant.getTime())) {
    throw new RangeError('localDate: invalid instant');
  }
  const ms = instant.getTime();
  if (ms < WHOLE_MINUTE_OFFSETS_SINCE) return formatDate(instant, zone);
  const minute = Math.floor(ms / 60_000);
  const last = lastByZone.get(zone);
  if (last?.minute === minute) return last.date;
  const date = formatDate(instant, zone);
  lastByZone.set(zone, { minute, date });
  return date;
}

function formatDate(instant: Date, zone: IndonesianTimeZone): string {
  let year = '';
  let month = '';
  let day = '';
  for (const p of formatterFor(zone).formatToParts(instant)) {
    if (p.type === 'year') year = p.value;
    else if (p.type === 'month') month = p.value;
    else if (p.type === 'day') day = p.value;
  }
  const y = Number(year);
  // Intl drops the era for BCE years; the system has no business there.
  if (!Number.isInteger(y) || y < 1 || y > 9999 || !/^\d{2}$/.test(month) || !/^\d{2}$/.test(day)) {
    throw new RangeError(`localDate: instant out of supported range (years 0001-9999): ${instant.toISOString()}`);
  }
  return `${pad(y, 4)}-${month}-${day}`;
}

/** 'YYYY-MM' of `instant` in `zone`: the accounting period the instant belongs to. */
export function localPeriod(instant: Date, zone: IndonesianTimeZone): string {
  return localDate(instant, zone).slice(0, 7);
}

/** Strict 'YYYY-MM-DD' that names a real calendar date (e.g. 2024-02-29 yes, 2025-02-29 and 2025-04-31 no). */
export function isValidDate(date: string): boolean {
  if (typeof date !== 'string') return false;
  const m = DATE_RE.exec(date);
  if (!m) return false;
  const year = Number(m[1]);
  const month = Number(m[2]);
  const day = Number(m[3]);
  return month >= 1 && month <= 12 && day >= 1 && day <= daysInMonth(year, month);
}

/** 'YYYY-MM' of a 'YYYY-MM-DD' date. Throws RangeError on anything but a real date. */
export function periodOf(date: string): string {
  if (!isValidDate(date)) throw new RangeError(`periodOf: not a valid YYYY-MM-DD date: ${JSON.stringify(date)}`);
  return date.slice(0, 7);
}

function periodIndex(period: string, fn: string): number {
  const m = typeof period === 'string' ? PERIOD_RE.exec(period) : null;
  if (!m) throw new RangeError(`${fn}: not a valid YYYY-MM period: ${JSON.stringify(period)}`);
  return Number(m[1]) * 12 + (Number(m[2]) - 1);
}

function periodFromIndex(index: number, fn: string): string {
  const year = Math.floor(index / 12);
  if (year < 0 || year > 9999) throw new RangeError(`${fn}: result outside years 0000-9999`);
  return `${pad(year, 4)}-${pad((index % 12) + 1, 2)}`;
}

/** Shift a 'YYYY-MM' period by `n` months (n may be negative): addMonths('2025-12', 1) === '2026-01'. */
export function addMonths(period: string, n: number): string {
  if (!Number.isSafeInteger(n)) throw new RangeError(`addMonths: month count must be an integer, got ${n}`);
  return periodFromIndex(periodIndex(period, 'addMonths') + n, 'addMonths');
}

/** Every period from `from` to `to`, both included, in order; [] when from > to. */
export function periodsBetween(from: string, to: string): string[] {
  const start = periodIndex(from, 'periodsBetween');
  const end = periodIndex(to, 'periodsBetween');
  const out: string[] = [];
  for (let i = start; i <= end; i++) out.push(periodFromIndex(i, 'periodsBetween'));
  return out;
}

/** Shift a 'YYYY-MM-DD' date by `n` days (n may be negative), on the proleptic Gregorian calendar. */
export function addDays(date: string, n: number): string {
  if (!isValidDate(date)) throw new RangeError(`addDays: not a valid YYYY-MM-DD date: ${JSON.stringify(date)}`);
  if (!Number.isSafeInteger(n)) throw new RangeError(`addDays: day count must be an integer, got ${n}`);
  // Noon UTC keeps the arithmetic clear of any day boundary; the calendar is zone-free here.
  const t = new Date(`${date}T12:00:00Z`);
  t.setUTCDate(t.getUTCDate() + n);
  return t.toISOString().slice(0, 10);
}
