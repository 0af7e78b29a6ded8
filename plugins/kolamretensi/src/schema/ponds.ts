import { isoDate, z, type Builder, type UnitSchemaKit } from '@kkmp/plugin-sdk';
import { createPond, listPonds, loadPond, pondGlobalId, pondInput, updatePond, updatePondInput, type Pond } from '../services/ponds';
import { pondStatus } from '../services/readings';
import { addSensor, addSensorInput, credentialGlobalId, credentialsOf, issueCredential, issueCredentialInput, revokeCredential, revokeCredentialInput, sensorGlobalId, sensorSchema, sensorsOf, type Sensor, type SensorCredential } from '../services/sensors';
import type { KolamSettings } from '../settings';
import type { Enums } from './enums';

export type PondView = Pond & { sensors: Sensor[] };

/** The pond (its works, thresholds and agreement), its gauges and their device credentials. */
export function registerPonds(b: Builder, unit: UnitSchemaKit<KolamSettings>, e: Enums) {
  const Pump = b.objectRef<Pond['pumps'][number]>('KolamretensiPump').implement({
    description: 'A pump of the pond.',
    fields: (t) => ({ name: t.exposeString('name', { description: 'Name, e.g. "Pompa 1".' }), capacityLps: t.exposeInt('capacityLps', { description: 'Capacity in litres per second.' }) }),
  });
  const Thresholds = b.objectRef<Pond['thresholds']>('KolamretensiThresholds').implement({
    description: 'Alert thresholds of the water level in cm: above each is that level.',
    fields: (t) => ({
      siaga3Cm: t.exposeInt('siaga3Cm', { description: 'Siaga 3 above this (cm).' }),
      siaga2Cm: t.exposeInt('siaga2Cm', { description: 'Siaga 2 above this (cm).' }),
      siaga1Cm: t.exposeInt('siaga1Cm', { description: 'Siaga 1 above this (cm).' }),
    }),
  });
  const Agreement = b.objectRef<Pond['agreement']>('KolamretensiAgreement').implement({
    description: 'The agreement with the city under which the cooperative runs the pond.',
    fields: (t) => ({
      number: t.exposeString('number', { description: 'Agreement number.' }),
      startDate: t.expose('startDate', { type: 'Date', description: 'First day of the term.' }),
      endDate: t.expose('endDate', { type: 'Date', description: 'Last day of the term.' }),
      revenueShareBps: t.exposeInt('revenueShareBps', { description: "The city's share of the pond's revenue in basis points (30% = 3000)." }),
      obligations: t.exposeStringList('obligations', { description: "The cooperative's obligations under it (maintenance, reports, ...)." }),
    }),
  });
  const Status = b.objectRef<ReturnType<typeof pondStatus>>('KolamretensiPondStatus').implement({
    description: "The pond's status now: the worst of its gauges' latest readings.",
    fields: (t) => ({
      level: t.field({ type: e.Status, description: 'Alert level.', resolve: (s) => s.status }),
      levelCm: t.exposeInt('levelCm', { nullable: true, description: 'That reading in cm (null before any reading).' }),
      at: t.expose('at', { type: 'DateTime', nullable: true, description: 'When it was read.' }),
    }),
  });
  const SensorRef = b.objectRef<Sensor>('KolamretensiSensor').implement({
    description: 'A water-level gauge of the pond, read by hand or a sensor posting with a device credential.',
    fields: (t) => ({
      id: t.id({ description: 'Sensor id (opaque; names its pond).', resolve: (s) => sensorGlobalId(s) }),
      name: t.exposeString('name', { description: 'Name, e.g. "Sensor inlet".' }),
      kind: t.field({ type: e.SensorKind, description: 'Manual or automatic.', resolve: (s) => s.kind }),
      readings: t.exposeInt('readings', { description: 'Readings stored.' }),
      latestLevelCm: t.int({ nullable: true, description: 'Latest reading in cm.', resolve: (s) => s.latest?.levelCm ?? null }),
      latestAt: t.field({ type: 'DateTime', nullable: true, description: 'When the latest reading was taken.', resolve: (s) => s.latest?.at ?? null }),
      latestLevel: t.field({ type: e.Status, nullable: true, description: 'Alert level of the latest reading.', resolve: (s) => s.latest?.status ?? null }),
    }),
  });
  const PondRef = b.objectRef<PondView>('KolamretensiPond').implement({
    description: 'A city retention pond (kolam retensi) the cooperative runs under an agreement: flood control first, a business second.',
    fields: (t) => ({
      id: t.id({ description: 'Pond id (opaque).', resolve: (p) => pondGlobalId(p) }),
      name: t.exposeString('name', { description: 'Name, e.g. "Kolam Retensi Sirnaraga".' }),
      location: t.exposeString('location', { description: 'Address or description of the site.' }),
      capacityM3: t.exposeInt('capacityM3', { description: 'Storage capacity in m³.' }),
      areaM2: t.exposeInt('areaM2', { description: 'Area in m².' }),
      pumps: t.field({ type: [Pump], description: 'Pumps.', resolve: (p) => p.pumps }),
      gates: t.exposeStringList('gates', { description: 'Gates (pintu air), by name.' }),
      thresholds: t.field({ type: Thresholds, description: 'Alert thresholds (cm).', resolve: (p) => p.thresholds }),
      agreement: t.field({ type: Agreement, description: 'The agreement with the city.', resolve: (p) => p.agreement }),
      sensors: t.field({ type: [SensorRef], description: 'Its gauges.', resolve: (p) => p.sensors }),
      status: t.field({ type: Status, description: 'Status now: the worst latest reading of its gauges.', resolve: (p) => pondStatus(p.sensors) }),
    }),
  });
  const Credential = b.objectRef<SensorCredential>('KolamretensiSensorCredential').implement({
    description: "A sensor's device credential: it may post readings for that sensor of its pond and nothing else.",
    fields: (t) => ({
      id: t.id({ description: 'Credential id (opaque).', resolve: (c) => credentialGlobalId(c) }),
      label: t.exposeString('label', { description: 'What the manager called it (the device, where it hangs).' }),
      sensorId: t.id({ description: 'The sensor it posts for.', resolve: (c) => sensorGlobalId({ pondId: c.pondId, id: c.sensorId }) }),
      issuedAt: t.expose('issuedAt', { type: 'DateTime', description: 'When issued.' }),
      revokedAt: t.expose('revokedAt', { type: 'DateTime', nullable: true, description: 'When revoked (refused from then on).' }),
      token: t.string({
        nullable: true,
        description: 'The secret to put in the device: `Authorization: Device <token>`. Shown once, in the response that issued it; null ever after (only its hash is stored).',
        resolve: (c, _a, ctx) => unit.revealedDeviceToken(ctx, c.credentialId),
      }),
    }),
  });

  const pumpInput = b.inputType('KolamretensiPumpInput', { description: 'A pump.', fields: (t) => ({ name: t.string({ required: true, description: 'Name.' }), capacityLps: t.int({ required: true, description: 'Litres per second.' }) }) });
  const thresholdsInput = b.inputType('KolamretensiThresholdsInput', { description: 'Alert thresholds in cm (Siaga 3 < Siaga 2 < Siaga 1).', fields: (t) => ({ siaga3Cm: t.int({ required: true, description: 'Siaga 3 above (cm).' }), siaga2Cm: t.int({ required: true, description: 'Siaga 2 above (cm).' }), siaga1Cm: t.int({ required: true, description: 'Siaga 1 above (cm).' }) }) });
  const agreementInput = b.inputType('KolamretensiAgreementInput', {
    description: 'The agreement with the city.',
    fields: (t) => ({
      number: t.string({ required: true, description: 'Agreement number.' }),
      startDate: t.field({ type: 'Date', required: true, description: 'First day.' }),
      endDate: t.field({ type: 'Date', required: true, description: 'Last day.' }),
      revenueShareBps: t.int({ required: true, description: "City's share in basis points (30% = 3000)." }),
      obligations: t.stringList({ required: false, description: 'Obligations.' }),
    }),
  });

  unit.mutation('createPond', {
    type: PondRef,
    description: 'Registers a pond the cooperative runs: its works, alert thresholds and the agreement with the city.',
    permission: 'kolamretensi:manage',
    input: (t) => ({
      name: t.string({ required: true, description: 'Name.' }),
      location: t.string({ required: true, description: 'Location.' }),
      capacityM3: t.int({ required: true, description: 'Capacity in m³.' }),
      areaM2: t.int({ required: true, description: 'Area in m².' }),
      pumps: t.field({ type: [pumpInput], required: false, description: 'Pumps.' }),
      gates: t.stringList({ required: false, description: 'Gates by name.' }),
      thresholds: t.field({ type: thresholdsInput, required: true, description: 'Alert thresholds.' }),
      agreement: t.field({ type: agreementInput, required: true, description: 'The agreement with the city.' }),
    }),
    schema: pondInput,
    resolve: async (input, u) => ({ ...(await createPond(u, input)), sensors: [] }),
  });
  unit.mutation('updatePond', {
    type: PondRef,
    description: 'New thresholds (for readings from now on) or a new agreement for a pond.',
    permission: 'kolamretensi:manage',
    input: (t) => ({
      pondId: t.id({ required: true, description: 'The pond.' }),
      thresholds: t.field({ type: thresholdsInput, required: false, description: 'New thresholds.' }),
      agreement: t.field({ type: agreementInput, required: false, description: 'The new agreement.' }),
    }),
    schema: updatePondInput,
    resolve: async (input, u) => {
      const pond = await updatePond(u, input);
      return { ...pond, sensors: await sensorsOf(u, pond.id) };
    },
  });
  unit.mutation('addSensor', {
    type: SensorRef,
    description: 'Adds a water-level gauge to a pond.',
    permission: 'kolamretensi:manage',
    input: (t) => ({ pondId: t.id({ required: true, description: 'The pond.' }), name: t.string({ required: true, description: 'Name.' }), kind: t.field({ type: e.SensorKind, required: true, description: 'Manual or automatic.' }) }),
    schema: addSensorInput,
    resolve: (input, u) => addSensor(u, input),
  });
  unit.mutation('issueSensorCredential', {
    type: Credential,
    description: "Issues a device credential for a sensor: it may post that sensor's readings and nothing else. The token is in this response only.",
    permission: 'kolamretensi:manage',
    input: (t) => ({ sensorId: t.id({ required: true, description: 'The sensor.' }), label: t.string({ required: true, description: 'What to call it.' }) }),
    schema: issueCredentialInput,
    resolve: (input, u) => issueCredential(u, input),
  });
  unit.mutation('revokeSensorCredential', {
    type: Credential,
    description: 'Revokes a device credential at once: its next request is refused.',
    permission: 'kolamretensi:manage',
    input: (t) => ({ credentialId: t.id({ required: true, description: 'The credential.' }) }),
    schema: revokeCredentialInput,
    resolve: (input, u) => revokeCredential(u, input),
  });
  unit.query('ponds', {
    type: [PondRef],
    description: "The cooperative's ponds with their status now.",
    permission: 'kolamretensi:read',
    resolve: async (_a, u) => {
      // Two queries for any number of ponds: the ponds, then every gauge, grouped here.
      const [ponds, sensors] = await Promise.all([listPonds(u), u.store.all(sensorSchema, ['SENSOR'])]);
      return ponds.map((p) => ({ ...p, sensors: sensors.filter((s) => s.pondId === p.id) }));
    },
  });
  unit.query('pond', {
    type: PondRef,
    description: 'One pond with its gauges and status now.',
    permission: 'kolamretensi:read',
    args: (t) => ({ pondId: t.id({ required: true, description: 'The pond.' }) }),
    resolve: async (a, u) => {
      const pond = await loadPond(u, String(a.pondId), 'pondId');
      return { ...pond, sensors: await sensorsOf(u, pond.id) };
    },
  });
  unit.query('sensorCredentials', {
    type: [Credential],
    description: "A pond's device credentials, revoked ones included (never their secrets).",
    permission: 'kolamretensi:manage',
    args: (t) => ({ pondId: t.id({ required: true, description: 'The pond.' }) }),
    resolve: async (a, u) => credentialsOf(u, (await loadPond(u, String(a.pondId), 'pondId')).id),
  });
  return { PondRef, SensorRef };
}

export const period = z.object({ pondId: z.string(), from: isoDate, to: isoDate });
