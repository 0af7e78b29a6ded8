/** Hours ahead of UTC of Indonesia's three zones. */
const OFFSET: Record<string, number> = { WIB: 7, WITA: 8, WIT: 9 };

/** The local date (YYYY-MM-DD) of an instant in the cooperative's zone. */
export function localDateOf(at: string, zone: string): string {
  return new Date(Date.parse(at) + (OFFSET[zone] ?? 7) * 3_600_000).toISOString().slice(0, 10);
}

/** The UTC instant a local date starts at in the zone (for ranges of readings by local day). */
export function startOfLocalDay(date: string, zone: string): string {
  return new Date(Date.parse(`${date}T00:00:00Z`) - (OFFSET[zone] ?? 7) * 3_600_000).toISOString();
}

/** The day after a date. */
export function nextDay(date: string): string {
  return new Date(Date.parse(`${date}T00:00:00Z`) + 86_400_000).toISOString().slice(0, 10);
}

/** Days from a to b (b − a). */
export const daysBetween = (a: string, b: string) => Math.round((Date.parse(`${b}T00:00:00Z`) - Date.parse(`${a}T00:00:00Z`)) / 86_400_000);

export const addDays = (d: string, n: number) => new Date(Date.parse(`${d}T00:00:00Z`) + n * 86_400_000).toISOString().slice(0, 10);

/** The last day of a month YYYY-MM. */
export function monthEnd(month: string): string {
  const [y, m] = month.split('-').map(Number) as [number, number];
  return new Date(Date.UTC(y, m, 0)).toISOString().slice(0, 10);
}
