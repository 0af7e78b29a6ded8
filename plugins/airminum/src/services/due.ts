import { addMonths, daysBetween } from './dates';

export type DueStatus = 'OK' | 'DUE' | 'OVERDUE';
const RANK: Record<DueStatus, number> = { OK: 0, DUE: 1, OVERDUE: 2 };
export const worst = (...s: DueStatus[]): DueStatus => s.reduce((a, b) => (RANK[b] > RANK[a] ? b : a), 'OK');

/** By date: due from `soonDays` before the due date through the due date itself, overdue the day after. */
export function dueByDate(dueOn: string, date: string, soonDays: number): DueStatus {
  const left = daysBetween(date, dueOn);
  return left < 0 ? 'OVERDUE' : left <= soonDays ? 'DUE' : 'OK';
}

/** By litres: due from `soonLitres` before the interval through the interval itself, overdue past it. */
export function dueByLitres(interval: number, since: number, soonLitres: number): DueStatus {
  const left = interval - since;
  return left < 0 ? 'OVERDUE' : left <= soonLitres ? 'DUE' : 'OK';
}

export interface ServicePlan {
  lastServiceOn: string;
  intervalMonths?: number;
  intervalLitres?: number;
  litresAtService: number;
}

export interface ServiceDue {
  dueOn?: string;
  litresSinceService: number;
  litresLeft?: number;
  status: DueStatus;
}

/** When a piece of equipment is next due, on a date with the litres produced so far: the worse of months and litres. */
export function serviceDue(p: ServicePlan, date: string, litresNow: number, soon: { days: number; litres: number }): ServiceDue {
  const since = litresNow - p.litresAtService;
  const dueOn = p.intervalMonths ? addMonths(p.lastServiceOn, p.intervalMonths) : undefined;
  const byDate = dueOn ? dueByDate(dueOn, date, soon.days) : 'OK';
  const byLitres = p.intervalLitres ? dueByLitres(p.intervalLitres, since, soon.litres) : 'OK';
  return {
    ...(dueOn ? { dueOn } : {}),
    litresSinceService: since,
    ...(p.intervalLitres ? { litresLeft: p.intervalLitres - since } : {}),
    status: worst(byDate, byLitres),
  };
}
