import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SCENARIO_NAMES, type BenchReport } from '../src/index';

// `npm run bench -- --quick` end to end, as a command: its own DynamoDB Local, the API on loopback, the
// data seeded through GraphQL, every scenario against its floor, the contention bench and the Lambda
// section. It asserts what the bench reports and that it is real, never how fast anything was.
const root = join(import.meta.dirname, '..', '..', '..');
const dir = mkdtempSync(join(tmpdir(), 'kkmp-bench-test-'));
const jsonFile = join(dir, 'bench.json');
let stdout = '';
let report: BenchReport;

beforeAll(async () => {
  stdout = await new Promise<string>((resolve, reject) => {
    execFile(
      process.execPath,
      ['--import', 'tsx', 'packages/bench/src/cli.ts', '--quick', '--json', jsonFile],
      { cwd: root, encoding: 'utf8', timeout: 240_000, maxBuffer: 10_000_000, env: { ...process.env, AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: 'true' } },
      (err, out, errOut) => (err ? reject(new Error(`bench failed: ${err.message}\n${out}\n${errOut}`)) : resolve(out)),
    );
  });
  report = JSON.parse(readFileSync(jsonFile, 'utf8')) as BenchReport;
}, 300_000);
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('npm run bench -- --quick', () => {
  it('prints one table row per scenario with its verdict, and the targets summary', () => {
    for (const name of SCENARIO_NAMES) expect(stdout).toMatch(new RegExp(`^${name}\\s+\\d+\\s+[\\d.]+\\s+[\\d.]+\\s+\\d+\\s+[\\d.]+\\s+\\d+\\s.*(PASS|FAIL)`, 'm'));
    expect(stdout).toMatch(/^Targets: \d+ of \d+ PASS/m);
    expect(stdout).toContain('== Contention');
    expect(stdout).toContain('== Lambda');
  });

  it('writes every scenario to the JSON file with the issue’s fields, measured and consistent', () => {
    expect(report.rows.map((r) => r.scenario)).toEqual(SCENARIO_NAMES);
    for (const r of report.rows) {
      expect(Object.keys(r)).toEqual(expect.arrayContaining(['scenario', 'reqPerSec', 'p50Ms', 'p99Ms', 'floorReqPerSec', 'ratio', 'calls', 'roundTrips', 'scale']));
      expect(r.scale, r.scenario).toBe(1);
      expect(r.errors, `${r.scenario}: ${r.firstError}`).toBe(0);
      expect(r.floorErrors, `${r.scenario} floor: ${r.firstError}`).toBe(0);
      expect(r.reqPerSec, r.scenario).toBeGreaterThan(0);
      expect(r.floorReqPerSec, r.scenario).toBeGreaterThan(0);
      expect(r.ratio).toBeCloseTo(r.reqPerSec / r.floorReqPerSec, 6);
      expect(r.p50Ms, r.scenario).toBeGreaterThan(0);
      expect(r.p99Ms, r.scenario).toBeGreaterThanOrEqual(r.p50Ms);
      expect(Object.values(r.calls).reduce((a, b) => a + b, 0), r.scenario).toBe(r.callsTotal);
    }
  });

  it('counts the DynamoDB calls and sequential round trips of one request, and the capacity it consumes', () => {
    for (const r of report.rows.filter((x) => x.kind !== 'trivial')) {
      expect(r.callsTotal, r.scenario).toBeGreaterThan(0);
      expect(r.roundTrips, r.scenario).toBeGreaterThanOrEqual(1);
      expect(r.roundTrips, r.scenario).toBeLessThanOrEqual(r.callsTotal);
      expect(r.readUnits, r.scenario).toBeGreaterThan(0);
    }
    for (const r of report.rows.filter((x) => x.kind === 'sale' || x.kind === 'write')) {
      expect(r.calls.TransactWriteItems, r.scenario).toBeGreaterThanOrEqual(1);
      expect(r.writeUnits, r.scenario).toBeGreaterThan(0);
    }
    const trivial = report.rows.find((x) => x.scenario === 'typename')!;
    expect([trivial.callsTotal, trivial.roundTrips]).toEqual([0, 0]);
  });

  it('checks every row against the targets and measures the city page at several sizes', () => {
    expect(report.checks.length).toBeGreaterThan(SCENARIO_NAMES.length);
    for (const c of report.checks) expect(typeof c.pass, c.target).toBe('boolean');
    expect(report.checks.map((c) => c.target)).toEqual(expect.arrayContaining(['sembako-sale (1x): round trips <= 3', 'typename (1x): ratio >= 0.15', 'Lambda bundle loaded at cold start <= 1.2 MB minified']));
    expect(report.cityPage!.cooperatives.length).toBeGreaterThanOrEqual(2);
    for (const n of report.cityPage!.calls) expect(n).toBeGreaterThan(0);
  });

  it('runs several cashiers of one cooperative at once and counts the transaction attempts', () => {
    const c = report.contention!;
    expect(c.cashiers).toBeGreaterThan(1);
    expect(c.sales).toBeGreaterThan(0);
    expect(c.transactions).toBeGreaterThanOrEqual(c.sales);
    expect(c.cancelled).toBeLessThanOrEqual(c.transactions);
    expect(c.conflictRate).toBeCloseTo(c.cancelled / c.transactions, 6);
    // Every cashier sent at least one sale, and every sale of the unit writes the day's ledger balances.
    expect(c.transactions).toBeGreaterThanOrEqual(c.cashiers);
    expect(c.sharedItems.map((i) => i.item)).toEqual(expect.arrayContaining([expect.stringMatching(/^COOP#<id>#LEDGER \/ BD#\d{4}-\d{2}-\d{2}#1100#sembako$/)]));
    expect(c.overlapping).toBeLessThanOrEqual(c.transactions);
  });

  it('prices a month of one cooperative from the measured capacity units', () => {
    expect(report.costPerCooperativePerMonth).toBeGreaterThan(0);
    expect(stdout).toMatch(/^per cooperative per month: \$\d+\.\d{4}; 82,800 cooperatives: \$\d+ a month/m);
  });

  it('builds the real and the minimal Lambda bundle and starts each in a fresh Node 22 process', () => {
    const l = report.lambda!;
    expect(l.node).toMatch(/^22\./);
    expect(l.real.size).toBeGreaterThan(l.minimal.size);
    for (const b of [l.real, l.minimal]) {
      expect(b.gzipped).toBeGreaterThan(0);
      expect(b.gzipped).toBeLessThan(b.size);
      // Loaded at cold start is part of all files: the chunks loaded on demand come on top.
      expect(b.totalSize).toBeGreaterThanOrEqual(b.size);
      expect(b.totalGzipped).toBeGreaterThanOrEqual(b.gzipped);
      expect(b.coldStartMs).toBeGreaterThan(b.importMs);
      expect(b.samples).toBeGreaterThanOrEqual(1);
    }
    // The real bundle splits off what a cold start never needs (the ESC/POS encoder, the SES/SNS senders).
    expect(l.real.totalSize).toBeGreaterThan(l.real.size);
    expect(l.coldStartRatio).toBeCloseTo(l.real.coldStartMs / l.minimal.coldStartMs, 6);
  });
});
