import { startUnitTestHost, type UnitTestHost } from '@kkmp/unit-testing';
import type { UnitDemoContext } from '@kkmp/plugin-sdk';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import unit from '../src/index';
import { at, query, registerMember } from './support';

describe('simpanpinjam demo', () => {
  let host: UnitTestHost;
  let ctx: UnitDemoContext;
  beforeAll(async () => {
    host = await startUnitTestHost([unit], { now: at('2026-06-20') });
    await host.enable(host.a, 'simpanpinjam', unit.sampleSettings);
    const members = [];
    for (const name of ['Ani Demo', 'Budi Demo']) members.push({ id: await registerMember(host, name), nik: '', name, memberNumber: '' });
    ctx = host.demoContext({ today: new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Jakarta' }).format(host.clock.now()), members });
  }, 60_000);
  afterAll(() => host.close());

  it('runs through the public API and leaves one current and one late loan', async () => {
    // The members in a real demo joined before its history starts.
    await unit.demo!(ctx);
    const p = (await query(host, `query($cooperativeId: ID!) { simpanpinjamPortfolio(cooperativeId: $cooperativeId) { loanCount arrears { collectibility } } }`, {}, host.a.manager)).simpanpinjamPortfolio;
    expect(p.loanCount).toBe(2);
    expect(p.arrears.map((a: any) => a.collectibility)).toEqual(['DPK']);
  });
});
