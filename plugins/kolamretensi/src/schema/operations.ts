import { isoDate, z, type Builder, type UnitSchemaKit } from '@kkmp/plugin-sdk';
import { logOperation, logOperationInput, operationsLog, scheduleInput, scheduleMaintenance, taskGlobalId, taskStatus, tasksOf, type Operation, type Task } from '../services/operations';
import { loadPond } from '../services/ponds';
import { nextDay, startOfLocalDay } from '../services/time';
import type { KolamSettings } from '../settings';
import type { Enums } from './enums';

/** The operations log (pumps, gates, trash screen, dredging) and the maintenance schedule with due and overdue. */
export function registerOperations(b: Builder, unit: UnitSchemaKit<KolamSettings>, e: Enums) {
  const OperationRef = b.objectRef<Operation>('KolamretensiOperation').implement({
    description: 'One entry of the operations log.',
    fields: (t) => ({
      at: t.expose('at', { type: 'DateTime', description: 'When it was done.' }),
      date: t.expose('date', { type: 'Date', description: "Day, in the cooperative's time zone." }),
      kind: t.field({ type: e.OperationKind, description: 'What was done.', resolve: (o) => o.kind }),
      equipment: t.exposeString('equipment', { nullable: true, description: 'The pump or gate.' }),
      note: t.exposeString('note', { nullable: true, description: 'Note.' }),
      completedMaintenance: t.boolean({ description: 'Whether it completed a scheduled maintenance task.', resolve: (o) => !!o.taskId }),
      by: t.exposeString('by', { description: 'User id of who logged it.' }),
    }),
  });
  const TaskRef = b.objectRef<Task & { asOf: string; dueSoonDays: number }>('KolamretensiMaintenance').implement({
    description: 'Maintenance the agreement requires, on a schedule, with where it stands.',
    fields: (t) => ({
      id: t.id({ description: 'Task id (opaque); name it in logOperation to complete it.', resolve: (x) => taskGlobalId(x) }),
      title: t.exposeString('title', { description: 'What, e.g. "Bersihkan saringan sampah".' }),
      kind: t.field({ type: e.OperationKind, description: 'The operation that completes it.', resolve: (x) => x.kind }),
      intervalDays: t.exposeInt('intervalDays', { description: 'Every this many days.' }),
      nextDue: t.expose('nextDue', { type: 'Date', description: 'Next due date.' }),
      lastDoneOn: t.expose('lastDoneOn', { type: 'Date', nullable: true, description: 'Last done.' }),
      status: t.field({ type: e.TaskStatus, description: 'Overdue, due or scheduled on the date asked.', resolve: (x) => taskStatus(x, x.asOf, x.dueSoonDays).status }),
      daysLeft: t.int({ description: 'Days until due (negative: overdue by).', resolve: (x) => taskStatus(x, x.asOf, x.dueSoonDays).daysLeft }),
    }),
  });
  unit.mutation('logOperation', {
    type: OperationRef,
    description: 'Logs an operation at the pond (pump on/off, gate open/close, trash screen, dredging, inspection); naming a maintenance task completes it.',
    permission: 'kolamretensi:record',
    businessEvent: false,
    input: (t) => ({
      pondId: t.id({ required: true, description: 'The pond.' }),
      kind: t.field({ type: e.OperationKind, required: true, description: 'What was done.' }),
      equipment: t.string({ required: false, description: 'The pump or gate (required for those).' }),
      note: t.string({ required: false, description: 'Note.' }),
      at: t.field({ type: 'DateTime', required: false, description: 'When (default now).' }),
      maintenanceId: t.id({ required: false, description: 'The maintenance task it completes.' }),
    }),
    schema: logOperationInput,
    resolve: (input, u) => logOperation(u, input),
  });
  unit.mutation('scheduleMaintenance', {
    type: TaskRef,
    description: 'Schedules recurring maintenance of a pond.',
    permission: 'kolamretensi:manage',
    input: (t) => ({
      pondId: t.id({ required: true, description: 'The pond.' }),
      title: t.string({ required: true, description: 'What.' }),
      kind: t.field({ type: e.OperationKind, required: true, description: 'The operation that completes it.' }),
      intervalDays: t.int({ required: true, description: 'Every this many days.' }),
      firstDue: t.field({ type: 'Date', required: true, description: 'First due date.' }),
    }),
    schema: scheduleInput,
    resolve: async (input, u) => ({ ...(await scheduleMaintenance(u, input)), asOf: u.today(), dueSoonDays: u.settings.dueSoonDays }),
  });
  unit.query('operations', {
    type: [OperationRef],
    description: "A pond's operations log between two dates, oldest first (at most 100 a page).",
    permission: 'kolamretensi:read',
    args: (t) => ({ pondId: t.id({ required: true, description: 'The pond.' }), from: t({ type: 'Date', required: true, description: 'First day.' }), to: t({ type: 'Date', required: true, description: 'Last day.' }), after: t.string({ required: false, description: 'Continue after this cursor.' }) }),
    schema: z.object({ pondId: z.string(), from: isoDate, to: isoDate, after: z.string().nullish() }),
    resolve: async (a, u) => {
      const pond = await loadPond(u, a.pondId, 'pondId');
      const zone = u.cooperative.timeZone;
      return (await operationsLog(u, pond.id, startOfLocalDay(a.from, zone), startOfLocalDay(nextDay(a.to), zone), { first: 100, ...(a.after ? { after: a.after } : {}) })).items;
    },
  });
  unit.query('maintenance', {
    type: [TaskRef],
    description: "A pond's maintenance tasks with due and overdue on a date (default today), most urgent first.",
    permission: 'kolamretensi:read',
    args: (t) => ({ pondId: t.id({ required: true, description: 'The pond.' }), asOf: t({ type: 'Date', required: false, description: 'The date (default today).' }) }),
    schema: z.object({ pondId: z.string(), asOf: isoDate.nullish() }),
    resolve: async (a, u) => {
      const pond = await loadPond(u, a.pondId, 'pondId');
      const asOf = a.asOf ?? u.today();
      return (await tasksOf(u, pond.id)).sort((x, y) => (x.nextDue < y.nextDue ? -1 : 1)).map((x) => ({ ...x, asOf, dueSoonDays: u.settings.dueSoonDays }));
    },
  });
}
