import { describe, expect, it } from 'vitest';
import { buildSchedule, roundToMultiple } from '../src/schedule';
import { addMonths } from '../src/dates';

/** Rows as [dueDate, principal, interest, fee] for compact hand-computed tables. */
const rows = (s: ReturnType<typeof buildSchedule>) => s.map((r) => [r.dueDate, r.principal, r.interest, r.fee]);
const principalSum = (s: ReturnType<typeof buildSchedule>) => s.reduce((t, r) => t + r.principal, 0);

describe('schedule: flat', () => {
  it('1.2 million, 1.5%/month flat (1800 bp a year), 3 months', () => {
    // interest a month = 1 200 000 × 1.5% = 18 000 (total 54 000); principal 1 200 000 / 3 = 400 000
    const s = buildSchedule({ principal: 1_200_000, termMonths: 3, graceMonths: 0, annualRateBp: 1800, method: 'FLAT', startsOn: '2026-01-15' });
    expect(rows(s)).toEqual([
      ['2026-02-15', 400_000, 18_000, 0],
      ['2026-03-15', 400_000, 18_000, 0],
      ['2026-04-15', 400_000, 18_000, 0],
    ]);
  });

  it('puts the rounding differences of principal and interest on the last instalment', () => {
    // total interest = 100 000 × 10%/12 × 7 = 5 833.33 -> 5 833; 5 833 / 7 = 833 r 2 -> last 833 + 2 = 835
    // principal 100 000 / 7 = 14 285 r 5 -> last 14 285 + 5 = 14 290
    const s = buildSchedule({ principal: 100_000, termMonths: 7, graceMonths: 0, annualRateBp: 1000, method: 'FLAT', startsOn: '2026-01-10' });
    expect(s.map((r) => r.interest)).toEqual([833, 833, 833, 833, 833, 833, 835]);
    expect(s.map((r) => r.principal)).toEqual([14_285, 14_285, 14_285, 14_285, 14_285, 14_285, 14_290]);
    expect(principalSum(s)).toBe(100_000);
  });

  it('grace month: interest only, principal over the remaining months; admin fee with the first', () => {
    // interest a month = 600 000 × 12%/12 = 6 000 for all 4 months; principal 600 000 / 3 = 200 000 from month 2
    const s = buildSchedule({ principal: 600_000, termMonths: 4, graceMonths: 1, annualRateBp: 1200, method: 'FLAT', startsOn: '2026-01-05', firstInstalmentFee: 12_000 });
    expect(rows(s)).toEqual([
      ['2026-02-05', 0, 6_000, 12_000],
      ['2026-03-05', 200_000, 6_000, 0],
      ['2026-04-05', 200_000, 6_000, 0],
      ['2026-05-05', 200_000, 6_000, 0],
    ]);
  });
});

describe('schedule: declining (effective)', () => {
  it('1.2 million at 12% a year (1% a month), 3 months, due dates clamped to month ends', () => {
    // interest = outstanding × 1%: 1 200 000 -> 12 000; 800 000 -> 8 000; 400 000 -> 4 000
    // disbursed 31 Jan: due 28 Feb, 31 Mar, 30 Apr (each counted from the 31st)
    const s = buildSchedule({ principal: 1_200_000, termMonths: 3, graceMonths: 0, annualRateBp: 1200, method: 'DECLINING', startsOn: '2026-01-31' });
    expect(rows(s)).toEqual([
      ['2026-02-28', 400_000, 12_000, 0],
      ['2026-03-31', 400_000, 8_000, 0],
      ['2026-04-30', 400_000, 4_000, 0],
    ]);
  });

  it('rounds each month half up and sums the principal exactly', () => {
    // 10%/12 = 0.8333% a month; principal 333 333, 333 333, 333 334
    // 1 000 000 × 0.8333% = 8 333.33 -> 8 333; 666 667 × 0.8333% = 5 555.56 -> 5 556; 333 334 × 0.8333% = 2 777.78 -> 2 778
    const s = buildSchedule({ principal: 1_000_000, termMonths: 3, graceMonths: 0, annualRateBp: 1000, method: 'DECLINING', startsOn: '2026-03-01' });
    expect(rows(s)).toEqual([
      ['2026-04-01', 333_333, 8_333, 0],
      ['2026-05-01', 333_333, 5_556, 0],
      ['2026-06-01', 333_334, 2_778, 0],
    ]);
  });
});

describe('schedule: annuity', () => {
  it('1 million at 12% a year, 3 months: equal payments, last one takes the remainder', () => {
    // i = 1%; A = 1 000 000 × 0.01 / (1 − 1.01^-3) = 10 000 / 0.0294099 = 340 022.11 -> 340 022
    // m1: interest 10 000, principal 330 022, left 669 978
    // m2: interest 6 699.78 -> 6 700, principal 333 322, left 336 656
    // m3: interest 3 366.56 -> 3 367, principal 336 656 (all that is left): payment 340 023
    const s = buildSchedule({ principal: 1_000_000, termMonths: 3, graceMonths: 0, annualRateBp: 1200, method: 'ANNUITY', startsOn: '2026-01-20' });
    expect(rows(s)).toEqual([
      ['2026-02-20', 330_022, 10_000, 0],
      ['2026-03-20', 333_322, 6_700, 0],
      ['2026-04-20', 336_656, 3_367, 0],
    ]);
    expect(principalSum(s)).toBe(1_000_000);
  });

  it('with a grace month, interest only first, then the same annuity', () => {
    const s = buildSchedule({ principal: 1_000_000, termMonths: 4, graceMonths: 1, annualRateBp: 1200, method: 'ANNUITY', startsOn: '2026-01-20' });
    expect(rows(s)).toEqual([
      ['2026-02-20', 0, 10_000, 0],
      ['2026-03-20', 330_022, 10_000, 0],
      ['2026-04-20', 333_322, 6_700, 0],
      ['2026-05-20', 336_656, 3_367, 0],
    ]);
  });

  it('sums principal exactly for long loans of every method', () => {
    for (const method of ['FLAT', 'DECLINING', 'ANNUITY'] as const) {
      const s = buildSchedule({ principal: 7_777_777, termMonths: 60, graceMonths: 2, annualRateBp: 1350, method, startsOn: '2026-01-31' });
      expect(principalSum(s), method).toBe(7_777_777);
      expect(s.every((r) => Number.isInteger(r.interest) && r.principal >= 0)).toBe(true);
    }
  });
});

describe('schedule: instalments rounded to a multiple (product setting instalmentMultiple)', () => {
  it('rounds half up: 344 850 to Rp100 is 344 900 (half-even, Fineract\'s default mode, would give 344 800)', () => {
    expect([roundToMultiple(344_850, 100), roundToMultiple(344_849, 100), roundToMultiple(344_950, 100), roundToMultiple(7, 1)]).toEqual([344_900, 344_800, 345_000, 7]);
  });

  it('flat 990 000 at 1.5% a month, 3 months, to Rp100: the principal takes the rounding, the last instalment the rest', () => {
    // interest 990 000 × 1.5% = 14 850 a month; principal share 990 000 / 3 = 330 000
    // #1, #2: 330 000 + 14 850 = 344 850 -> 344 900, so principal 344 900 − 14 850 = 330 050
    // #3: principal 990 000 − 2 × 330 050 = 329 900, + 14 850 = 344 750
    const s = buildSchedule({ principal: 990_000, termMonths: 3, graceMonths: 0, annualRateBp: 1800, method: 'FLAT', startsOn: '2026-01-15', instalmentMultiple: 100 });
    expect(rows(s)).toEqual([
      ['2026-02-15', 330_050, 14_850, 0],
      ['2026-03-15', 330_050, 14_850, 0],
      ['2026-04-15', 329_900, 14_850, 0],
    ]);
    expect(s.map((r) => r.principal + r.interest)).toEqual([344_900, 344_900, 344_750]);
  });

  it('declining 1 000 000 at 1% a month, 3 months, to Rp1 000: interest follows the rounded principal', () => {
    // share 333 333. #1: 333 333 + 10 000 = 343 333 -> 343 000, principal 333 000, left 667 000
    // #2: interest 6 670; 333 333 + 6 670 = 340 003 -> 340 000, principal 333 330, left 333 670
    // #3: interest 3 336.7 -> 3 337; principal 333 670 (the rest): 337 007
    const s = buildSchedule({ principal: 1_000_000, termMonths: 3, graceMonths: 0, annualRateBp: 1200, method: 'DECLINING', startsOn: '2026-01-20', instalmentMultiple: 1000 });
    expect(rows(s)).toEqual([
      ['2026-02-20', 333_000, 10_000, 0],
      ['2026-03-20', 333_330, 6_670, 0],
      ['2026-04-20', 333_670, 3_337, 0],
    ]);
    expect(principalSum(s)).toBe(1_000_000);
  });

  it('annuity 1 000 000 at 1% a month, 3 months, to Rp100: the payment 340 022 becomes 340 000', () => {
    // #1: interest 10 000, principal 330 000, left 670 000
    // #2: interest 6 700, principal 333 300, left 336 700
    // #3: interest 3 367, principal 336 700 (the rest): 340 067
    const s = buildSchedule({ principal: 1_000_000, termMonths: 3, graceMonths: 0, annualRateBp: 1200, method: 'ANNUITY', startsOn: '2026-01-20', instalmentMultiple: 100 });
    expect(rows(s)).toEqual([
      ['2026-02-20', 330_000, 10_000, 0],
      ['2026-03-20', 333_300, 6_700, 0],
      ['2026-04-20', 336_700, 3_367, 0],
    ]);
  });

  it('leaves grace months and the fee alone; principal still sums exactly', () => {
    for (const method of ['FLAT', 'DECLINING', 'ANNUITY'] as const) {
      const s = buildSchedule({ principal: 7_777_777, termMonths: 24, graceMonths: 2, annualRateBp: 1350, method, startsOn: '2026-01-31', firstInstalmentFee: 12_345, instalmentMultiple: 500 });
      expect(principalSum(s), method).toBe(7_777_777);
      expect(s.slice(0, 2).map((r) => r.principal), method).toEqual([0, 0]);
      expect(s[0]!.fee).toBe(12_345);
      expect(s.slice(2, -1).every((r) => (r.principal + r.interest) % 500 === 0), method).toBe(true);
    }
  });
});

describe('dates', () => {
  it('adds months from the original day, clamped to the month end', () => {
    expect(addMonths('2026-01-31', 1)).toBe('2026-02-28');
    expect(addMonths('2028-01-31', 1)).toBe('2028-02-29');
    expect(addMonths('2026-01-31', 2)).toBe('2026-03-31');
    expect(addMonths('2026-11-15', 3)).toBe('2027-02-15');
  });
});
