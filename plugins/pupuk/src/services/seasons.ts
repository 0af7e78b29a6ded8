import { ValidationError } from '@kkmp/plugin-sdk';
import type { HetRow, SeasonSpec, FertilizerType } from '../settings';

/** A season as the kiosk counts it: `2025-MT1` starts on 1 October 2025 and ends the day before the next season starts. */
export interface Season {
  code: string;
  name: string;
  from: string;
  to: string;
}

const pad = (n: number) => String(n).padStart(2, '0');

function dayBefore(date: string): string {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() - 1);
  return d.toISOString().slice(0, 10);
}

/** Every season start as (year, spec), in time order, around a year. */
function startsAround(year: number, specs: SeasonSpec[]): { year: number; spec: SeasonSpec; from: string }[] {
  const sorted = [...specs].sort((a, b) => a.startMonth - b.startMonth);
  return [year - 1, year, year + 1].flatMap((y) => sorted.map((spec) => ({ year: y, spec, from: `${y}-${pad(spec.startMonth)}-01` })));
}

function toSeason(all: ReturnType<typeof startsAround>, i: number): Season {
  const s = all[i]!;
  return { code: `${s.year}-${s.spec.name}`, name: s.spec.name, from: s.from, to: dayBefore(all[i + 1]!.from) };
}

/** The season a business date falls in. */
export function seasonOf(date: string, specs: SeasonSpec[]): Season {
  const all = startsAround(Number(date.slice(0, 4)), specs);
  const i = all.findLastIndex((s) => s.from <= date);
  return toSeason(all, i);
}

/** A season named by its code (`2025-MT1`), or a ValidationError on the field. */
export function parseSeason(code: string, specs: SeasonSpec[], field: string): Season {
  const m = /^(\d{4})-([A-Z][A-Z0-9]{0,7})$/.exec(code.trim());
  const names = specs.map((s) => s.name).join(', ');
  if (!m) throw ValidationError.field(field, `must be a year and a season, e.g. 2025-${specs[0]!.name}`, `harus tahun dan musim tanam, mis. 2025-${specs[0]!.name}`);
  const all = startsAround(Number(m[1]), specs);
  const i = all.findIndex((s) => s.year === Number(m[1]) && s.spec.name === m[2]);
  if (i < 0) throw ValidationError.field(field, `unknown season ${m[2]}; the seasons are ${names}`, `musim tanam ${m[2]} tidak dikenal; musim tanamnya ${names}`);
  return toSeason(all, i);
}

/** The HET row in force for a type on a date: the latest effective on or before it. */
export function hetOn(rows: HetRow[], type: FertilizerType, date: string): HetRow | undefined {
  return rows.filter((r) => r.type === type && r.effectiveFrom <= date).sort((a, b) => (a.effectiveFrom < b.effectiveFrom ? 1 : -1))[0];
}
