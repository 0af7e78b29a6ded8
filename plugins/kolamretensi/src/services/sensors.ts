import { ForbiddenError, NotFoundError, decodeId, encodeId, text, z, type UnitContext, type UnitMutationContext } from '@kkmp/plugin-sdk';
import type { KolamSettings } from '../settings';
import { STATUSES } from './levels';
import { loadPond, pondKey, pondSchema } from './ponds';

/**
 * A water-level gauge of a pond: a staff gauge read by hand (MANUAL) or a sensor that posts with a
 * device credential (AUTOMATIC). Its item also guards its stream of readings: every batch replaces it
 * at the version it read, so two batches of one sensor never compute alerts from the same stale view.
 */
export const sensorSchema = z.object({
  id: z.string(),
  pondId: z.string(),
  name: z.string(),
  kind: z.enum(['MANUAL', 'AUTOMATIC']),
  latest: z.object({ at: z.string(), levelCm: z.number().int(), status: z.enum(STATUSES) }).optional(),
  readings: z.number().int().default(0),
  version: z.number().int(),
});
export type Sensor = z.output<typeof sensorSchema>;
export const sensorKey = (pondId: string, sensorId: string) => ['SENSOR', pondId, sensorId];
const SENSOR_TYPE = 'KolamretensiSensor';
export const sensorGlobalId = (s: { pondId: string; id: string }) => encodeId(SENSOR_TYPE, s.pondId, s.id);

export const addSensorInput = z.object({ pondId: z.string(), name: text(80), kind: z.enum(['MANUAL', 'AUTOMATIC']) });

export async function addSensor(u: UnitMutationContext<KolamSettings>, input: z.output<typeof addSensorInput>): Promise<Sensor> {
  const pond = await loadPond(u, input.pondId, 'input.pondId');
  const sensor: Sensor = { id: u.newId(), pondId: pond.id, name: input.name, kind: input.kind, readings: 0, version: 1 };
  u.writes.create(sensorKey(pond.id, sensor.id), sensor);
  return sensor;
}

/** A sensor by its public id (which names its pond), or NotFoundError. */
export const sensorIdOf = (publicId: string, field: string) => decodeId(publicId, SENSOR_TYPE, field, 2) as [string, string];

export async function loadSensor(u: UnitContext<KolamSettings>, publicId: string, field: string): Promise<Sensor> {
  const [pondId, sensorId] = sensorIdOf(publicId, field);
  const sensor = await u.store.get(sensorSchema, ...sensorKey(pondId, sensorId));
  if (!sensor) throw new NotFoundError(SENSOR_TYPE, publicId, field);
  return sensor;
}

export const sensorsOf = (u: UnitContext<KolamSettings>, pondId: string) => u.store.all(sensorSchema, ['SENSOR', pondId]);

/** The unit's own record of a credential it issued (the host keeps the hash; this lists them per pond). */
export const credentialSchema = z.object({
  credentialId: z.string(),
  pondId: z.string(),
  sensorId: z.string(),
  label: z.string(),
  issuedAt: z.string(),
  issuedBy: z.string(),
  revokedAt: z.string().optional(),
  version: z.number().int(),
});
export type SensorCredential = z.output<typeof credentialSchema>;
const credentialKey = (pondId: string, credentialId: string) => ['CREDENTIAL', pondId, credentialId];
const CREDENTIAL_TYPE = 'KolamretensiSensorCredential';
export const credentialGlobalId = (c: SensorCredential) => encodeId(CREDENTIAL_TYPE, c.pondId, c.credentialId);

export const issueCredentialInput = z.object({ sensorId: z.string(), label: text(80) });

/** A device credential for an AUTOMATIC sensor: it may post readings for that sensor, of that pond, and nothing else. */
export async function issueCredential(u: UnitMutationContext<KolamSettings>, input: z.output<typeof issueCredentialInput>): Promise<SensorCredential> {
  const sensor = await loadSensor(u, input.sensorId, 'input.sensorId');
  const issued = await u.devices.issue({ label: input.label, scope: { pondId: sensor.pondId, sensorId: sensor.id } });
  const record: SensorCredential = { credentialId: issued.credentialId, pondId: sensor.pondId, sensorId: sensor.id, label: issued.label, issuedAt: issued.issuedAt, issuedBy: issued.issuedBy, version: 1 };
  u.writes.create(credentialKey(sensor.pondId, record.credentialId), record);
  return record;
}

export const revokeCredentialInput = z.object({ credentialId: z.string() });

export async function revokeCredential(u: UnitMutationContext<KolamSettings>, input: z.output<typeof revokeCredentialInput>): Promise<SensorCredential> {
  const [pondId, credentialId] = decodeId(input.credentialId, CREDENTIAL_TYPE, 'input.credentialId', 2) as [string, string];
  const record = await u.store.get(credentialSchema, ...credentialKey(pondId, credentialId));
  if (!record) throw new NotFoundError(CREDENTIAL_TYPE, input.credentialId, 'input.credentialId');
  if (record.revokedAt) return record;
  const revoked = await u.devices.revoke(credentialId);
  const next: SensorCredential = { ...record, revokedAt: revoked.revokedAt!, version: record.version + 1 };
  u.writes.replace(credentialKey(pondId, credentialId), next, record.version);
  return next;
}

export const credentialsOf = (u: UnitContext<KolamSettings>, pondId: string) => u.store.all(credentialSchema, ['CREDENTIAL', pondId]);

/** A device may post only for the sensor (and pond) its credential was issued for. */
export function holdDeviceToSensor(u: UnitContext<KolamSettings>, sensor: Sensor): void {
  if (!u.device) return;
  if (u.device.scope.pondId !== sensor.pondId || u.device.scope.sensorId !== sensor.id) {
    throw new ForbiddenError('kolamretensi:record', { en: "this device may post readings only for its own pond's sensor", id: 'perangkat ini hanya boleh mengirim bacaan untuk sensor kolamnya sendiri' });
  }
}

export { pondKey, pondSchema };
