import type { Row } from './measure';
import { describeCalls } from './record';

export interface Check {
  target: string;
  pass: boolean;
}

/** The Targets that apply to one row (round trips, throughput against the floor). */
export function rowChecks(r: Row): Check[] {
  const checks: Check[] = [];
  if (r.kind === 'read') {
    const budget = 2 + r.listLevels;
    checks.push({ target: `round trips <= ${budget}`, pass: r.roundTrips <= budget });
    checks.push({ target: 'ratio >= 0.85', pass: r.ratio >= 0.85 });
  } else if (r.kind === 'sale') {
    checks.push({ target: 'round trips <= 3', pass: r.roundTrips <= 3 });
    checks.push({ target: 'ratio >= 0.85', pass: r.ratio >= 0.85 });
  } else if (r.kind === 'trivial') {
    checks.push({ target: 'ratio >= 0.15', pass: r.ratio >= 0.15 });
  }
  // Not a target but a precondition of every number on the row: no request failed.
  checks.push({ target: 'no failed request', pass: r.errors === 0 && r.floorErrors === 0 });
  return checks;
}

const fixed = (n: number, d = 0) => (Number.isFinite(n) ? n.toFixed(d) : '-');
const verdict = (checks: Check[]) => (checks.every((c) => c.pass) ? 'PASS' : `FAIL (${checks.filter((c) => !c.pass).map((c) => c.target).join('; ')})`);

/** The per-scenario table. */
export function table(rows: readonly Row[]): string {
  const head = ['scenario', 'req/s', 'p50 ms', 'p99 ms', 'floor req/s', 'ratio', 'trips', 'RCU', 'WCU', 'DynamoDB calls', 'targets'];
  const body = rows.map((r) => [
    r.scenario,
    fixed(r.reqPerSec),
    fixed(r.p50Ms, 1),
    fixed(r.p99Ms, 1),
    fixed(r.floorReqPerSec),
    fixed(r.ratio, 2),
    String(r.roundTrips),
    fixed(r.readUnits, 1),
    fixed(r.writeUnits, 1),
    describeCalls(r.calls),
    verdict(rowChecks(r)),
  ]);
  return align([head, ...body]);
}

/** 1x against Nx: throughput and latency change, and whether each request made the same DynamoDB calls. */
export function scaleTable(one: readonly Row[], many: readonly Row[], scale: number): { text: string; checks: Check[] } {
  const checks: Check[] = [];
  const lines = [['scenario', `req/s 1x -> ${scale}x`, 'change', `p50 1x -> ${scale}x`, 'change', `RCU 1x -> ${scale}x`, 'calls 1x / Nx', `calls identical at 1x and ${scale}x`]];
  for (const a of one) {
    const b = many.find((r) => r.scenario === a.scenario);
    if (!b) continue;
    const same = JSON.stringify(sorted(a.calls)) === JSON.stringify(sorted(b.calls));
    checks.push({ target: `${a.scenario}: calls identical at 1x and ${scale}x`, pass: same });
    lines.push([
      a.scenario,
      `${fixed(a.reqPerSec)} -> ${fixed(b.reqPerSec)}`,
      pct(b.reqPerSec / a.reqPerSec),
      `${fixed(a.p50Ms, 1)} -> ${fixed(b.p50Ms, 1)}`,
      pct(b.p50Ms / a.p50Ms),
      // The same calls can still read more: a query's items grow with the data (capacity units say so).
      `${fixed(a.readUnits, 1)} -> ${fixed(b.readUnits, 1)}`,
      `${a.callsTotal} / ${b.callsTotal}`,
      same ? 'PASS' : `FAIL (${describeCalls(a.calls)} vs ${describeCalls(b.calls)})`,
    ]);
  }
  return { text: align(lines), checks };
}

function sorted(calls: Record<string, number>): [string, number][] {
  return Object.entries(calls).sort((a, b) => a[0].localeCompare(b[0]));
}

function pct(ratio: number): string {
  if (!Number.isFinite(ratio)) return '-';
  const p = (ratio - 1) * 100;
  return `${p >= 0 ? '+' : ''}${p.toFixed(0)}%`;
}

export function align(rows: string[][]): string {
  const widths = rows[0]!.map((_, i) => Math.max(...rows.map((r) => (r[i] ?? '').length)));
  return rows.map((r) => r.map((cell, i) => (i === r.length - 1 ? cell : cell.padEnd(widths[i]!))).join('  ')).join('\n');
}
