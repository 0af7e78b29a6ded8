import type { Clock } from '@kkmp/core';

/**
 * The dev server's clock: the system clock shifted by an offset, so it keeps ticking from wherever
 * KKMP_CLOCK put it. A team rehearses a year end, monthly billing or arrears through the public API
 * without patching the process clock. Only `npm run dev` uses it; the Lambda handler refuses KKMP_CLOCK.
 */
export class DevClock implements Clock {
  private offsetMs: number;

  constructor(start?: Date, private readonly system: () => number = Date.now) {
    this.offsetMs = start ? start.getTime() - system() : 0;
  }

  now(): Date {
    return new Date(this.system() + this.offsetMs);
  }

  /** True while the clock is the system's (KKMP_CLOCK unset, or an offset of zero). */
  get isSystem(): boolean {
    return this.offsetMs === 0;
  }

  /**
   * Moves the clock. Only forward while the server runs: records stay in the order they were made
   * (ids, audit log, idempotency records); going back in time is a restart with another KKMP_CLOCK.
   */
  moveTo(to: Date): void {
    const now = this.now();
    if (to.getTime() < now.getTime()) {
      throw new DevClockError(
        `the dev clock only moves forward while the server runs (it is ${describeInstant(now)}); restart with KKMP_CLOCK to go back`,
        `jam dev hanya bisa maju selama server berjalan (sekarang ${describeInstant(now)}); mulai ulang dengan KKMP_CLOCK untuk mundur`,
      );
    }
    this.offsetMs = to.getTime() - this.system();
  }
}

export class DevClockError extends Error {
  constructor(
    readonly messageEn: string,
    readonly messageId: string,
  ) {
    super(messageEn);
    this.name = 'DevClockError';
  }
}

/** What KKMP_CLOCK (and the /dev/clock endpoint) accept, for messages and --help texts. */
export const CLOCK_FORMATS = [
  'an instant with its zone: 2026-12-31T16:00:00Z or 2026-12-31T23:00+07:00',
  'a date: 2027-01-05 (09:00 WIB that day, the same date in WITA and WIT)',
  'an offset from now: +45d, -2h, +2w (w weeks, d days, h hours)',
] as const;

const WIB_MS = 7 * 3_600_000;
const UNIT_MS = { w: 7 * 86_400_000, d: 86_400_000, h: 3_600_000 } as const;
const INSTANT = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2})(\.\d{1,3})?)?(Z|[+-]\d{2}:\d{2})$/;
const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const OFFSET = /^([+-])(\d{1,6})([wdh])$/;

/**
 * Parses a clock setting into the instant it names. Offsets count from `from` (the system time at
 * start; the dev clock's own time when moving it). Throws DevClockError naming the accepted forms.
 */
export function parseClockSetting(value: string, from: Date): Date {
  const text = value.trim();
  const offset = OFFSET.exec(text);
  if (offset) {
    const ms = Number(offset[2]) * UNIT_MS[offset[3] as keyof typeof UNIT_MS];
    return checked(new Date(from.getTime() + (offset[1] === '-' ? -ms : ms)), text);
  }
  const date = DATE.exec(text);
  if (date) {
    const [y, m, d] = [Number(date[1]), Number(date[2]), Number(date[3])];
    if (!isCalendarDate(y, m, d)) throw invalid(text, ['no such date', 'tanggal itu tidak ada']);
    return checked(new Date(Date.UTC(y, m - 1, d, 9) - WIB_MS), text);
  }
  const instant = INSTANT.exec(text);
  if (instant) {
    const [y, m, d, hh, mm, ss] = instant.slice(1, 7).map((p) => Number(p ?? 0)) as [number, number, number, number, number, number];
    if (!isCalendarDate(y, m, d) || hh > 23 || mm > 59 || ss > 59) throw invalid(text, ['no such date or time', 'tanggal atau jam itu tidak ada']);
    const ms = Math.round(Number(instant[7] ?? 0) * 1000);
    const zone = instant[8]!;
    const zoneMs = zone === 'Z' ? 0 : (zone[0] === '-' ? -1 : 1) * (Number(zone.slice(1, 3)) * 60 + Number(zone.slice(4, 6))) * 60_000;
    return checked(new Date(Date.UTC(y, m - 1, d, hh, mm, ss, ms) - zoneMs), text);
  }
  if (/^\d{4}-\d{2}-\d{2}T/.test(text)) throw invalid(text, ['an instant needs its zone: Z or +07:00', 'waktu harus dengan zonanya: Z atau +07:00']);
  throw invalid(text);
}

/** "2027-01-05 09:00:00 WIB (2027-01-05T02:00:00.000Z)": how the dev server reports its clock. */
export function describeInstant(at: Date): string {
  return `${wibTime(at)} (${at.toISOString()})`;
}

/** "2027-01-05 09:00:00 WIB": the demo cooperatives' wall-clock time. */
export function wibTime(at: Date): string {
  const wib = new Date(at.getTime() + WIB_MS).toISOString();
  return `${wib.slice(0, 10)} ${wib.slice(11, 19)} WIB`;
}

function isCalendarDate(y: number, m: number, d: number): boolean {
  const t = new Date(Date.UTC(y, m - 1, d));
  return t.getUTCFullYear() === y && t.getUTCMonth() === m - 1 && t.getUTCDate() === d;
}

function checked(at: Date, text: string): Date {
  const year = at.getUTCFullYear();
  if (Number.isNaN(at.getTime()) || year < 2000 || year > 2199) throw invalid(text, ['outside the years 2000-2199', 'di luar tahun 2000-2199']);
  return at;
}

function invalid(text: string, why?: [en: string, id: string]): DevClockError {
  return new DevClockError(
    `"${text}" is not a clock setting${why ? ` (${why[0]})` : ''}. Use ${CLOCK_FORMATS.join('; or ')}.`,
    `"${text}" bukan pengaturan jam${why ? ` (${why[1]})` : ''}. Pakai waktu dengan zonanya (2026-12-31T16:00:00Z atau 2026-12-31T23:00+07:00); tanggal (2027-01-05: pukul 09.00 WIB hari itu); atau selisih dari sekarang (+45d, -2h, +2w: w minggu, d hari, h jam).`,
  );
}
