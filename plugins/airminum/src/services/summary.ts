import { type UnitContext } from '@kkmp/plugin-sdk';
import { commerceKeys, saleSchema, type Sale } from '@kkmp/commerce';
import type { AirminumSettings } from '../settings';
import { loadCompliance } from './compliance';
import { daysBetween } from './dates';
import { dueByDate, serviceDue, type DueStatus } from './due';
import { allEquipment, type Equipment } from './equipment';
import { litresTotal } from './production';
import { nextTestDue } from './watertests';

export interface DueItem {
  subject: 'EQUIPMENT' | 'WATER_TEST' | 'SLHS';
  name: string;
  status: Exclude<DueStatus, 'OK'>;
  dueOn?: string;
  litresLeft?: number;
  equipmentId?: string;
}

export interface EquipmentView extends Equipment {
  due: ReturnType<typeof serviceDue>;
}

/** Every piece of equipment with when it is next due, on a date (litres as produced so far). */
export async function equipmentOn(u: UnitContext<AirminumSettings>, date: string): Promise<EquipmentView[]> {
  const [list, total] = await Promise.all([allEquipment(u), litresTotal(u)]);
  const soon = { days: u.settings.dueSoonDays, litres: u.settings.dueSoonLitres };
  return list.map((e) => ({ ...e, due: serviceDue(e, date, total, soon) }));
}

/** What the manager must see to: equipment due or overdue, the next water sample, the SLHS renewal. */
export async function dueItems(u: UnitContext<AirminumSettings>, date: string): Promise<DueItem[]> {
  const [equipment, c] = await Promise.all([equipmentOn(u, date), loadCompliance(u)]);
  const items: DueItem[] = [];
  for (const e of equipment) {
    if (e.due.status === 'OK') continue;
    items.push({ subject: 'EQUIPMENT', name: e.name, status: e.due.status, equipmentId: e.id, ...(e.due.dueOn ? { dueOn: e.due.dueOn } : {}), ...(e.due.litresLeft !== undefined ? { litresLeft: e.due.litresLeft } : {}) });
  }
  const lastSample = c.tests.map((t) => t.sampledOn).filter((d) => d <= date).sort().at(-1);
  if (!lastSample) items.push({ subject: 'WATER_TEST', name: 'Uji kualitas air', status: 'OVERDUE' });
  else {
    const dueOn = nextTestDue(u.settings, lastSample);
    const status = dueByDate(dueOn, date, u.settings.dueSoonDays);
    if (status !== 'OK') items.push({ subject: 'WATER_TEST', name: 'Uji kualitas air', status, dueOn });
  }
  const cert = c.slhs.filter((s) => s.issuedOn <= date).sort((a, b) => a.expiresOn.localeCompare(b.expiresOn)).at(-1);
  if (!cert || cert.expiresOn < date) items.push({ subject: 'SLHS', name: cert ? `SLHS ${cert.number}` : 'SLHS', status: 'OVERDUE', ...(cert ? { dueOn: cert.expiresOn } : {}) });
  else if (daysBetween(date, cert.expiresOn) <= u.settings.dueSoonDays) items.push({ subject: 'SLHS', name: `SLHS ${cert.number}`, status: 'DUE', dueOn: cert.expiresOn });
  return items;
}

export interface DailySummary {
  date: string;
  sales: number;
  refills: number;
  newGallons: number;
  litres: number;
  revenue: number;
  memberRevenue: number;
  due: DueItem[];
}

/** A business day at the depot: completed sales, containers filled (own and new gallons), litres, revenue; and what is due. */
export async function dailySummary(u: UnitContext<AirminumSettings>, date: string): Promise<DailySummary> {
  const [sales, due] = await Promise.all([salesOf(u, date), dueItems(u, date)]);
  const done = sales.filter((s) => s.status === 'COMPLETED');
  const n = (s: Sale, k: string) => (typeof s.unitData[k] === 'number' ? (s.unitData[k] as number) : 0);
  return {
    date,
    sales: done.length,
    refills: done.reduce((t, s) => t + n(s, 'refills'), 0),
    newGallons: done.reduce((t, s) => t + n(s, 'newGallons'), 0),
    litres: done.reduce((t, s) => t + n(s, 'litres'), 0),
    revenue: done.reduce((t, s) => t + s.total, 0),
    memberRevenue: done.filter((s) => s.customerClass === 'MEMBER').reduce((t, s) => t + s.total, 0),
    due,
  };
}

/** A day's sales, every page. */
async function salesOf(u: UnitContext<unknown>, date: string): Promise<Sale[]> {
  const out: Sale[] = [];
  let after: string | undefined;
  for (;;) {
    const page = await u.store.page(saleSchema, commerceKeys.salesOf(date), { first: 100, ...(after ? { after } : {}) });
    out.push(...page.items);
    if (!page.hasNextPage || !page.endCursor) return out;
    after = page.endCursor;
  }
}
