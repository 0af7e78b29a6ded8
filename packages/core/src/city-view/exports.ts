import { queryAll, skPrefix } from '@kkmp/store';
import type { CoreContext } from '../context';
import { followUpSchema } from './followup';
import { followUpPartition } from './keys';
import { listAttendance, listTrainingSessions } from './training';
import { dashboardOf, loadCityView, type CityView } from './view';

export const CITY_EXPORTS = ['ACTIVATION', 'COOPERATIVES', 'FOLLOW_UPS', 'TRAINING_ATTENDANCE'] as const;
export type CityExport = (typeof CITY_EXPORTS)[number];

/** A table for a CSV file: a header row and the rows, cells as text or whole numbers. */
export interface Table {
  header: string[];
  rows: (string | number)[][];
}

/** The tables behind the city's CSV exports; each is built from the same reads as the dashboard. */
export async function cityTable(ctx: CoreContext, cityId: string, kind: CityExport): Promise<Table> {
  const view = await loadCityView(ctx, cityId);
  switch (kind) {
    case 'ACTIVATION':
      return activation(view);
    case 'COOPERATIVES':
      return cooperatives(view);
    case 'FOLLOW_UPS':
      return followUps(ctx, view);
    case 'TRAINING_ATTENDANCE':
      return training(ctx, view);
  }
}

const COUNT_HEADER = ['total', 'formed', 'legal_entity', 'operating', 'active', 'inactive', 'operating_without_activity'];

/** "X of Y active" per kelurahan, and the city's total as the last row. */
function activation(view: CityView): Table {
  const d = dashboardOf(view);
  const counts = (c: typeof d.counts) => [c.total, c.formed, c.legalEntity, c.operating, c.active, c.inactive, c.operatingWithoutActivity];
  return {
    header: ['kelurahan', 'kecamatan', ...COUNT_HEADER],
    rows: [...d.kelurahan.map((k) => [k.kelurahan.name, k.kelurahan.kecamatan, ...counts(k.counts)]), ['TOTAL', view.city.name, ...counts(d.counts)]],
  };
}

function cooperatives(view: CityView): Table {
  const kel = new Map(view.kelurahan.map((k) => [k.id, k]));
  return {
    header: ['cooperative', 'kelurahan', 'kecamatan', 'status', 'active', 'last_activity_date', 'days_since_activity', 'members', 'equity_collected', 'units_enabled', 'units_trading', 'last_rat_date', 'books_closed_last_year'],
    rows: view.standings.map((s) => [
      s.coop.name,
      kel.get(s.coop.kelurahanId)?.name ?? '',
      kel.get(s.coop.kelurahanId)?.kecamatan ?? '',
      s.coop.status,
      s.active ? 'yes' : 'no',
      s.summary.lastActivityDate ?? '',
      s.daysSinceActivity ?? '',
      s.members,
      s.summary.equityCollected,
      s.unitsEnabled.join(' '),
      s.unitsTrading.join(' '),
      s.summary.lastRatDate ?? '',
      s.booksClosedLastYear ? 'yes' : 'no',
    ]),
  };
}

async function followUps(ctx: CoreContext, view: CityView): Promise<Table> {
  const names = new Map(view.standings.map((s) => [s.coop.id, s.coop.name]));
  const all = await queryAll(ctx.db, { partition: followUpPartition(view.city.id), prefix: skPrefix('FOLLOWUP') }, followUpSchema);
  return {
    header: ['cooperative', 'date', 'kind', 'constraints', 'actions', 'next_follow_up_date', 'notes'],
    rows: all.map((f) => [names.get(f.coopId) ?? f.coopId, f.date, f.kind, f.constraints.join(' '), f.actions.join('; '), f.nextFollowUpDate ?? '', f.notes ?? '']),
  };
}

async function training(ctx: CoreContext, view: CityView): Promise<Table> {
  const names = new Map(view.standings.map((s) => [s.coop.id, s.coop.name]));
  const [sessions, attendance] = await Promise.all([listTrainingSessions(ctx, view.city.id), listAttendance(ctx, view.city.id)]);
  const byId = new Map(sessions.map((s) => [s.id, s]));
  return {
    header: ['session', 'topic', 'start_date', 'venue', 'cooperative', 'attendee', 'position'],
    rows: attendance.flatMap((a) => {
      const s = byId.get(a.sessionId);
      return a.attendees.map((p) => [s?.title ?? a.sessionId, a.topic, s?.startDate ?? '', s?.venue ?? '', names.get(a.coopId) ?? a.coopId, p.name, p.position ?? '']);
    }),
  };
}
