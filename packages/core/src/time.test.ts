import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  addMonths,
  daysInMonth,
  isLeapYear,
  isValidDate,
  localDate,
  localPeriod,
  periodOf,
  periodsBetween,
  TIME_ZONES,
  type IndonesianTimeZone,
} from './time';

const at = (iso: string) => new Date(iso);

describe('TIME_ZONES', () => {
  it('maps WIB, WITA, WIT to their IANA zones', () => {
    expect(TIME_ZONES).toEqual({ WIB: 'Asia/Jakarta', WITA: 'Asia/Makassar', WIT: 'Asia/Jayapura' });
  });
});

describe('localDate', () => {
  it('2026-01-31T17:30Z is 1 February everywhere in Indonesia (00:30 WIB, 01:30 WITA, 02:30 WIT)', () => {
    const t = at('2026-01-31T17:30:00Z');
    expect(localDate(t, 'WIB')).toBe('2026-02-01');
    expect(localDate(t, 'WITA')).toBe('2026-02-01');
    expect(localDate(t, 'WIT')).toBe('2026-02-01');
  });

  it('the three zones roll over to the next day one hour apart', () => {
    // 15:00Z = midnight WIT (UTC+9), 16:00Z = midnight WITA (UTC+8), 17:00Z = midnight WIB (UTC+7).
    const cases: [string, Record<IndonesianTimeZone, string>][] = [
      ['2026-01-31T14:59:59.999Z', { WIB: '2026-01-31', WITA: '2026-01-31', WIT: '2026-01-31' }],
      ['2026-01-31T15:00:00.000Z', { WIB: '2026-01-31', WITA: '2026-01-31', WIT: '2026-02-01' }],
      ['2026-01-31T15:59:59.999Z', { WIB: '2026-01-31', WITA: '2026-01-31', WIT: '2026-02-01' }],
      ['2026-01-31T16:00:00.000Z', { WIB: '2026-01-31', WITA: '2026-02-01', WIT: '2026-02-01' }],
      ['2026-01-31T16:59:59.999Z', { WIB: '2026-01-31', WITA: '2026-02-01', WIT: '2026-02-01' }],
      ['2026-01-31T17:00:00.000Z', { WIB: '2026-02-01', WITA: '2026-02-01', WIT: '2026-02-01' }],
    ];
    for (const [iso, expected] of cases) {
      for (const zone of ['WIB', 'WITA', 'WIT'] as const) {
        expect(localDate(at(iso), zone), `${iso} in ${zone}`).toBe(expected[zone]);
      }
    }
  });

  it('is the same calendar day as UTC during the Indonesian day', () => {
    const t = at('2026-06-15T03:00:00Z');
    expect(localDate(t, 'WIB')).toBe('2026-06-15');
    expect(localDate(t, 'WITA')).toBe('2026-06-15');
    expect(localDate(t, 'WIT')).toBe('2026-06-15');
  });

  it('handles the year rollover', () => {
    expect(localDate(at('2025-12-31T16:59:59Z'), 'WIB')).toBe('2025-12-31');
    expect(localDate(at('2025-12-31T17:00:00Z'), 'WIB')).toBe('2026-01-01');
    expect(localDate(at('2025-12-31T15:30:00Z'), 'WITA')).toBe('2025-12-31');
    expect(localDate(at('2025-12-31T15:30:00Z'), 'WIT')).toBe('2026-01-01');
  });

  it('handles 29 February', () => {
    expect(localDate(at('2024-02-28T17:00:00Z'), 'WIB')).toBe('2024-02-29');
    expect(localDate(at('2024-02-29T17:00:00Z'), 'WIB')).toBe('2024-03-01');
    expect(localDate(at('2025-02-28T17:00:00Z'), 'WIB')).toBe('2025-03-01');
  });

  it('pads years before 1000', () => {
    expect(localDate(at('0999-06-15T00:00:00Z'), 'WIB')).toBe('0999-06-15');
  });

  it('throws RangeError on an invalid Date', () => {
    expect(() => localDate(new Date('not a date'), 'WIB')).toThrow(RangeError);
  });

  it('throws RangeError on an unknown zone', () => {
    expect(() => localDate(at('2026-01-01T00:00:00Z'), 'UTC' as IndonesianTimeZone)).toThrow(RangeError);
  });
});

describe('localPeriod', () => {
  it('is the YYYY-MM of the local date', () => {
    const t = at('2026-01-31T17:30:00Z');
    expect(localPeriod(t, 'WIB')).toBe('2026-02');
    expect(localPeriod(at('2026-01-31T16:30:00Z'), 'WIB')).toBe('2026-01');
    expect(localPeriod(at('2026-01-31T16:30:00Z'), 'WITA')).toBe('2026-02');
  });

  it('crosses the year with the local date', () => {
    expect(localPeriod(at('2025-12-31T16:59:59Z'), 'WIB')).toBe('2025-12');
    expect(localPeriod(at('2025-12-31T17:00:00Z'), 'WIB')).toBe('2026-01');
    expect(localPeriod(at('2025-12-31T15:00:00Z'), 'WIT')).toBe('2026-01');
  });
});

describe('isValidDate', () => {
  it.each(['2026-01-01', '2026-12-31', '2024-02-29', '2000-02-29', '1990-04-30', '0001-01-01', '9999-12-31'])(
    'accepts %s',
    (d) => {
      expect(isValidDate(d)).toBe(true);
    },
  );

  it.each([
    '2025-02-29', // not a leap year
    '1900-02-29', // divisible by 100, not by 400
    '2024-02-30',
    '2026-04-31',
    '2026-06-31',
    '2026-09-31',
    '2026-11-31',
    '2026-01-32',
    '2026-00-10',
    '2026-13-01',
    '2026-01-00',
    '2026-1-01',
    '2026-01-1',
    '26-01-01',
    '20260101',
    '2026/01/01',
    '2026-01-01T00:00:00Z',
    ' 2026-01-01',
    '2026-01-01 ',
    '+2026-01-01',
    '２０２６-01-01',
    '',
  ])('rejects %j', (d) => {
    expect(isValidDate(d)).toBe(false);
  });

  it('rejects non-strings at run time', () => {
    expect(isValidDate(undefined as unknown as string)).toBe(false);
    expect(isValidDate(new Date() as unknown as string)).toBe(false);
  });
});

describe('isLeapYear / daysInMonth', () => {
  it('follows the Gregorian rule', () => {
    expect([1900, 2000, 2023, 2024, 2100].map(isLeapYear)).toEqual([false, true, false, true, false]);
    expect(daysInMonth(2024, 2)).toBe(29);
    expect(daysInMonth(2025, 2)).toBe(28);
    expect(daysInMonth(2025, 4)).toBe(30);
    expect(daysInMonth(2025, 12)).toBe(31);
  });
});

describe('periodOf', () => {
  it('takes the YYYY-MM of a date', () => {
    expect(periodOf('2026-01-31')).toBe('2026-01');
    expect(periodOf('2024-02-29')).toBe('2024-02');
  });

  it('throws RangeError on an invalid date', () => {
    expect(() => periodOf('2025-02-29')).toThrow(RangeError);
    expect(() => periodOf('2026-01')).toThrow(RangeError);
  });
});

describe('addMonths', () => {
  it('moves forward within and across years', () => {
    expect(addMonths('2026-01', 1)).toBe('2026-02');
    expect(addMonths('2025-12', 1)).toBe('2026-01');
    expect(addMonths('2025-11', 2)).toBe('2026-01');
    expect(addMonths('2025-01', 12)).toBe('2026-01');
    expect(addMonths('2025-01', 25)).toBe('2027-02');
  });

  it('moves backward across years', () => {
    expect(addMonths('2026-01', -1)).toBe('2025-12');
    expect(addMonths('2026-03', -3)).toBe('2025-12');
    expect(addMonths('2026-01', -12)).toBe('2025-01');
    expect(addMonths('2026-01', -13)).toBe('2024-12');
  });

  it('adding zero is the identity', () => {
    expect(addMonths('2026-07', 0)).toBe('2026-07');
  });

  it('rejects malformed periods and non-integer counts', () => {
    for (const p of ['2026-13', '2026-00', '2026-1', '2026-01-01', '26-01', '']) {
      expect(() => addMonths(p, 1), p).toThrow(RangeError);
    }
    expect(() => addMonths('2026-01', 1.5)).toThrow(RangeError);
    expect(() => addMonths('2026-01', Number.NaN)).toThrow(RangeError);
  });

  it('rejects results outside years 0000-9999', () => {
    expect(addMonths('9999-11', 1)).toBe('9999-12');
    expect(() => addMonths('9999-12', 1)).toThrow(RangeError);
    expect(addMonths('0000-02', -1)).toBe('0000-01');
    expect(() => addMonths('0000-01', -1)).toThrow(RangeError);
  });
});

describe('periodsBetween', () => {
  it('lists every period, both ends included', () => {
    expect(periodsBetween('2026-01', '2026-04')).toEqual(['2026-01', '2026-02', '2026-03', '2026-04']);
  });

  it('crosses the year boundary', () => {
    expect(periodsBetween('2025-11', '2026-02')).toEqual(['2025-11', '2025-12', '2026-01', '2026-02']);
  });

  it('is a single period when from === to', () => {
    expect(periodsBetween('2026-05', '2026-05')).toEqual(['2026-05']);
  });

  it('is empty when from > to', () => {
    expect(periodsBetween('2026-05', '2026-04')).toEqual([]);
    expect(periodsBetween('2026-01', '2025-12')).toEqual([]);
    expect(periodsBetween('2027-01', '2026-12')).toEqual([]);
  });

  it('covers whole years', () => {
    const r = periodsBetween('2024-01', '2026-12');
    expect(r).toHaveLength(36);
    expect(r[0]).toBe('2024-01');
    expect(r[11]).toBe('2024-12');
    expect(r[12]).toBe('2025-01');
    expect(r.at(-1)).toBe('2026-12');
    expect(new Set(r).size).toBe(36);
  });

  it('agrees with addMonths', () => {
    const r = periodsBetween('2025-03', '2027-08');
    r.forEach((p, i) => expect(p).toBe(addMonths('2025-03', i)));
  });

  it('rejects malformed periods even when the range would be empty', () => {
    expect(() => periodsBetween('2026-13', '2026-01')).toThrow(RangeError);
    expect(() => periodsBetween('2026-01', '2026-1')).toThrow(RangeError);
    expect(() => periodsBetween('2026-01-01', '2026-02')).toThrow(RangeError);
  });
});

describe('localDate remembers the last minute per zone, never answering a stale date', () => {
  const direct = (instant: Date, zone: IndonesianTimeZone) =>
    new Intl.DateTimeFormat('en-CA', { timeZone: TIME_ZONES[zone], year: 'numeric', month: '2-digit', day: '2-digit' }).format(instant);
  const zones: IndonesianTimeZone[] = ['WIB', 'WITA', 'WIT'];

  it('agrees with Intl around every local midnight, in steps of a second, asked in order and out of order', () => {
    for (const zone of zones) {
      // The UTC instant of local midnight on 1 Dec 2026 in each zone (offsets +7, +8, +9).
      const midnight = Date.UTC(2026, 11, 1) - { WIB: 7, WITA: 8, WIT: 9 }[zone] * 3_600_000;
      const steps = Array.from({ length: 240 }, (_, i) => midnight + (i - 120) * 1000);
      for (const t of [...steps, ...[...steps].reverse(), ...steps.filter((_, i) => i % 7 === 0)]) {
        expect(localDate(new Date(t), zone), new Date(t).toISOString()).toBe(direct(new Date(t), zone));
      }
    }
  });

  it('agrees with Intl for any instant from 1900 to 2100 in any zone, asked in any order (fast-check)', () => {
    const instant = fc.date({ min: new Date('1900-01-01T00:00:00Z'), max: new Date('2100-01-01T00:00:00Z'), noInvalidDate: true });
    fc.assert(
      fc.property(fc.array(fc.tuple(instant, fc.constantFrom(...zones), fc.integer({ min: -90_000, max: 90_000 })), { minLength: 1, maxLength: 20 }), (asks) => {
        // Each instant, then one a little earlier or later: the second often falls in the remembered minute.
        for (const [t, zone, nudge] of asks) {
          for (const at of [t, new Date(t.getTime() + nudge)]) expect(localDate(at, zone)).toBe(direct(at, zone));
        }
      }),
      { numRuns: 500 },
    );
  });
});
