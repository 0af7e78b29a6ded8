import { ValidationError, isoDate, msg, text, z, type UnitContext, type UnitMutationContext } from '@kkmp/plugin-sdk';
import { PARAMETER_LIST, type AirminumSettings, type Limit, type Parameter } from '../settings';
import { loadCompliance, saveCompliance } from './compliance';
import { addDays, daysBetween } from './dates';
import { DECIMAL, toMilli } from './decimal';

const resultSchema = z.object({ parameter: z.enum(PARAMETER_LIST), milli: z.number().int(), minMilli: z.number().int().optional(), maxMilli: z.number().int().optional(), within: z.boolean() });
export type TestResult = z.output<typeof resultSchema>;

/** A water test: the lab's results per parameter, judged against the limits in force when recorded. */
export const waterTestSchema = z.object({
  id: z.string(),
  sampledOn: z.string(),
  reportedOn: z.string(),
  lab: z.string(),
  reference: z.string().optional(),
  results: z.array(resultSchema),
  passed: z.boolean(),
  recordedAt: z.string(),
  recordedBy: z.string(),
});
export type WaterTest = z.output<typeof waterTestSchema>;
export const testKey = (t: Pick<WaterTest, 'sampledOn' | 'id'>) => ['TEST', t.sampledOn, t.id];

const value = z.string().trim().regex(DECIMAL, msg('must be a decimal number such as 0.3 (at most 3 decimals)', 'harus bilangan desimal seperti 0.3 (paling banyak 3 desimal)'));

export const recordTestInput = z
  .object({
    sampledOn: isoDate,
    reportedOn: isoDate.nullish(),
    lab: text(120),
    reference: text(80).nullish(),
    results: z.array(z.object({ parameter: z.enum(PARAMETER_LIST), value })).min(1).max(PARAMETER_LIST.length * 2),
  })
  .superRefine((v, ctx) => {
    const seen = new Set<string>();
    v.results.forEach((r, i) => {
      if (seen.has(r.parameter)) ctx.addIssue({ code: 'custom', path: ['results', i, 'parameter'], message: msg(`${r.parameter} is given twice`, `${r.parameter} diisi dua kali`) });
      seen.add(r.parameter);
    });
    const missing = PARAMETER_LIST.filter((p) => !seen.has(p));
    if (missing.length) ctx.addIssue({ code: 'custom', path: ['results'], message: msg(`every parameter is needed; missing: ${missing.join(', ')}`, `semua parameter wajib diisi; belum ada: ${missing.join(', ')}`) });
    if (v.reportedOn && v.reportedOn < v.sampledOn) ctx.addIssue({ code: 'custom', path: ['reportedOn'], message: msg('must not be before sampledOn', 'tidak boleh sebelum sampledOn') });
  });

/** One result against its limit: within when not below the minimum and not above the maximum. */
export function judge(parameter: Parameter, milli: number, limit: Limit): TestResult {
  const minMilli = limit.min !== undefined ? toMilli(limit.min) : undefined;
  const maxMilli = limit.max !== undefined ? toMilli(limit.max) : undefined;
  const within = (minMilli === undefined || milli >= minMilli) && (maxMilli === undefined || milli <= maxMilli);
  return { parameter, milli, ...(minMilli !== undefined ? { minMilli } : {}), ...(maxMilli !== undefined ? { maxMilli } : {}), within };
}

/**
 * Records a lab's results: each parameter judged against the limits in the settings, the test passed
 * only when all are within. From its report date the test is the one the sale gate goes by.
 */
export async function recordWaterTest(u: UnitMutationContext<AirminumSettings>, input: z.output<typeof recordTestInput>): Promise<WaterTest> {
  const today = u.today();
  const reportedOn = input.reportedOn ?? today;
  if (input.sampledOn > today) throw ValidationError.field('input.sampledOn', `must not be after today (${today})`, `tidak boleh setelah hari ini (${today})`);
  if (reportedOn > today) throw ValidationError.field('input.reportedOn', `must not be after today (${today})`, `tidak boleh setelah hari ini (${today})`);
  const results = input.results.map((r) => judge(r.parameter, toMilli(r.value), u.settings.limits[r.parameter]));
  const test: WaterTest = {
    id: u.newId(),
    sampledOn: input.sampledOn,
    reportedOn,
    lab: input.lab,
    ...(input.reference ? { reference: input.reference } : {}),
    results: PARAMETER_LIST.map((p) => results.find((r) => r.parameter === p)!),
    passed: results.every((r) => r.within),
    recordedAt: u.now().toISOString(),
    recordedBy: u.principal.userId,
  };
  const c = await loadCompliance(u);
  saveCompliance(u, c, { ...c, tests: [...c.tests, { id: test.id, sampledOn: test.sampledOn, reportedOn, passed: test.passed }] });
  u.writes.create(testKey(test), test);
  return test;
}

/** The next sample is due this long after the latest one. */
export const nextTestDue = (s: AirminumSettings, lastSampledOn: string): string => addDays(lastSampledOn, s.waterTestIntervalDays);

/** Longest period one list reads: a year and a day. */
export const MAX_LIST_DAYS = 366;

/** Tests sampled between two dates, in sample order, every page. */
export async function waterTests(u: UnitContext<unknown>, from: string, to: string): Promise<WaterTest[]> {
  if (to < from) throw ValidationError.field('to', 'must not be before from', 'tidak boleh sebelum from');
  if (daysBetween(from, to) > MAX_LIST_DAYS) throw ValidationError.field('to', `at most ${MAX_LIST_DAYS} days after from`, `paling lama ${MAX_LIST_DAYS} hari setelah from`);
  const out: WaterTest[] = [];
  let after: string | undefined;
  for (;;) {
    const page = await u.store.range(waterTestSchema, ['TEST', from], ['TEST', `${to}~`], { first: 100, ...(after ? { after } : {}) });
    out.push(...page.items);
    if (!page.hasNextPage || !page.endCursor) return out;
    after = page.endCursor;
  }
}
