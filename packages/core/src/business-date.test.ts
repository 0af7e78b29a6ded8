import { describe, expect, it } from 'vitest';
import { checkBusinessDate, type BusinessDatePolicy } from './business-date';
import { ValidationError } from './errors';
import { addDays } from './time';

const policy: BusinessDatePolicy = { today: '2026-03-15', firstFinancialYear: 2026, lockedThrough: '2026-01', backdatingDays: 7 };

function refusal(requested: string, p: Partial<BusinessDatePolicy> = {}) {
  try {
    checkBusinessDate(requested, { ...policy, ...p });
  } catch (err) {
    expect(err).toBeInstanceOf(ValidationError);
    const issue = (err as ValidationError).issues[0]!;
    expect(issue.field).toBe('input.businessDate');
    return issue;
  }
  throw new Error(`${requested} was accepted`);
}

describe('the one business-date rule', () => {
  it('defaults to today and takes a day within the window', () => {
    expect(checkBusinessDate(undefined, policy)).toBe('2026-03-15');
    expect(checkBusinessDate(null, policy)).toBe('2026-03-15');
    expect(checkBusinessDate('2026-03-14', policy)).toBe('2026-03-14');
    expect(checkBusinessDate('2026-03-08', policy)).toBe('2026-03-08'); // exactly 7 days back
  });

  it('refuses the future, before the first financial year, a locked period and beyond the window, in both languages', () => {
    expect(refusal('2026-03-16').messageEn).toBe('must not be after today (2026-03-15)');
    expect(refusal('2026-03-16').messageId).toBe('tidak boleh setelah hari ini (2026-03-15)');
    expect(refusal('2025-12-31', { backdatingDays: null, lockedThrough: undefined }).messageId).toMatch(/^tidak boleh sebelum tahun buku pertama koperasi \(2026\)$/);
    expect(refusal('2026-01-31', { backdatingDays: null }).messageEn).toMatch(/locked through 2026-01/);
    const beyond = refusal('2026-03-07');
    expect(beyond.messageEn).toMatch(/more than 7 days back \(earliest 2026-03-08\)/);
    expect(beyond.messageId).toMatch(/lebih dari 7 hari ke belakang \(paling awal 2026-03-08\)/);
  });

  it('gives managers any day of an open period when their window is open', () => {
    expect(checkBusinessDate('2026-02-01', { ...policy, backdatingDays: null })).toBe('2026-02-01');
  });

  it('names the field the caller sent', () => {
    try {
      checkBusinessDate('2027-01-01', policy, 'input.paidOn');
    } catch (err) {
      expect((err as ValidationError).issues[0]!.field).toBe('input.paidOn');
    }
  });

  it('adds days across months, years and leap days', () => {
    expect(addDays('2026-03-01', -1)).toBe('2026-02-28');
    expect(addDays('2028-03-01', -1)).toBe('2028-02-29');
    expect(addDays('2026-12-31', 1)).toBe('2027-01-01');
    expect(() => addDays('2026-02-30', 1)).toThrow(RangeError);
  });
});
