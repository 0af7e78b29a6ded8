import { encodeId, isoDate, z, type Builder, type UnitSchemaKit } from '@kkmp/plugin-sdk';
import { GATES, gatesOn, loadCompliance, type GateState } from '../services/compliance';
import { fromMilli } from '../services/decimal';
import { recordSlhs, recordSlhsInput, type Slhs } from '../services/slhs';
import { nextTestDue, recordTestInput, recordWaterTest, waterTests, type TestResult, type WaterTest } from '../services/watertests';
import { PARAMETERS, type AirminumSettings } from '../settings';

type Unit = UnitSchemaKit<AirminumSettings>;
type TestView = WaterTest & { nextDueOn: string };

/** The SLHS, water tests and the sale gates: `airminumRecordSlhs`, `airminumRecordWaterTest`, `airminumWaterTests`, `airminumCompliance`. */
export function registerCompliance(b: Builder, unit: Unit): void {
  const Parameter = b.enumType('AirminumParameter', { description: 'A parameter of the water-quality test.', values: Object.fromEntries(Object.entries(PARAMETERS).map(([k, d]) => [k, { description: d }])) as Record<keyof typeof PARAMETERS, { description: string }> });
  const Gate = b.enumType('AirminumGate', {
    description: 'A compliance gate every sale passes.',
    values: { SLHS: { description: 'A hygiene certificate (SLHS) valid on the date.' }, WATER_TEST: { description: 'The latest water test reported by the date passed.' }, UV_LAMP: { description: 'Every UV lamp in working order.' } } as const,
  });
  const SlhsRef = b.objectRef<Slhs>('AirminumSlhs').implement({
    description: 'A hygiene certificate (Sertifikat Laik Higiene Sanitasi) from the health office.',
    fields: (t) => ({
      id: t.id({ description: 'Certificate record id.', resolve: (s) => encodeId('AirminumSlhs', s.id) }),
      number: t.exposeString('number', { description: 'Certificate number.' }),
      issuer: t.exposeString('issuer', { description: 'Issuing health office.' }),
      issuedOn: t.expose('issuedOn', { type: 'Date', description: 'Valid from.' }),
      expiresOn: t.expose('expiresOn', { type: 'Date', description: 'Valid through (the last day sales may pass the SLHS gate).' }),
      inspectionScore: t.exposeInt('inspectionScore', { description: 'Inspection score (at least 70 of 100).' }),
    }),
  });
  const Result = b.objectRef<TestResult>('AirminumTestResult').implement({
    description: 'One parameter of a water test against its limit.',
    fields: (t) => ({
      parameter: t.field({ type: Parameter, description: 'The parameter.', resolve: (r) => r.parameter }),
      value: t.string({ description: 'The measured value (decimal text).', resolve: (r) => fromMilli(r.milli) }),
      min: t.string({ nullable: true, description: 'Lowest acceptable value then in force, if any.', resolve: (r) => (r.minMilli !== undefined ? fromMilli(r.minMilli) : null) }),
      max: t.string({ nullable: true, description: 'Highest acceptable value then in force, if any.', resolve: (r) => (r.maxMilli !== undefined ? fromMilli(r.maxMilli) : null) }),
      within: t.exposeBoolean('within', { description: 'Within the limit.' }),
    }),
  });
  const Test = b.objectRef<TestView>('AirminumWaterTest').implement({
    description: "A water-quality test: the lab's results per parameter, pass or fail from the limits in the settings.",
    fields: (t) => ({
      id: t.id({ description: 'Test id.', resolve: (w) => encodeId('AirminumWaterTest', w.sampledOn, w.id) }),
      sampledOn: t.expose('sampledOn', { type: 'Date', description: 'Sample date.' }),
      reportedOn: t.expose('reportedOn', { type: 'Date', description: 'Date of the lab report; from it the sale gate goes by this test.' }),
      lab: t.exposeString('lab', { description: 'Laboratory.' }),
      reference: t.exposeString('reference', { nullable: true, description: "The lab report's number." }),
      passed: t.exposeBoolean('passed', { description: 'Every parameter within its limit.' }),
      results: t.field({ type: [Result], description: 'Results per parameter.', resolve: (w) => w.results }),
      nextDueOn: t.expose('nextDueOn', { type: 'Date', description: 'Next sample due (sample date + the interval setting).' }),
    }),
  });
  const view = (s: AirminumSettings, w: WaterTest): TestView => ({ ...w, nextDueOn: nextTestDue(s, w.sampledOn) });
  const GateRef = b.objectRef<GateState>('AirminumGateState').implement({
    description: 'One gate on a date: open, or closed with the rule a sale is refused under.',
    fields: (t) => ({
      gate: t.field({ type: Gate, description: 'The gate.', resolve: (g) => g.gate }),
      open: t.exposeBoolean('open', { description: 'Sales may pass it.' }),
      rule: t.exposeString('rule', { nullable: true, description: 'While closed: SLHS_NOT_VALID, NO_WATER_TEST, WATER_TEST_FAILED, NO_UV_LAMP or UV_LAMP_DOWN.' }),
      messageEn: t.exposeString('messageEn', { description: 'Why, in English.' }),
      messageId: t.exposeString('messageId', { description: 'Why, in Indonesian.' }),
    }),
  });
  const ComplianceRef = b.objectRef<{ date: string; version: number; gates: GateState[] }>('AirminumCompliance').implement({
    description: 'Whether the depot may sell on a date, gate by gate.',
    fields: (t) => ({
      date: t.expose('date', { type: 'Date', description: 'The business date.' }),
      open: t.boolean({ description: 'Every gate open: sales allowed.', resolve: (c) => c.gates.every((g) => g.open) }),
      gates: t.field({ type: [GateRef], description: `The gates (${GATES.join(', ')}).`, resolve: (c) => c.gates }),
      version: t.exposeInt('version', { description: 'Compliance version: every change raises it; each sale records the version it passed under.' }),
    }),
  });

  unit.mutation('recordSlhs', {
    type: SlhsRef,
    description: 'Records a hygiene certificate (first or renewal); sales pass the SLHS gate from its issue date through its expiry.',
    permission: 'airminum:manage',
    businessEvent: false,
    input: (t) => ({
      number: t.string({ description: 'Certificate number.' }),
      issuer: t.string({ description: 'Issuing health office (Dinas Kesehatan).' }),
      issuedOn: t.field({ type: 'Date', required: true, description: 'Valid from.' }),
      expiresOn: t.field({ type: 'Date', required: true, description: 'Valid through.' }),
      inspectionScore: t.int({ description: 'Inspection score, at least 70.' }),
    }),
    schema: recordSlhsInput,
    resolve: (input, u) => recordSlhs(u, input),
  });
  const ResultInput = b.inputType('AirminumTestResultInput', {
    description: 'One measured parameter.',
    fields: (t) => ({ parameter: t.field({ type: Parameter, required: true, description: 'The parameter.' }), value: t.string({ required: true, description: 'Measured value as decimal text, e.g. "7.2" or "0.05" (at most 3 decimals).' }) }),
  });
  unit.mutation('recordWaterTest', {
    type: Test,
    description: "Records a lab's water test (all eight parameters); pass or fail from the limits in the settings. A failed test closes the WATER_TEST gate from its report date until a passing retest.",
    permission: 'airminum:manage',
    businessEvent: false,
    input: (t) => ({
      sampledOn: t.field({ type: 'Date', required: true, description: 'Sample date.' }),
      reportedOn: t.field({ type: 'Date', required: false, description: 'Lab report date (default today).' }),
      lab: t.string({ description: 'Laboratory.' }),
      reference: t.string({ required: false, description: "The lab report's number." }),
      results: t.field({ type: [ResultInput], required: true, description: 'Results, one per parameter.' }),
    }),
    schema: recordTestInput,
    resolve: async (input, u) => view(u.settings, await recordWaterTest(u, input)),
  });
  unit.query('waterTests', {
    type: [Test],
    description: 'Water tests sampled between two dates (at most 366 days apart), in sample order.',
    permission: 'airminum:read',
    args: (t) => ({ from: t({ type: 'Date', required: true, description: 'First sample date.' }), to: t({ type: 'Date', required: true, description: 'Last sample date.' }) }),
    schema: z.object({ from: isoDate, to: isoDate }),
    resolve: async (a, u) => (await waterTests(u, a.from, a.to)).map((w) => view(u.settings, w)),
  });
  unit.query('compliance', {
    type: ComplianceRef,
    description: 'Whether sales are allowed on a business date (today unless given), gate by gate.',
    permission: 'airminum:read',
    args: (t) => ({ date: t({ type: 'Date', required: false, description: 'Business date (default today).' }) }),
    schema: z.object({ date: isoDate.nullish() }),
    resolve: async (a, u) => {
      const c = await loadCompliance(u);
      const date = a.date ?? u.today();
      return { date, version: c.version, gates: gatesOn(c, date) };
    },
  });
}
