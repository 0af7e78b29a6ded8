import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startUnitTestHost } from '@kkmp/unit-testing';
import airminum from '../src/index';
import { airminumSchema } from '../src/schema/index';
import { takeRefill } from '../src/services/refill';
import { startDepot, type Depot } from './support';

/**
 * The UV-lamp gate is atomic with the sale: the lamp is marked down in the middle of a stream of sales.
 * Witnesses that no sale was recorded after it: every recorded sale passed under a compliance version
 * below the one the lamp-down made; and the litres produced, read the moment the lamp-down answered,
 * never grow afterwards although sales that had read "working" were still in flight. A gate that only
 * read before the sale would let such a sale commit after the lamp-down and add its litres.
 */
describe('airminum: lamp down during a burst of sales', () => {
  let d: Depot;
  let lamp: string;
  beforeAll(async () => {
    d = await startDepot({ litresPerGallon: 19 });
    d.host.clock.set('2026-03-16T02:00:00Z');
    lamp = await d.open('2026-03-01');
    await d.products();
  });
  afterAll(() => d.close());

  it('records no sale after the lamp was down', async () => {
    // Sales keep arriving, a few at a time, before, while and after the lamp is marked down.
    const produced = async () => (await d.query(`query($c: ID!) { airminumDepot(cooperativeId: $c) { litresProduced } }`)).airminumDepot.litresProduced as number;
    let litresWhenDown: number | undefined;
    const down = new Promise((r) => setTimeout(r, 60))
      .then(() => d.ok('airminumSetEquipmentStatus', { equipmentId: lamp, status: 'DOWN', reason: 'lampu UV putus' }, d.coop.staff))
      .then(async (r) => ((litresWhenDown = await produced()), r));
    const sales: Promise<any>[] = [];
    // Four sales every 10 ms (many in flight between their gate read and their commit when the lamp
    // goes down), until a few waves after the lamp-down has answered.
    for (let wave = 0, after = 0; wave < 40 && after < 3; wave++) {
      for (let i = 0; i < 4; i++) sales.push(d.sell(1 + ((wave + i) % 3)));
      await new Promise((r) => setTimeout(r, 10));
      if (litresWhenDown !== undefined) after++;
    }
    const [results, lampDown] = await Promise.all([Promise.all(sales), down]);

    for (const r of results) expect(['AirminumSellSuccess', 'BusinessRuleError']).toContain(r.__typename);
    const refused = results.filter((r) => r.__typename === 'BusinessRuleError');
    // The race really happened: sales went through before the lamp-down and were refused after it.
    expect(refused.length).toBeGreaterThan(0);
    expect(refused.length).toBeLessThan(results.length);
    for (const r of refused) expect(r).toMatchObject({ rule: 'UV_LAMP_DOWN', details: { gate: 'UV_LAMP' } });

    const recorded = (await d.query(`query($c: ID!) { airminumSales(cooperativeId: $c, first: 100) { edges { node { status ... on AirminumSale { litres complianceVersion } } } } }`)).airminumSales.edges.map((e: any) => e.node);
    expect(recorded).toHaveLength(results.length - refused.length);
    const litres = recorded.reduce((n: number, s: any) => n + s.litres, 0);
    expect(await produced()).toBe(litres);
    expect(litresWhenDown).toBe(litres);
    for (const s of recorded) expect(s.complianceVersion).toBeLessThan(lampDown.change.complianceVersion);

    // After the burst: still closed, and the summary agrees with the lamp-down's count.
    expect((await d.sell(1)).rule).toBe('UV_LAMP_DOWN');
    const day = await d.query(`query($c: ID!) { airminumDailySummary(cooperativeId: $c) { sales litres } }`);
    expect(day.airminumDailySummary).toEqual({ sales: recorded.length, litres });
    console.info(`burst: ${recorded.length} sales recorded before the lamp went down, ${refused.length} refused after`);
  });
});

/**
 * The same race made deterministic: a sale is held after its gate has read "working" (in its
 * beforeSale) while the lamp is marked down and commits; released, its transaction's condition on the
 * compliance version fails, the sale re-runs from fresh reads and is refused. A gate that only read
 * would record it.
 */
describe('airminum: a sale held between its gate read and its commit while the lamp goes down', () => {
  let d: Depot;
  let lamp: string;
  let hold: { reached: () => void; release: Promise<void> } | undefined;
  beforeAll(async () => {
    // The real unit, with its beforeSale wrapped to wait (first attempt only) while the test holds it.
    const held = {
      ...airminum,
      schema: (b: Parameters<typeof airminumSchema>[0], unit: Parameters<typeof airminumSchema>[1]) =>
        airminumSchema(b, unit, {
          beforeSale: async (sale, u) => {
            const h = hold;
            hold = undefined;
            if (h) {
              h.reached();
              await h.release;
            }
            return takeRefill(sale, u);
          },
        }),
    };
    d = await startDepot({}, await startUnitTestHost([held]));
    d.host.clock.set('2026-03-16T02:00:00Z');
    lamp = await d.open('2026-03-01');
    expect((await d.sell(2)).__typename).toBe('AirminumSellSuccess');
  });
  afterAll(() => d.close());

  it('is refused UV_LAMP_DOWN on its re-run; nothing of it is recorded', async () => {
    let reached!: () => void;
    let release!: () => void;
    const atGate = new Promise<void>((r) => (reached = r));
    hold = { reached, release: new Promise<void>((r) => (release = r)) };
    const sale = d.sell(1);
    await atGate; // its gate has read the lamp working
    const down = await d.ok('airminumSetEquipmentStatus', { equipmentId: lamp, status: 'DOWN', reason: 'lampu UV putus' });
    release();
    expect(await sale).toMatchObject({ __typename: 'BusinessRuleError', rule: 'UV_LAMP_DOWN', details: { gate: 'UV_LAMP' } });
    const recorded = (await d.query(`query($c: ID!) { airminumSales(cooperativeId: $c, first: 100) { edges { node { ... on AirminumSale { litres complianceVersion } } } } }`)).airminumSales.edges.map((e: any) => e.node);
    expect(recorded).toEqual([{ litres: 38, complianceVersion: down.change.complianceVersion - 1 }]);
    expect((await d.query(`query($c: ID!) { airminumDepot(cooperativeId: $c) { litresProduced } }`)).airminumDepot.litresProduced).toBe(38);
  });
});
