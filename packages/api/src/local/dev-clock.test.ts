import { describe, expect, it } from 'vitest';
import { DevClock, DevClockError, parseClockSetting } from './dev-clock';

const system = new Date('2026-03-15T03:00:00Z');

describe('KKMP_CLOCK settings', () => {
  it('an instant with its zone is that instant', () => {
    expect(parseClockSetting('2026-12-31T16:00:00Z', system).toISOString()).toBe('2026-12-31T16:00:00.000Z');
    expect(parseClockSetting('2026-12-31T23:00+07:00', system).toISOString()).toBe('2026-12-31T16:00:00.000Z');
    expect(parseClockSetting('2027-01-01T08:30:15.250+09:00', system).toISOString()).toBe('2026-12-31T23:30:15.250Z');
  });

  it('a date is 09:00 WIB that day (the same date in WIB, WITA and WIT)', () => {
    expect(parseClockSetting('2027-01-05', system).toISOString()).toBe('2027-01-05T02:00:00.000Z');
    expect(parseClockSetting('2028-02-29', system).toISOString()).toBe('2028-02-29T02:00:00.000Z');
  });

  it('an offset counts from the given time, in weeks, days or hours', () => {
    expect(parseClockSetting('+45d', system).toISOString()).toBe('2026-04-29T03:00:00.000Z');
    expect(parseClockSetting('-2h', system).toISOString()).toBe('2026-03-15T01:00:00.000Z');
    expect(parseClockSetting(' +2w ', system).toISOString()).toBe('2026-03-29T03:00:00.000Z');
  });

  it.each([
    ['tomorrow', /not a clock setting\. Use/],
    ['2026-12-31T16:00:00', /needs its zone/],
    ['2027-02-29', /no such date/],
    ['2026-13-01', /no such date/],
    ['2026-12-31T24:00Z', /no such date or time/],
    ['+45', /not a clock setting/],
    ['+1m', /not a clock setting/],
    ['45d', /not a clock setting/],
    ['+999999w', /outside the years 2000-2199/],
    ['1999-12-31', /outside the years/],
  ])('refuses %j, naming the forms that work, in both languages', (value, why) => {
    let error: unknown;
    try {
      parseClockSetting(value, system);
    } catch (err) {
      error = err;
    }
    expect(error).toBeInstanceOf(DevClockError);
    const e = error as DevClockError;
    expect(e.messageEn).toMatch(why);
    expect(e.messageEn).toMatch(/\+45d/);
    expect(e.messageId).toMatch(/bukan pengaturan jam.*\+45d/);
  });
});

describe('DevClock', () => {
  it('keeps ticking from where it was set, and moves only forward', () => {
    let real = system.getTime();
    const clock = new DevClock(new Date('2026-12-31T16:00:00Z'), () => real);
    expect(clock.isSystem).toBe(false);
    real += 90_000;
    expect(clock.now().toISOString()).toBe('2026-12-31T16:01:30.000Z');
    clock.moveTo(parseClockSetting('+1d', clock.now()));
    expect(clock.now().toISOString()).toBe('2027-01-01T16:01:30.000Z');
    expect(() => clock.moveTo(new Date('2027-01-01T00:00:00Z'))).toThrow(/only moves forward/);
    expect(clock.now().toISOString()).toBe('2027-01-01T16:01:30.000Z');
  });

  it('is the system clock when nothing set it', () => {
    const clock = new DevClock(undefined, () => system.getTime());
    expect(clock.isSystem).toBe(true);
    expect(clock.now()).toEqual(system);
  });
});
