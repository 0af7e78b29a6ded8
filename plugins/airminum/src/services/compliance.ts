import { BusinessRuleError, cond, update, z, type UnitContext, type UnitMutationContext } from '@kkmp/plugin-sdk';

/**
 * The depot's compliance as one item: what each sale gate decides by (SLHS certificates, water test
 * results, UV lamp status history), with a version every change raises. A sale reads it by key
 * (strongly consistent) and puts a condition on its version into the sale's own transaction, so a
 * change committed in between (the lamp marked down) makes the sale re-run and meet the closed gate.
 */
export const COMPLIANCE_KEY = ['COMPLIANCE'];

const certificate = z.object({ id: z.string(), number: z.string(), issuedOn: z.string(), expiresOn: z.string() });
const testOutcome = z.object({ id: z.string(), sampledOn: z.string(), reportedOn: z.string(), passed: z.boolean() });
export const LAMP_STATUSES = ['WORKING', 'DOWN'] as const;
export type LampStatus = (typeof LAMP_STATUSES)[number];
const lampEvent = z.object({ on: z.string(), at: z.string(), status: z.enum(LAMP_STATUSES) });
const lamp = z.object({ equipmentId: z.string(), name: z.string(), installedOn: z.string(), events: z.array(lampEvent) });

export const complianceSchema = z.object({
  version: z.number().int(),
  slhs: z.array(certificate).default([]),
  tests: z.array(testOutcome).default([]),
  lamps: z.array(lamp).default([]),
});
export type Compliance = z.output<typeof complianceSchema>;
export type Certificate = z.output<typeof certificate>;
export type TestOutcome = z.output<typeof testOutcome>;

/** History kept for dated gates: far more than any backdating window reaches. */
const KEEP = 60;

export const GATES = ['SLHS', 'WATER_TEST', 'UV_LAMP'] as const;
export type GateName = (typeof GATES)[number];

export interface GateState {
  gate: GateName;
  open: boolean;
  /** The rule a sale is refused under while closed (SLHS_NOT_VALID, WATER_TEST_FAILED, NO_WATER_TEST, UV_LAMP_DOWN, NO_UV_LAMP). */
  rule?: string;
  messageEn: string;
  messageId: string;
}

export async function loadCompliance(u: UnitContext<unknown>): Promise<Compliance> {
  return (await u.store.get(complianceSchema, ...COMPLIANCE_KEY)) ?? { version: 0, slhs: [], tests: [], lamps: [] };
}

/** Writes the next compliance state under the version read (a concurrent change re-runs the mutation); returns the new version. */
export function saveCompliance(u: UnitMutationContext<unknown>, read: Compliance, next: Omit<Compliance, 'version'>): number {
  const trimmed = { slhs: next.slhs.slice(-KEEP), tests: next.tests.slice(-KEEP), lamps: next.lamps.map((l) => ({ ...l, events: l.events.slice(-KEEP) })) };
  if (read.version === 0) u.writes.update(COMPLIANCE_KEY, setAll(trimmed, 1), cond.notExists('version'));
  else u.writes.replace(COMPLIANCE_KEY, trimmed, read.version);
  return read.version + 1;
}

/** The first write, when no compliance item exists yet (onEnable normally creates it). */
function setAll(v: Omit<Compliance, 'version'>, version: number) {
  return update().set('version', version).set('slhs', v.slhs).set('tests', v.tests).set('lamps', v.lamps);
}

function slhsGate(c: Compliance, date: string): GateState {
  const valid = c.slhs.find((s) => s.issuedOn <= date && date <= s.expiresOn);
  if (valid) return { gate: 'SLHS', open: true, messageEn: `SLHS ${valid.number} valid until ${valid.expiresOn}`, messageId: `SLHS ${valid.number} berlaku sampai ${valid.expiresOn}` };
  const lapsed = c.slhs.filter((s) => s.expiresOn < date).sort((a, b) => a.expiresOn.localeCompare(b.expiresOn)).at(-1);
  const en = lapsed ? `the hygiene certificate (SLHS) ${lapsed.number} expired on ${lapsed.expiresOn}` : `no hygiene certificate (SLHS) valid on ${date}`;
  const id = lapsed ? `sertifikat laik higiene sanitasi (SLHS) ${lapsed.number} habis berlaku pada ${lapsed.expiresOn}` : `tidak ada sertifikat laik higiene sanitasi (SLHS) yang berlaku pada ${date}`;
  return { gate: 'SLHS', open: false, rule: 'SLHS_NOT_VALID', messageEn: en, messageId: id };
}

/** The test in force on a date: the latest reported on or before it (the lab's report is when the depot knows). */
export function testInForce(c: Compliance, date: string): TestOutcome | undefined {
  return c.tests
    .filter((t) => t.reportedOn <= date)
    .sort((a, b) => a.reportedOn.localeCompare(b.reportedOn) || a.sampledOn.localeCompare(b.sampledOn) || a.id.localeCompare(b.id))
    .at(-1);
}

function testGate(c: Compliance, date: string): GateState {
  const t = testInForce(c, date);
  if (!t) return { gate: 'WATER_TEST', open: false, rule: 'NO_WATER_TEST', messageEn: `no water test reported by ${date}`, messageId: `belum ada hasil uji air sampai ${date}` };
  if (t.passed) return { gate: 'WATER_TEST', open: true, messageEn: `the water test of ${t.sampledOn} passed`, messageId: `uji air ${t.sampledOn} memenuhi syarat` };
  return { gate: 'WATER_TEST', open: false, rule: 'WATER_TEST_FAILED', messageEn: `the latest water test (sampled ${t.sampledOn}) failed`, messageId: `uji air terakhir (sampel ${t.sampledOn}) tidak memenuhi syarat` };
}

/** A lamp's status at the end of a date: its latest event on or before it (events are kept in the order they happened). */
export function lampStatusOn(l: Compliance['lamps'][number], date: string): LampStatus | undefined {
  return l.events.filter((e) => e.on <= date).at(-1)?.status;
}

function lampGate(c: Compliance, date: string): GateState {
  const installed = c.lamps.filter((l) => l.installedOn <= date);
  if (installed.length === 0) return { gate: 'UV_LAMP', open: false, rule: 'NO_UV_LAMP', messageEn: `no UV lamp installed by ${date}`, messageId: `belum ada lampu UV terpasang sampai ${date}` };
  const down = installed.find((l) => lampStatusOn(l, date) === 'DOWN');
  if (down) return { gate: 'UV_LAMP', open: false, rule: 'UV_LAMP_DOWN', messageEn: `the UV lamp "${down.name}" is down`, messageId: `lampu UV "${down.name}" mati` };
  return { gate: 'UV_LAMP', open: true, messageEn: 'UV lamps working', messageId: 'lampu UV menyala' };
}

/** Every gate on a business date, in the order a sale checks them. */
export function gatesOn(c: Compliance, date: string): GateState[] {
  return [slhsGate(c, date), testGate(c, date), lampGate(c, date)];
}

/** The first closed gate as the refusal of a sale: its rule, its name and both languages. */
export function gateRefusal(closed: GateState[], date: string): BusinessRuleError {
  const first = closed[0]!;
  return new BusinessRuleError(first.rule!, `no sales: ${first.messageEn}`, `tidak boleh menjual: ${first.messageId}`, {
    details: { gate: first.gate, date, closedGates: closed.map((g) => g.gate) },
  });
}

/** The version each sale decided by, for the sale to keep (the gate hook and beforeSale share the mutation's context). */
const decidedBy = new WeakMap<object, number>();
export const complianceVersionOf = (u: object): number | undefined => decidedBy.get(u);

/**
 * The sale gate (the commerce kit's `gate` hook): refuses while any gate is closed on the sale's
 * business date; otherwise conditions the sale's transaction on the compliance version it read.
 */
export async function complianceGate(u: UnitMutationContext<unknown>): Promise<void> {
  const c = await loadCompliance(u);
  const closed = gatesOn(c, u.businessDate).filter((g) => !g.open);
  if (closed.length > 0) throw gateRefusal(closed, u.businessDate);
  u.writes.check(COMPLIANCE_KEY, cond.eq('version', c.version));
  decidedBy.set(u, c.version);
}
