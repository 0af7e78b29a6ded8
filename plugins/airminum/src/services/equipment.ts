import { ACCOUNTS, InvalidStateError, NotFoundError, ValidationError, decodeId, isoDate, msg, rupiah, text, z, type UnitContext, type UnitMutationContext } from '@kkmp/plugin-sdk';
import { LAMP_STATUSES, loadCompliance, saveCompliance, type LampStatus } from './compliance';
import { litresAsOf, litresTotal } from './production';

export const EQUIPMENT_KINDS = ['SEDIMENT_FILTER', 'CARBON_FILTER', 'RO_MEMBRANE', 'UV_LAMP'] as const;
export type EquipmentKind = (typeof EQUIPMENT_KINDS)[number];

export const equipmentSchema = z.object({
  id: z.string(),
  kind: z.enum(EQUIPMENT_KINDS),
  name: z.string(),
  installedOn: z.string(),
  intervalMonths: z.number().int().optional(),
  intervalLitres: z.number().int().optional(),
  lastServiceOn: z.string(),
  litresAtService: z.number().int(),
  status: z.enum(LAMP_STATUSES),
  version: z.number().int(),
});
export type Equipment = z.output<typeof equipmentSchema>;
export const equipmentKey = (id: string) => ['EQUIPMENT', id];

/** A status change (down, back in working order) with the litres produced when it happened and the compliance version it made. */
export const statusEventSchema = z.object({ equipmentId: z.string(), status: z.enum(LAMP_STATUSES), reason: z.string().optional(), on: z.string(), at: z.string(), by: z.string(), litresTotal: z.number().int(), complianceVersion: z.number().int().optional() });
export type StatusEvent = z.output<typeof statusEventSchema>;

export const maintenanceSchema = z.object({ id: z.string(), equipmentId: z.string(), date: z.string(), action: z.enum(['SERVICED', 'REPLACED']), note: z.string().optional(), cost: z.number().int(), litresAtService: z.number().int(), at: z.string(), by: z.string() });
export type Maintenance = z.output<typeof maintenanceSchema>;

const interval = { intervalMonths: z.number().int().min(1).max(120).nullish(), intervalLitres: z.number().int().min(1).max(100_000_000).nullish() };
const needsInterval = (v: { intervalMonths?: number | null; intervalLitres?: number | null }, ctx: z.RefinementCtx) => {
  if (!v.intervalMonths && !v.intervalLitres) ctx.addIssue({ code: 'custom', path: ['intervalMonths'], message: msg('give a service interval in months or in litres (or both)', 'isi interval servis dalam bulan atau liter (atau keduanya)') });
};

export const installInput = z.object({ kind: z.enum(EQUIPMENT_KINDS), name: text(80), installedOn: isoDate.nullish(), ...interval }).superRefine(needsInterval);

const idOf = (id: string, field: string) => decodeId(id, 'AirminumEquipment', field, 1)[0]!;

export async function loadEquipment(u: UnitContext<unknown>, publicId: string, field: string): Promise<Equipment> {
  const e = await u.store.get(equipmentSchema, ...equipmentKey(idOf(publicId, field)));
  if (!e) throw new NotFoundError('AirminumEquipment', publicId, field);
  return e;
}

/** Installs a filter, membrane or UV lamp, in working order; its service clock starts at installation. A UV lamp joins the sale gate. */
export async function installEquipment(u: UnitMutationContext<unknown>, input: z.output<typeof installInput>): Promise<Equipment> {
  const on = input.installedOn ?? u.today();
  if (on > u.today()) throw ValidationError.field('input.installedOn', `must not be after today (${u.today()})`, `tidak boleh setelah hari ini (${u.today()})`);
  const e: Equipment = {
    id: u.newId(),
    kind: input.kind,
    name: input.name,
    installedOn: on,
    ...(input.intervalMonths ? { intervalMonths: input.intervalMonths } : {}),
    ...(input.intervalLitres ? { intervalLitres: input.intervalLitres } : {}),
    lastServiceOn: on,
    litresAtService: await litresAsOf(u, on),
    status: 'WORKING',
    version: 1,
  };
  if (e.kind === 'UV_LAMP') {
    const c = await loadCompliance(u);
    saveCompliance(u, c, { ...c, lamps: [...c.lamps, { equipmentId: e.id, name: e.name, installedOn: on, events: [{ on, at: u.now().toISOString(), status: 'WORKING' }] }] });
  }
  u.writes.create(equipmentKey(e.id), e);
  return e;
}

export const statusInput = z.object({ equipmentId: z.string(), status: z.enum(LAMP_STATUSES), reason: text(200).nullish() });

/**
 * Marks equipment down or back in working order (today). For a UV lamp this opens or closes the sale
 * gate: the compliance version rises in the same transaction, and every sale conditions on the version
 * it read, so no sale commits after it under the old state. The litres produced are kept with the event
 * as read (no condition on them: marking a lamp down must never wait for a pause in the sales).
 */
export async function setStatus(u: UnitMutationContext<unknown>, input: z.output<typeof statusInput>): Promise<{ equipment: Equipment; event: StatusEvent }> {
  const e = await loadEquipment(u, input.equipmentId, 'input.equipmentId');
  if (e.status === input.status) throw new InvalidStateError(`${e.name} is already ${input.status === 'DOWN' ? 'down' : 'working'}`, `${e.name} sudah ${input.status === 'DOWN' ? 'mati' : 'berfungsi'}`);
  const [total, c] = await Promise.all([litresTotal(u), e.kind === 'UV_LAMP' ? loadCompliance(u) : undefined]);
  const at = u.now().toISOString();
  const event: StatusEvent = { equipmentId: e.id, status: input.status, ...(input.reason ? { reason: input.reason } : {}), on: u.today(), at, by: u.principal.userId, litresTotal: total };
  if (c) {
    const lamps = c.lamps.map((l) => (l.equipmentId === e.id ? { ...l, events: [...l.events, { on: u.today(), at, status: input.status as LampStatus }] } : l));
    event.complianceVersion = saveCompliance(u, c, { ...c, lamps });
  }
  const next = { ...e, status: input.status, version: e.version + 1 };
  u.writes.replace(equipmentKey(e.id), next, e.version);
  u.writes.create(['STATUS', e.id, at, u.newId()], event);
  return { equipment: next, event };
}

export const maintenanceInput = z.object({ equipmentId: z.string(), action: z.enum(['SERVICED', 'REPLACED']), note: text(200).nullish(), cost: rupiah.nullish() });

/**
 * A service or replacement on the business date: the maintenance log entry, the equipment's service
 * clock restarted (months from this date, litres from what was produced by its end), and the cost
 * posted (Dr maintenance expense, Cr cash) in the same transaction.
 */
export async function recordMaintenance(u: UnitMutationContext<unknown>, input: z.output<typeof maintenanceInput>): Promise<{ equipment: Equipment; entry: Maintenance }> {
  const e = await loadEquipment(u, input.equipmentId, 'input.equipmentId');
  const date = u.businessDate;
  if (date < e.installedOn) throw ValidationError.field('input.businessDate', `is before the installation on ${e.installedOn}`, `sebelum pemasangan pada ${e.installedOn}`);
  const litres = await litresAsOf(u, date);
  const entry: Maintenance = { id: u.newId(), equipmentId: e.id, date, action: input.action, ...(input.note ? { note: input.note } : {}), cost: input.cost ?? 0, litresAtService: litres, at: u.now().toISOString(), by: u.principal.userId };
  // A late entry of an older service does not move the clock back.
  const next = date >= e.lastServiceOn ? { ...e, lastServiceOn: date, litresAtService: litres, version: e.version + 1 } : { ...e, version: e.version + 1 };
  u.writes.replace(equipmentKey(e.id), next, e.version);
  u.writes.create(['MAINT', e.id, date, entry.id], entry);
  if (entry.cost > 0) {
    await u.post({ memo: `Perawatan ${e.name}`, documentId: entry.id, lines: [{ account: `${u.unitId}.maintenance`, debit: entry.cost }, { account: ACCOUNTS.cash, credit: entry.cost }] });
  }
  return { equipment: next, entry };
}

export async function allEquipment(u: UnitContext<unknown>): Promise<Equipment[]> {
  return u.store.all(equipmentSchema, ['EQUIPMENT']);
}

export async function maintenanceLog(u: UnitContext<unknown>, e: Equipment): Promise<Maintenance[]> {
  return u.store.all(maintenanceSchema, ['MAINT', e.id]);
}
