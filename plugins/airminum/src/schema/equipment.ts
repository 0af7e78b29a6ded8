import { encodeId, isoDate, z, type Builder, type UnitContext, type UnitSchemaKit } from '@kkmp/plugin-sdk';
import { installEquipment, installInput, loadEquipment, maintenanceInput, maintenanceLog, recordMaintenance, setStatus, statusInput, type Maintenance, type StatusEvent } from '../services/equipment';
import { serviceDue } from '../services/due';
import { equipmentOn, type EquipmentView } from '../services/summary';
import { litresTotal } from '../services/production';
import type { AirminumSettings } from '../settings';

type Unit = UnitSchemaKit<AirminumSettings>;

/** Filters, membrane and UV lamps: install, status (down / working), the maintenance log, what is due. */
export function registerEquipment(b: Builder, unit: Unit): void {
  const Kind = b.enumType('AirminumEquipmentKind', {
    description: 'Kind of equipment.',
    values: {
      SEDIMENT_FILTER: { description: 'Sediment filter (6-12 months; 3-4 in heavy use).' },
      CARBON_FILTER: { description: 'Carbon filter (6-12 months).' },
      RO_MEMBRANE: { description: 'Reverse-osmosis membrane (12-18 months).' },
      UV_LAMP: { description: 'UV sterilizer lamp: no sales while it is down.' },
    } as const,
  });
  const Status = b.enumType('AirminumEquipmentStatus', { description: 'Working order.', values: { WORKING: { description: 'In working order.' }, DOWN: { description: 'Down (out of order).' } } as const });
  const DueStatus = b.enumType('AirminumDueStatus', { description: 'Service due status.', values: { OK: { description: 'Not due yet.' }, DUE: { description: 'Due soon or due today (within the dueSoon settings).' }, OVERDUE: { description: 'Past its date or its litres.' } } as const });
  const Ref = b.objectRef<EquipmentView>('AirminumEquipment').implement({
    description: 'A filter, membrane or UV lamp with its service interval and when it is next due.',
    fields: (t) => ({
      id: t.id({ description: 'Equipment id.', resolve: (e) => encodeId('AirminumEquipment', e.id) }),
      kind: t.field({ type: Kind, description: 'Kind.', resolve: (e) => e.kind }),
      name: t.exposeString('name', { description: 'Name, e.g. "Filter sedimen 10 inci".' }),
      installedOn: t.expose('installedOn', { type: 'Date', description: 'Installation date.' }),
      intervalMonths: t.exposeInt('intervalMonths', { nullable: true, description: 'Service interval in months, if any.' }),
      intervalLitres: t.exposeInt('intervalLitres', { nullable: true, description: 'Service interval in litres produced, if any.' }),
      lastServiceOn: t.expose('lastServiceOn', { type: 'Date', description: 'Last service or replacement (or installation).' }),
      status: t.field({ type: Status, description: 'Working order now.', resolve: (e) => e.status }),
      dueOn: t.field({ type: 'Date', nullable: true, description: 'Next service date by months.', resolve: (e) => e.due.dueOn ?? null }),
      litresSinceService: t.int({ description: 'Litres produced since the last service.', resolve: (e) => e.due.litresSinceService }),
      litresLeft: t.int({ nullable: true, description: 'Litres left before service by litres (negative when past).', resolve: (e) => e.due.litresLeft ?? null }),
      dueStatus: t.field({ type: DueStatus, description: 'OK, DUE or OVERDUE (the worse of months and litres) on the date asked.', resolve: (e) => e.due.status }),
    }),
  });
  const Event = b.objectRef<StatusEvent>('AirminumStatusChange').implement({
    description: 'Equipment marked down or back in working order.',
    fields: (t) => ({
      status: t.field({ type: Status, description: 'The new status.', resolve: (e) => e.status }),
      at: t.expose('at', { type: 'DateTime', description: 'When.' }),
      litresTotal: t.exposeInt('litresTotal', { description: 'Litres produced by the depot as read when the change was recorded.' }),
      complianceVersion: t.exposeInt('complianceVersion', { nullable: true, description: 'For a UV lamp: the compliance version this change made; sales before it passed under lower versions.' }),
    }),
  });
  const Changed = b.objectRef<{ equipment: EquipmentView; event: StatusEvent }>('AirminumStatusResult').implement({
    description: 'The equipment after a status change, and the change.',
    fields: (t) => ({ equipment: t.field({ type: Ref, description: 'The equipment.', resolve: (r) => r.equipment }), change: t.field({ type: Event, description: 'The change.', resolve: (r) => r.event }) }),
  });
  const Action = b.enumType('AirminumMaintenanceAction', { description: 'What the maintenance was.', values: { SERVICED: { description: 'Cleaned or serviced.' }, REPLACED: { description: 'Replaced (a new filter, membrane or lamp).' } } as const });
  const Log = b.objectRef<Maintenance>('AirminumMaintenance').implement({
    description: 'A maintenance log entry.',
    fields: (t) => ({
      date: t.expose('date', { type: 'Date', description: 'Business date of the service.' }),
      action: t.field({ type: Action, description: 'Serviced or replaced.', resolve: (m) => m.action }),
      note: t.exposeString('note', { nullable: true, description: 'What was done.' }),
      cost: t.expose('cost', { type: 'Rupiah', description: 'Cost (posted as maintenance expense).' }),
      litresAtService: t.exposeInt('litresAtService', { description: 'Litres produced by the depot by the end of that date.' }),
    }),
  });
  const view = async (u: UnitContext<AirminumSettings>, e: Omit<EquipmentView, 'due'>): Promise<EquipmentView> => ({
    ...e,
    due: serviceDue(e, u.today(), await litresTotal(u), { days: u.settings.dueSoonDays, litres: u.settings.dueSoonLitres }),
  });

  unit.mutation('installEquipment', {
    type: Ref,
    description: 'Installs a filter, membrane or UV lamp (in working order) with its service interval in months, litres or both. A UV lamp joins the sale gate.',
    permission: 'airminum:manage',
    businessEvent: false,
    input: (t) => ({
      kind: t.field({ type: Kind, required: true, description: 'Kind.' }),
      name: t.string({ description: 'Name.' }),
      installedOn: t.field({ type: 'Date', required: false, description: 'Installation date (default today).' }),
      intervalMonths: t.int({ required: false, description: 'Service interval in months.' }),
      intervalLitres: t.int({ required: false, description: 'Service interval in litres produced.' }),
    }),
    schema: installInput,
    resolve: async (input, u) => view(u, await installEquipment(u, input)),
  });
  unit.mutation('setEquipmentStatus', {
    type: Changed,
    description: 'Marks equipment down or back in working order (today). While a UV lamp is down no sale goes through, atomically with every sale.',
    permission: 'airminum:operate',
    businessEvent: false,
    input: (t) => ({
      equipmentId: t.id({ description: 'Equipment id.' }),
      status: t.field({ type: Status, required: true, description: 'The new status.' }),
      reason: t.string({ required: false, description: 'Why (e.g. "lampu UV putus").' }),
    }),
    schema: statusInput,
    resolve: async (input, u) => {
      const r = await setStatus(u, input);
      return { equipment: await view(u, r.equipment), event: r.event };
    },
  });
  unit.mutation('recordMaintenance', {
    type: Ref,
    description: "Logs a service or replacement on the business date: the service clock restarts (months and litres); a cost posts Dr maintenance expense, Cr cash.",
    permission: 'airminum:operate',
    businessEvent: true,
    input: (t) => ({
      equipmentId: t.id({ description: 'Equipment id.' }),
      action: t.field({ type: Action, required: true, description: 'Serviced or replaced.' }),
      note: t.string({ required: false, description: 'What was done.' }),
      cost: t.field({ type: 'Rupiah', required: false, description: 'Cost paid in cash, whole rupiah.' }),
    }),
    schema: maintenanceInput,
    resolve: async (input, u) => view(u, (await recordMaintenance(u, input)).equipment),
  });
  unit.query('equipment', {
    type: [Ref],
    description: 'Every piece of equipment with its service due status on a date (today unless given; litres as produced so far).',
    permission: 'airminum:read',
    args: (t) => ({ date: t({ type: 'Date', required: false, description: 'Date (default today).' }) }),
    schema: z.object({ date: isoDate.nullish() }),
    resolve: (a, u) => equipmentOn(u, a.date ?? u.today()),
  });
  unit.query('maintenanceLog', {
    type: [Log],
    description: "One piece of equipment's maintenance log, oldest first.",
    permission: 'airminum:read',
    args: (t) => ({ equipmentId: t.id({ required: true, description: 'Equipment id.' }) }),
    resolve: async (a, u) => maintenanceLog(u, await loadEquipment(u, String(a.equipmentId), 'equipmentId')),
  });
}
