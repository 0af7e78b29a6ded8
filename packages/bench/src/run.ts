import { writeFileSync } from 'node:fs';
import { contention, contentionText, type ContentionResult } from './contention';
import { costText, monthlyCost } from './cost';
import { startBenchApi, startDynamo, type BenchApi } from './env';
import { lambdaBench, lambdaText, type LambdaResult } from './lambda/index';
import { measure, type Row, type RunSettings } from './measure';
import { recordRequest } from './record';
import { align, rowChecks, scaleTable, table, type Check } from './report';
import { CITY_PAGE, scenarios } from './scenarios';
import { FULL, QUICK, seedFixture, type Fixture } from './seed';

export interface BenchOptions {
  scale: number;
  json?: string;
  quick: boolean;
  /** Scenario names, `contention`, `lambda`; empty means everything. */
  only: string[];
}

/** What --json writes. */
export interface BenchReport {
  scale: number;
  quick: boolean;
  settings: RunSettings;
  rows: Row[];
  cityPage?: { cooperatives: number[]; calls: number[] };
  contention?: ContentionResult;
  lambda?: LambdaResult;
  /** Request costs of one cooperative a month at the stated mix and prices (src/cost.ts). */
  costPerCooperativePerMonth?: number;
  checks: Check[];
}

export const EXTRA_SECTIONS = ['contention', 'lambda'];

/** The whole bench: DynamoDB Local, the API on loopback, the data sets, the scenarios, contention, the Lambda. */
export async function runBench(opts: BenchOptions, print: (line: string) => void = console.log): Promise<BenchReport> {
  const settings: RunSettings = opts.quick ? { concurrency: 10, rounds: 1, roundMs: 300, warmup: 1 } : { concurrency: 10, rounds: 3, roundMs: 1500, warmup: 5 };
  const wants = (name: string) => opts.only.length === 0 || opts.only.includes(name);
  const scales = opts.scale > 1 ? [1, opts.scale] : [1];
  const report: BenchReport = { scale: opts.scale, quick: opts.quick, settings, rows: [], checks: [] };
  const started = performance.now();
  const ddb = await startDynamo();
  try {
    const byScale = new Map<number, Row[]>();
    for (const scale of scales) {
      const api = await startBenchApi(ddb.endpoint, new Date());
      try {
        const f = await seedFixture(api, opts.quick ? QUICK : FULL, scale);
        print(`\n== ${scale}x data: ${f.counts.cooperatives} cooperatives, ${f.counts.members} members, ${f.counts.products} products, ${f.counts.loans} loans (seeded through the API in ${f.seedSeconds.toFixed(0)} s)`);
        const rows: Row[] = [];
        for (const s of scenarios(f).filter((x) => wants(x.name))) {
          // Progress on stderr: the table on stdout stays clean for a file.
          process.stderr.write(`  ${scale}x ${s.name}...\n`);
          rows.push(await measure(api, s, scale, settings));
        }
        byScale.set(scale, rows);
        report.rows.push(...rows);
        if (rows.length) print(table(rows));
        if (scale === 1 && wants('city-20')) report.cityPage = await cityPageCalls(api, f, print);
        if (scale === 1 && wants('contention')) {
          report.contention = await contention(api, f, opts.quick ? 4 : 8, opts.quick ? 400 : 3000);
          print(`\n== Contention: several cashiers of one cooperative\n${contentionText(report.contention)}`);
        }
        if (scale === 1 && wants('lambda')) {
          print('\n== Lambda');
          report.lambda = await lambdaBench({ endpoint: ddb.endpoint, tableName: api.db.tableName, cooperativeId: f.cooperativeId }, opts.quick ? 1 : 10);
          print(lambdaText(report.lambda));
        }
      } finally {
        await api.close();
      }
    }
    report.checks = report.rows.flatMap((r) => rowChecks(r).map((c) => ({ target: `${r.scenario} (${r.scale}x): ${c.target}`, pass: c.pass })));
    if (report.cityPage) report.checks.push({ target: 'city page: calls independent of the number of cooperatives on it', pass: new Set(report.cityPage.calls).size === 1 });
    if (report.lambda) {
      report.checks.push({ target: 'Lambda bundle loaded at cold start <= 1.2 MB minified', pass: report.lambda.real.size <= 1_200_000 });
      report.checks.push({ target: "Lambda cold start <= 1.5x the minimal bundle's", pass: report.lambda.coldStartRatio <= 1.5 });
    }
    const oneX = byScale.get(1) ?? [];
    if (oneX.some((r) => r.kind !== 'trivial')) {
      print(`\n== Cost per cooperative per month (1x calls and capacity units, src/cost.ts mix)\n${costText(oneX)}`);
      report.costPerCooperativePerMonth = monthlyCost(oneX).total;
    }
    if (scales.length > 1) {
      const { text, checks } = scaleTable(byScale.get(1)!, byScale.get(opts.scale)!, opts.scale);
      print(`\n== 1x -> ${opts.scale}x data\n${text}`);
      report.checks.push(...checks);
    }
    const passed = report.checks.filter((c) => c.pass).length;
    print(`\nTargets: ${passed} of ${report.checks.length} PASS (${((performance.now() - started) / 1000).toFixed(0)} s; concurrency ${settings.concurrency}, medians of ${settings.rounds} round(s) of ${settings.roundMs / 1000} s)`);
    if (opts.json) writeFileSync(opts.json, `${JSON.stringify(report, null, 2)}\n`);
    return report;
  } finally {
    await ddb.stop();
  }
}

/** The city page's DynamoDB calls for pages of different sizes, each request alone: the same whatever the size. */
async function cityPageCalls(api: BenchApi, f: Fixture, print: (line: string) => void): Promise<{ cooperatives: number[]; calls: number[] }> {
  const sizes = [...new Set([1, Math.ceil(f.counts.cooperatives / 2), f.counts.cooperatives].map((n) => Math.min(n, 20)))];
  const calls: number[] = [];
  for (const first of sizes) {
    const body = JSON.stringify({ query: CITY_PAGE, variables: { id: f.cityId, first, asOf: f.today } });
    const { result, recording } = await recordRequest(api.db, () => api.http.post(body, { authorization: `Bearer ${f.cityToken}` }));
    if (result.status !== 200 || result.body.includes('"errors"')) throw new Error(`bench: city page of ${first}: ${result.body.slice(0, 300)}`);
    calls.push(recording.log.total);
  }
  print(`\ncity page, DynamoDB calls per request by cooperatives on the page:\n${align([sizes.map(String), calls.map(String)])}`);
  return { cooperatives: sizes, calls };
}
