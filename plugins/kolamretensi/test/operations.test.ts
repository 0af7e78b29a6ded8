import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { taskStatus } from '../src/services/operations';
import { startPond, type Pond } from './support';

let p: Pond;
let pondId: string;
beforeAll(async () => {
  p = await startPond('2026-03-16T02:00:00Z');
  pondId = await p.pond();
}, 60_000);
afterAll(() => p?.close());

const tasks = async (asOf?: string) =>
  (await p.query(`query($c: ID!, $p: ID!, $d: Date) { kolamretensiMaintenance(cooperativeId: $c, pondId: $p, asOf: $d) { id title nextDue lastDoneOn status daysLeft } }`, { p: pondId, d: asOf ?? null })).kolamretensiMaintenance;

describe('operations log and maintenance', () => {
  it('due and overdue follow the date (pure rule)', () => {
    const t = { id: 't', pondId: 'p', title: 'x', kind: 'DREDGING' as const, intervalDays: 90, nextDue: '2026-03-20', version: 1 };
    expect(taskStatus(t, '2026-03-10', 7)).toEqual({ status: 'SCHEDULED', daysLeft: 10 });
    expect(taskStatus(t, '2026-03-13', 7)).toEqual({ status: 'DUE', daysLeft: 7 });
    expect(taskStatus(t, '2026-03-20', 7)).toEqual({ status: 'DUE', daysLeft: 0 });
    expect(taskStatus(t, '2026-03-21', 7)).toEqual({ status: 'OVERDUE', daysLeft: -1 });
  });

  it('logs pump, gate, trash screen and dredging work; a pump or gate must be one of the pond’s', async () => {
    await p.ok('kolamretensiLogOperation', { pondId, kind: 'PUMP_ON', equipment: 'Pompa 1', at: '2026-03-16T07:30:00+07:00', note: 'Siaga 3: pompa dinyalakan' }, p.host.a.staff);
    await p.ok('kolamretensiLogOperation', { pondId, kind: 'GATE_CLOSE', equipment: 'Pintu inlet', at: '2026-03-16T07:35:00+07:00' }, p.host.a.staff);
    await p.ok('kolamretensiLogOperation', { pondId, kind: 'PUMP_OFF', equipment: 'Pompa 1', at: '2026-03-16T08:40:00+07:00' }, p.host.a.staff);
    const bad = await p.run('kolamretensiLogOperation', { pondId, kind: 'PUMP_ON', equipment: 'Pompa 9' }, p.host.a.staff);
    expect(bad.__typename).toBe('ValidationError');
    expect(bad.fields[0]).toMatchObject({ field: 'input.equipment', messageEn: "name one of this pond's pumps: Pompa 1, Pompa 2", messageId: 'sebut salah satu pompa kolam ini: Pompa 1, Pompa 2' });
    const log = await p.query(`query($c: ID!, $p: ID!) { kolamretensiOperations(cooperativeId: $c, pondId: $p, from: "2026-03-16", to: "2026-03-16") { date kind equipment } }`, { p: pondId });
    expect(log.kolamretensiOperations).toEqual([
      { date: '2026-03-16', kind: 'PUMP_ON', equipment: 'Pompa 1' },
      { date: '2026-03-16', kind: 'GATE_CLOSE', equipment: 'Pintu inlet' },
      { date: '2026-03-16', kind: 'PUMP_OFF', equipment: 'Pompa 1' },
    ]);
  });

  it('scheduled maintenance is due, overdue, and done by the operation that completes it', async () => {
    const screen = await p.ok('kolamretensiScheduleMaintenance', { pondId, title: 'Bersihkan saringan sampah', kind: 'TRASH_SCREEN_CLEANING', intervalDays: 7, firstDue: '2026-03-14' });
    expect(screen).toMatchObject({ nextDue: '2026-03-14', status: 'OVERDUE', daysLeft: -2 });
    await p.ok('kolamretensiScheduleMaintenance', { pondId, title: 'Pengerukan sedimen', kind: 'DREDGING', intervalDays: 180, firstDue: '2026-03-20' });
    await p.ok('kolamretensiScheduleMaintenance', { pondId, title: 'Servis pompa', kind: 'INSPECTION', intervalDays: 90, firstDue: '2026-05-01' });
    expect((await tasks()).map((t: any) => [t.title, t.status])).toEqual([['Bersihkan saringan sampah', 'OVERDUE'], ['Pengerukan sedimen', 'DUE'], ['Servis pompa', 'SCHEDULED']]);
    const done = await p.ok('kolamretensiLogOperation', { pondId, kind: 'TRASH_SCREEN_CLEANING', maintenanceId: screen.id }, p.host.a.staff);
    expect(done.completedMaintenance).toBe(true);
    expect((await tasks())[0]).toMatchObject({ title: 'Pengerukan sedimen', status: 'DUE' });
    expect((await tasks()).find((t: any) => t.title === 'Bersihkan saringan sampah')).toMatchObject({ lastDoneOn: '2026-03-16', nextDue: '2026-03-23', status: 'DUE', daysLeft: 7 });
    expect((await tasks('2026-03-24')).find((t: any) => t.title === 'Bersihkan saringan sampah').status).toBe('OVERDUE');
    const wrong = await p.run('kolamretensiLogOperation', { pondId, kind: 'DREDGING', maintenanceId: screen.id }, p.host.a.staff);
    expect(wrong.fields[0].field).toBe('input.kind');
  });
});
