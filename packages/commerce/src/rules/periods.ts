/** Period a quota counts in, from a local date: DAY 2026-03-16, WEEK 2026-W12 (ISO), MONTH 2026-03, YEAR 2026. */
export type QuotaPeriod = 'DAY' | 'WEEK' | 'MONTH' | 'YEAR';

export function periodKey(date: string, period: QuotaPeriod): string {
  switch (period) {
    case 'DAY':
      return date;
    case 'MONTH':
      return date.slice(0, 7);
    case 'YEAR':
      return date.slice(0, 4);
    case 'WEEK': {
      const d = new Date(`${date}T00:00:00Z`);
      const day = (d.getUTCDay() + 6) % 7; // Monday 0
      d.setUTCDate(d.getUTCDate() - day + 3); // Thursday of this ISO week decides its year
      const year = d.getUTCFullYear();
      const firstThursday = new Date(Date.UTC(year, 0, 4));
      firstThursday.setUTCDate(firstThursday.getUTCDate() - ((firstThursday.getUTCDay() + 6) % 7) + 3);
      const week = 1 + Math.round((d.getTime() - firstThursday.getTime()) / (7 * 86_400_000));
      return `${year}-W${String(week).padStart(2, '0')}`;
    }
  }
}
