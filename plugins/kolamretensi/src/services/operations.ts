import { NotFoundError, ValidationError, decodeId, encodeId, msg, text, z, type UnitContext, type UnitMutationContext } from '@kkmp/plugin-sdk';
import type { KolamSettings } from '../settings';
import { loadPond } from './ponds';
import { addDays, daysBetween, localDateOf } from './time';

export const OPERATION_KINDS = ['PUMP_ON', 'PUMP_OFF', 'GATE_OPEN', 'GATE_CLOSE', 'TRASH_SCREEN_CLEANING', 'DREDGING', 'INSPECTION'] as const;
export type OperationKind = (typeof OPERATION_KINDS)[number];

/** One entry of the pond's operations log: what was done to which pump or gate, when, by whom. */
export const operationSchema = z.object({ id: z.string(), pondId: z.string(), at: z.string(), date: z.string(), kind: z.enum(OPERATION_KINDS), equipment: z.string().optional(), note: z.string().optional(), taskId: z.string().optional(), by: z.string() });
export type Operation = z.output<typeof operationSchema>;

/** Maintenance the agreement requires, every `intervalDays`: due on `nextDue`. */
export const taskSchema = z.object({ id: z.string(), pondId: z.string(), title: z.string(), kind: z.enum(OPERATION_KINDS), intervalDays: z.number().int(), nextDue: z.string(), lastDoneOn: z.string().optional(), version: z.number().int() });
export type Task = z.output<typeof taskSchema>;
const taskKey = (pondId: string, id: string) => ['TASK', pondId, id];
export const taskGlobalId = (t: Task) => encodeId('KolamretensiMaintenance', t.pondId, t.id);

export const logOperationInput = z.object({
  pondId: z.string(),
  kind: z.enum(OPERATION_KINDS),
  equipment: text(60).nullish(),
  note: text(300).nullish(),
  at: z.string().refine((v) => !Number.isNaN(Date.parse(v)), msg('must be a date and time (ISO 8601)', 'harus tanggal dan jam (ISO 8601)')).transform((v) => new Date(v).toISOString()).nullish(),
  maintenanceId: z.string().nullish(),
});

/**
 * An operation on the pond. A pump or gate operation names one of the pond's pumps or gates; one done
 * for a scheduled maintenance task completes it, and the task is next due `intervalDays` later.
 */
export async function logOperation(u: UnitMutationContext<KolamSettings>, input: z.output<typeof logOperationInput>): Promise<Operation> {
  const pond = await loadPond(u, input.pondId, 'input.pondId');
  const at = input.at ?? u.now().toISOString();
  if (Date.parse(at) > u.now().getTime() + 5 * 60_000) throw ValidationError.field('input.at', 'must not be in the future', 'tidak boleh di masa depan');
  const pumpOrGate = input.kind.startsWith('PUMP') ? pond.pumps.map((p) => p.name) : input.kind.startsWith('GATE') ? pond.gates : undefined;
  if (pumpOrGate && !pumpOrGate.includes(input.equipment ?? '')) {
    throw ValidationError.field('input.equipment', `name one of this pond's ${input.kind.startsWith('PUMP') ? 'pumps' : 'gates'}: ${pumpOrGate.join(', ') || 'none registered'}`, `sebut salah satu ${input.kind.startsWith('PUMP') ? 'pompa' : 'pintu air'} kolam ini: ${pumpOrGate.join(', ') || 'belum terdaftar'}`);
  }
  const op: Operation = { id: u.newId(), pondId: pond.id, at, date: localDateOf(at, u.cooperative.timeZone), kind: input.kind, by: u.principal.userId, ...(input.equipment ? { equipment: input.equipment } : {}), ...(input.note ? { note: input.note } : {}) };
  if (input.maintenanceId) {
    const [pondId, taskId] = decodeId(input.maintenanceId, 'KolamretensiMaintenance', 'input.maintenanceId', 2) as [string, string];
    const task = pondId === pond.id ? await u.store.get(taskSchema, ...taskKey(pondId, taskId)) : undefined;
    if (!task) throw new NotFoundError('KolamretensiMaintenance', input.maintenanceId, 'input.maintenanceId');
    if (task.kind !== input.kind) throw ValidationError.field('input.kind', `the task is ${task.kind}`, `tugas ini ${task.kind}`);
    op.taskId = task.id;
    u.writes.replace(taskKey(pondId, taskId), { ...task, lastDoneOn: op.date, nextDue: addDays(op.date, task.intervalDays), version: task.version + 1 }, task.version);
  }
  u.writes.create(['OPERATION', pond.id, at, op.id], op);
  return op;
}

export async function operationsLog(u: UnitContext<KolamSettings>, pondId: string, from: string, to: string, page: { first: number; after?: string }) {
  return u.store.range(operationSchema, ['OPERATION', pondId, from], ['OPERATION', pondId, to], page);
}

export const scheduleInput = z.object({ pondId: z.string(), title: text(120), kind: z.enum(OPERATION_KINDS), intervalDays: z.number().int().min(1, msg('at least 1 day', 'paling sedikit 1 hari')).max(3660), firstDue: z.string().regex(/^\d{4}-\d{2}-\d{2}$/, msg('must be a date YYYY-MM-DD', 'harus tanggal TTTT-BB-HH')) });

export async function scheduleMaintenance(u: UnitMutationContext<KolamSettings>, input: z.output<typeof scheduleInput>): Promise<Task> {
  const pond = await loadPond(u, input.pondId, 'input.pondId');
  const task: Task = { id: u.newId(), pondId: pond.id, title: input.title, kind: input.kind, intervalDays: input.intervalDays, nextDue: input.firstDue, version: 1 };
  u.writes.create(taskKey(pond.id, task.id), task);
  return task;
}

export type TaskStatus = 'OVERDUE' | 'DUE' | 'SCHEDULED';
/** Overdue after its date, due from `dueSoonDays` before it (through the date itself), else scheduled. */
export function taskStatus(task: Task, asOf: string, dueSoonDays: number): { status: TaskStatus; daysLeft: number } {
  const daysLeft = daysBetween(asOf, task.nextDue);
  return { status: daysLeft < 0 ? 'OVERDUE' : daysLeft <= dueSoonDays ? 'DUE' : 'SCHEDULED', daysLeft };
}

export const tasksOf = (u: UnitContext<KolamSettings>, pondId: string) => u.store.all(taskSchema, ['TASK', pondId]);
