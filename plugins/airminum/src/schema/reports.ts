import { encodeId, isoDate, z, type Builder, type UnitSchemaKit } from '@kkmp/plugin-sdk';
import { dailySummary, dueItems, type DailySummary, type DueItem } from '../services/summary';
import { litresTotal } from '../services/production';
import { TRADE_RULE_NOTE, type AirminumSettings } from '../settings';

type Unit = UnitSchemaKit<AirminumSettings>;

/** `airminumDailySummary`, `airminumDue` and `airminumDepot` (prices and the delivery rule for the client). */
export function registerReports(b: Builder, unit: Unit): void {
  const Subject = b.enumType('AirminumDueSubject', { description: 'What is due.', values: { EQUIPMENT: { description: 'A filter, membrane or lamp service.' }, WATER_TEST: { description: 'The next water sample.' }, SLHS: { description: 'The hygiene certificate renewal.' } } as const });
  const DueLevel = b.enumType('AirminumDueLevel', { description: 'How urgent.', values: { DUE: { description: 'Due soon or today.' }, OVERDUE: { description: 'Past due.' } } as const });
  const Item = b.objectRef<DueItem>('AirminumDueItem').implement({
    description: 'Something the manager must see to before (or since) it is due.',
    fields: (t) => ({
      subject: t.field({ type: Subject, description: 'What kind.', resolve: (i) => i.subject }),
      name: t.exposeString('name', { description: 'Name.' }),
      status: t.field({ type: DueLevel, description: 'DUE or OVERDUE.', resolve: (i) => i.status }),
      dueOn: t.expose('dueOn', { type: 'Date', nullable: true, description: 'Due date, when date-based.' }),
      litresLeft: t.exposeInt('litresLeft', { nullable: true, description: 'Litres left (negative when past), when litre-based.' }),
      equipmentId: t.id({ nullable: true, description: 'The equipment, if any.', resolve: (i) => (i.equipmentId ? encodeId('AirminumEquipment', i.equipmentId) : null) }),
    }),
  });
  const Summary = b.objectRef<DailySummary>('AirminumDailySummary').implement({
    description: "A business day at the depot: completed sales, containers, litres, revenue, and what is due.",
    fields: (t) => ({
      date: t.expose('date', { type: 'Date', description: 'Business date.' }),
      sales: t.exposeInt('sales', { description: 'Completed sales.' }),
      containers: t.int({ description: 'Containers filled (own gallons + new gallons).', resolve: (s) => s.refills }),
      ownGallons: t.int({ description: "Refills into the buyer's own containers.", resolve: (s) => s.refills - s.newGallons }),
      newGallons: t.exposeInt('newGallons', { description: 'New plain gallons sold (filled).' }),
      litres: t.exposeInt('litres', { description: 'Litres produced.' }),
      revenue: t.expose('revenue', { type: 'Rupiah', description: 'Revenue of the completed sales.' }),
      memberRevenue: t.expose('memberRevenue', { type: 'Rupiah', description: 'Of which from members (SHU jasa usaha).' }),
      due: t.field({ type: [Item], description: 'Due and overdue items on that date.', resolve: (s) => s.due }),
    }),
  });
  const Depot = b.objectRef<AirminumSettings & { litresProduced: number }>('AirminumDepot').implement({
    description: "The depot's counter: prices per container type and whether delivery orders are taken, with the trade rule.",
    fields: (t) => ({
      refillPrice: t.expose('refillPrice', { type: 'Rupiah', description: 'Refill into a container, walk-in buyers.' }),
      memberRefillPrice: t.expose('memberRefillPrice', { type: 'Rupiah', description: 'Refill, members.' }),
      newGallonCharge: t.expose('newGallonCharge', { type: 'Rupiah', description: 'Container charge of a new plain gallon (sold with its refill).' }),
      litresPerGallon: t.exposeInt('litresPerGallon', { description: 'Litres per refill.' }),
      litresProduced: t.exposeInt('litresProduced', { description: 'Litres produced since the depot opened (every completed refill; voids taken back).' }),
      deliveryOrders: t.exposeBoolean('deliveryOrders', { description: 'Delivery orders taken (off by default).' }),
      tradeRuleNoteEn: t.string({ description: "The trade rule to show with any delivery option (English): sale at the depot, into the buyer's container.", resolve: () => TRADE_RULE_NOTE.en }),
      tradeRuleNoteId: t.string({ description: 'The same rule in Indonesian.', resolve: () => TRADE_RULE_NOTE.id }),
    }),
  });
  const date = { schema: z.object({ date: isoDate.nullish() }), args: (t: any) => ({ date: t({ type: 'Date', required: false, description: 'Business date (default today).' }) }) };
  unit.query('dailySummary', {
    type: Summary,
    description: 'A business day (today unless given): sales, containers, litres, revenue, due items.',
    permission: 'airminum:read',
    args: date.args,
    schema: date.schema,
    resolve: (a, u) => dailySummary(u, a.date ?? u.today()),
  });
  unit.query('due', {
    type: [Item],
    description: 'Equipment services, the next water sample and the SLHS renewal that are due or overdue on a date (today unless given).',
    permission: 'airminum:read',
    args: date.args,
    schema: date.schema,
    resolve: (a, u) => dueItems(u, a.date ?? u.today()),
  });
  unit.query('depot', { type: Depot, description: 'Prices per container type and the delivery setting with its trade-rule note.', permission: 'airminum:read', resolve: async (_a, u) => ({ ...u.settings, litresProduced: await litresTotal(u) }) });
}
