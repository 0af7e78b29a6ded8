import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startDepot, type Depot } from './support';

/** Equipment due by months and by litres produced, at the boundaries; the maintenance log and its posting. */
describe('airminum: equipment due dates', () => {
  let d: Depot;
  let sediment: string;
  let carbon: string;
  const one = async (id: string, date?: string) =>
    (await d.query(`query($c: ID!, $d: Date) { airminumEquipment(cooperativeId: $c, date: $d) { id dueOn dueStatus litresSinceService litresLeft lastServiceOn } }`, { d: date ?? null })).airminumEquipment.find((e: any) => e.id === id);
  const due = async (date: string) => (await d.query(`query($c: ID!, $d: Date) { airminumDue(cooperativeId: $c, date: $d) { subject name status dueOn litresLeft } }`, { d: date })).airminumDue;

  beforeAll(async () => {
    // 14 days' warning by date, 38 litres (two gallons) by litres.
    d = await startDepot({ litresPerGallon: 19, dueSoonDays: 14, dueSoonLitres: 38, waterTestIntervalDays: 30 });
    d.host.clock.set('2026-03-16T02:00:00Z');
    await d.open('2026-03-01');
    // Installed on 31 August: six months later is the last day of February (no 31 February).
    d.host.clock.set('2026-03-16T02:00:00Z');
    sediment = (await d.ok('airminumInstallEquipment', { kind: 'SEDIMENT_FILTER', name: 'Filter sedimen 5 mikron', installedOn: '2025-08-31', intervalMonths: 6 })).id;
    carbon = (await d.ok('airminumInstallEquipment', { kind: 'CARBON_FILTER', name: 'Filter karbon', installedOn: '2026-03-10', intervalLitres: 190 })).id;
  });
  afterAll(() => d.close());

  it('by months: OK until dueSoonDays before the date, DUE from then through the due date, OVERDUE the day after', async () => {
    expect((await one(sediment, '2026-02-13')).dueOn).toBe('2026-02-28');
    expect((await one(sediment, '2026-02-13')).dueStatus).toBe('OK'); // 15 days left
    expect((await one(sediment, '2026-02-14')).dueStatus).toBe('DUE'); // 14 days left
    expect((await one(sediment, '2026-02-28')).dueStatus).toBe('DUE'); // the due date itself
    expect((await one(sediment, '2026-03-01')).dueStatus).toBe('OVERDUE');
    expect(await due('2026-03-01')).toContainEqual({ subject: 'EQUIPMENT', name: 'Filter sedimen 5 mikron', status: 'OVERDUE', dueOn: '2026-02-28', litresLeft: null });
  });

  it('by litres: OK until dueSoonLitres before the interval, DUE through the interval, OVERDUE past it', async () => {
    await d.sell(7); // 133 L: 57 left
    expect(await one(carbon)).toMatchObject({ litresSinceService: 133, litresLeft: 57, dueStatus: 'OK' });
    await d.sell(1); // 152 L: 38 left, exactly dueSoonLitres
    expect(await one(carbon)).toMatchObject({ litresLeft: 38, dueStatus: 'DUE' });
    await d.sell(2); // 190 L: the interval itself
    expect(await one(carbon)).toMatchObject({ litresLeft: 0, dueStatus: 'DUE' });
    await d.sell(1); // 209 L
    expect(await one(carbon)).toMatchObject({ litresLeft: -19, dueStatus: 'OVERDUE' });
    expect(await due('2026-03-16')).toContainEqual({ subject: 'EQUIPMENT', name: 'Filter karbon', status: 'OVERDUE', dueOn: null, litresLeft: -19 });
  });

  it('a service restarts the clock from its business date and the litres by then; its cost is posted; the log keeps it', async () => {
    // Serviced yesterday (entered today): today's 209 litres came after it.
    const r = await d.ok('airminumRecordMaintenance', { equipmentId: carbon, action: 'REPLACED', note: 'cartridge baru', cost: 85_000, businessDate: '2026-03-15' });
    expect(r).toMatchObject({ lastServiceOn: '2026-03-15', litresSinceService: 209, litresLeft: -19, dueStatus: 'OVERDUE' });
    await d.ok('airminumRecordMaintenance', { equipmentId: carbon, action: 'SERVICED', note: 'dibilas', cost: 0 });
    expect(await one(carbon)).toMatchObject({ lastServiceOn: '2026-03-16', litresSinceService: 0, litresLeft: 190, dueStatus: 'OK' });
    const sed = await d.ok('airminumRecordMaintenance', { equipmentId: sediment, action: 'REPLACED' });
    expect(sed).toMatchObject({ lastServiceOn: '2026-03-16', dueOn: '2026-09-16', dueStatus: 'OK' });
    const log = await d.query(`query($c: ID!, $e: ID!) { airminumMaintenanceLog(cooperativeId: $c, equipmentId: $e) { date action note cost litresAtService } }`, { e: carbon });
    expect(log.airminumMaintenanceLog).toEqual([
      { date: '2026-03-15', action: 'REPLACED', note: 'cartridge baru', cost: 85_000, litresAtService: 0 },
      { date: '2026-03-16', action: 'SERVICED', note: 'dibilas', cost: 0, litresAtService: 209 },
    ]);
    const tb = await d.query(`query($c: ID!) { cooperative(id: $c) { ... on Cooperative { ledger { trialBalance(from: "2026-03-15", to: "2026-03-15") { lines { account closingDebit } } } } } }`);
    expect(tb.cooperative.ledger.trialBalance.lines).toEqual(expect.arrayContaining([expect.objectContaining({ closingDebit: 85_000 })]));
  });

  it('lists the water test and SLHS when due', async () => {
    // Last sample 1 March, every 30 days: due 31 March, listed from the 17th.
    expect((await due('2026-03-16')).some((i: any) => i.subject === 'WATER_TEST')).toBe(false);
    expect(await due('2026-03-17')).toContainEqual({ subject: 'WATER_TEST', name: 'Uji kualitas air', status: 'DUE', dueOn: '2026-03-31', litresLeft: null });
    expect(await due('2026-04-01')).toContainEqual({ subject: 'WATER_TEST', name: 'Uji kualitas air', status: 'OVERDUE', dueOn: '2026-03-31', litresLeft: null });
    expect(await due('2029-01-20')).toContainEqual({ subject: 'SLHS', name: 'SLHS SLHS/001/2026', status: 'DUE', dueOn: '2029-01-31', litresLeft: null });
  });

  it('refuses an install without an interval and a maintenance of an unknown id, naming the field', async () => {
    expect(await d.run('airminumInstallEquipment', { kind: 'RO_MEMBRANE', name: 'Membran RO' })).toMatchObject({ __typename: 'ValidationError', fields: [{ field: 'input.intervalMonths' }] });
    expect(await d.run('airminumRecordMaintenance', { equipmentId: 'nope', action: 'SERVICED' })).toMatchObject({ __typename: 'ValidationError', fields: [{ field: 'input.equipmentId' }] });
  });
});
