import { describe, expect, it } from 'vitest';
import { gatesOn, lampStatusOn, testInForce, type Compliance } from '../src/services/compliance';
import { addMonths } from '../src/services/dates';
import { fromMilli, toMilli } from '../src/services/decimal';
import { dueByDate, dueByLitres, serviceDue } from '../src/services/due';
import { judge } from '../src/services/watertests';
import { DEFAULT_LIMITS } from '../src/settings';

/** The depot's rules on plain data, called directly. */
describe('airminum rules', () => {
  it('adds calendar months, a missing day becoming the month end', () => {
    expect(addMonths('2025-08-31', 6)).toBe('2026-02-28');
    expect(addMonths('2027-08-31', 6)).toBe('2028-02-29');
    expect(addMonths('2026-01-15', 12)).toBe('2027-01-15');
    expect(addMonths('2026-11-30', 3)).toBe('2027-02-28');
  });

  it('keeps lab decimals exact as thousandths', () => {
    expect(['0', '0.3', '6.5', '8.5', '0.05', '500', '1234567.125'].map((t) => fromMilli(toMilli(t)))).toEqual(['0', '0.3', '6.5', '8.5', '0.05', '500', '1234567.125']);
    expect(toMilli('0.1')).toBe(100);
  });

  it('judges each parameter at its limits (domain defaults): the limit itself is within', () => {
    const ph = (v: string) => judge('PH', toMilli(v), DEFAULT_LIMITS.PH).within;
    expect([ph('6.499'), ph('6.5'), ph('8.5'), ph('8.501')]).toEqual([false, true, true, false]);
    expect(judge('E_COLI', 0, DEFAULT_LIMITS.E_COLI).within).toBe(true);
    expect(judge('E_COLI', 1000, DEFAULT_LIMITS.E_COLI).within).toBe(false);
    expect(judge('FE', toMilli('0.3'), DEFAULT_LIMITS.FE).within).toBe(true);
    expect(judge('MN', toMilli('0.101'), DEFAULT_LIMITS.MN).within).toBe(false);
    expect(judge('TDS', toMilli('500'), DEFAULT_LIMITS.TDS).within).toBe(true);
  });

  it('dates and litres: DUE within the warning through the boundary, OVERDUE past it', () => {
    expect(['2026-02-13', '2026-02-14', '2026-02-28', '2026-03-01'].map((d) => dueByDate('2026-02-28', d, 14))).toEqual(['OK', 'DUE', 'DUE', 'OVERDUE']);
    expect([151, 152, 190, 191].map((since) => dueByLitres(190, since, 38))).toEqual(['OK', 'DUE', 'DUE', 'OVERDUE']);
    // Both intervals: the worse wins.
    const plan = { lastServiceOn: '2026-01-01', intervalMonths: 6, intervalLitres: 1_000, litresAtService: 500 };
    expect(serviceDue(plan, '2026-02-01', 1_600, { days: 14, litres: 100 })).toEqual({ dueOn: '2026-07-01', litresSinceService: 1_100, litresLeft: -100, status: 'OVERDUE' });
    expect(serviceDue(plan, '2026-06-20', 600, { days: 14, litres: 100 }).status).toBe('DUE');
  });

  it('decides each gate by the business date: certificate validity, the test reported by then, the lamp history', () => {
    const c: Compliance = {
      version: 7,
      slhs: [{ id: '1', number: 'A', issuedOn: '2026-01-01', expiresOn: '2026-03-20' }],
      tests: [
        { id: '1', sampledOn: '2026-01-02', reportedOn: '2026-01-05', passed: true },
        { id: '2', sampledOn: '2026-03-06', reportedOn: '2026-03-10', passed: false },
        { id: '3', sampledOn: '2026-03-11', reportedOn: '2026-03-13', passed: true },
      ],
      lamps: [{ equipmentId: 'L', name: 'UV', installedOn: '2026-01-01', events: [{ on: '2026-01-01', at: 'x', status: 'WORKING' }, { on: '2026-03-14', at: 'y', status: 'DOWN' }, { on: '2026-03-15', at: 'z', status: 'WORKING' }] }],
    };
    const closed = (date: string) => gatesOn(c, date).filter((g) => !g.open).map((g) => g.rule);
    expect(closed('2026-03-09')).toEqual([]);
    expect(closed('2026-03-10')).toEqual(['WATER_TEST_FAILED']);
    expect(closed('2026-03-13')).toEqual([]);
    expect(closed('2026-03-14')).toEqual(['UV_LAMP_DOWN']);
    expect(closed('2026-03-20')).toEqual([]);
    expect(closed('2026-03-21')).toEqual(['SLHS_NOT_VALID']);
    expect(closed('2025-12-31')).toEqual(['SLHS_NOT_VALID', 'NO_WATER_TEST', 'NO_UV_LAMP']);
    expect(testInForce(c, '2026-03-12')?.id).toBe('2');
    expect(lampStatusOn(c.lamps[0]!, '2026-03-14')).toBe('DOWN');
  });
});
