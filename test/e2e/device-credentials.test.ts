import { createHash } from 'node:crypto';
import { ScanCommand } from '@aws-sdk/lib-dynamodb';
import { getNamedType, isLeafType, parse, validate, type GraphQLField } from 'graphql';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { installedUnits } from '@kkmp/api';
import { buildHostSchema } from '@kkmp/host';
import { sampleArgs } from '@kkmp/unit-testing';
import { startTestApi, type TestApi } from '../support/api';
import { cityWithCoop } from '../support/fixtures';

/**
 * A sensor's device credential (issue 16): it may post readings for its own sensor of its own pond and
 * do nothing else in the whole schema; a revoked one is refused; its secret is shown once and stored
 * only as a hash.
 */
let api: TestApi;
let f: Awaited<ReturnType<typeof cityWithCoop>>;
let other: Awaited<ReturnType<typeof cityWithCoop>>;
const ids = { pond: '', sensor: '', otherSensor: '', credential: '', token: '' };

const POND = {
  location: 'Kota Bandung', capacityM3: 19_473, areaM2: 8_200, pumps: [{ name: 'Pompa 1', capacityLps: 450 }], gates: ['Pintu outlet'],
  thresholds: { siaga3Cm: 750, siaga2Cm: 850, siaga1Cm: 950 },
  agreement: { number: 'PKS/1/2026', startDate: '2026-01-01', endDate: '2030-12-31', revenueShareBps: 3_000 },
};

async function send(query: string, variables: Record<string, unknown>, authorization?: string) {
  const res = await fetch(api.url, { method: 'POST', headers: { 'content-type': 'application/json', ...(authorization ? { authorization } : {}) }, body: JSON.stringify({ query, variables }) });
  return { status: res.status, body: (await res.json()) as any };
}
const device = (token = ids.token) => `Device ${token}`;
async function mutate(field: string, input: Record<string, unknown>, authorization: string, select = '__typename') {
  const type = `${field[0]!.toUpperCase()}${field.slice(1)}`;
  return send(`mutation($input: ${type}Input!) { ${field}(input: $input) { __typename ... on ${type}Success { data { ${select} } } ... on Error { code messageEn messageId } } }`, { input: { cooperativeId: f.coopId, ...input } }, authorization);
}
const post = (sensorId: string, authorization: string, levelCm = 760, at = '2026-03-16T01:00:00Z') =>
  mutate('kolamretensiRecordReadings', { sensorId, readings: [{ at, levelCm }] }, authorization, 'stored latestLevel');

async function scanAll(): Promise<Record<string, unknown>[]> {
  const items: Record<string, unknown>[] = [];
  let start: Record<string, unknown> | undefined;
  do {
    const res = await api.db.doc.send(new ScanCommand({ TableName: api.db.tableName, ...(start ? { ExclusiveStartKey: start } : {}) }));
    items.push(...(res.Items ?? []));
    start = res.LastEvaluatedKey;
  } while (start);
  return items;
}

beforeAll(async () => {
  api = await startTestApi({ now: '2026-03-16T02:00:00Z' });
  f = await cityWithCoop(api, 'Kota Kolam');
  other = await cityWithCoop(api, 'Kota Lain');
  const manager = `Bearer ${f.manager}`;
  const on = await send(`mutation($input: UnitSettingsInput!) { enableUnit(input: $input) { __typename } }`, { input: { cooperativeId: f.coopId, unitId: 'kolamretensi', settings: {} } }, manager);
  expect(on.body.data.enableUnit.__typename).toBe('EnableUnitSuccess');
  const pond = async (name: string) => (await mutate('kolamretensiCreatePond', { name, ...POND }, manager, 'id')).body.data.kolamretensiCreatePond.data.id as string;
  const sensor = async (pondId: string) => (await mutate('kolamretensiAddSensor', { pondId, name: 'Sensor', kind: 'AUTOMATIC' }, manager, 'id')).body.data.kolamretensiAddSensor.data.id as string;
  ids.pond = await pond('Kolam Retensi Sirnaraga');
  ids.sensor = await sensor(ids.pond);
  ids.otherSensor = await sensor(await pond('Kolam Retensi Gedebage'));
  const issued = await mutate('kolamretensiIssueSensorCredential', { sensorId: ids.sensor, label: 'Sensor ultrasonik inlet', idempotencyKey: 'issue-sensor-credential-1' }, manager, 'id token');
  ids.credential = issued.body.data.kolamretensiIssueSensorCredential.data.id;
  ids.token = issued.body.data.kolamretensiIssueSensorCredential.data.token;
}, 60_000);
afterAll(() => api?.close());

describe('device credential of a water-level sensor', () => {
  it('is shown once and stored only as a SHA-256 hash of its secret', async () => {
    expect(ids.token).toMatch(/^[0-9A-HJKMNP-TV-Z]{26}\.[A-Za-z0-9_-]{43}$/);
    const [credentialId, secret] = ids.token.split('.') as [string, string];
    // A replay of the issuing request answers the same credential, without the token.
    const replay = await mutate('kolamretensiIssueSensorCredential', { sensorId: ids.sensor, label: 'Sensor ultrasonik inlet', idempotencyKey: 'issue-sensor-credential-1' }, `Bearer ${f.manager}`, 'id token');
    expect(replay.body.data.kolamretensiIssueSensorCredential.data).toEqual({ id: ids.credential, token: null });
    const listed = await send(`query($c: ID!, $p: ID!) { kolamretensiSensorCredentials(cooperativeId: $c, pondId: $p) { id token revokedAt } }`, { c: f.coopId, p: ids.pond }, `Bearer ${f.manager}`);
    expect(listed.body.data.kolamretensiSensorCredentials).toEqual([{ id: ids.credential, token: null, revokedAt: null }]);
    const items = await scanAll();
    expect(items.filter((i) => JSON.stringify(i).includes(secret)), 'the secret is nowhere in the table').toEqual([]);
    const stored = items.find((i) => i.credentialId === credentialId && i.secretHash);
    expect(stored?.secretHash).toBe(createHash('sha256').update(secret).digest('hex'));
  });

  it("posts readings for its own sensor; the reading and the audit log name the device", async () => {
    const res = await post(ids.sensor, device());
    expect(res.body.data.kolamretensiRecordReadings).toEqual({ __typename: 'KolamretensiRecordReadingsSuccess', data: { stored: 1, latestLevel: 'SIAGA_3' } });
    const read = await send(`query($c: ID!, $s: ID!) { kolamretensiReadings(cooperativeId: $c, sensorId: $s, from: "2026-03-16T00:00:00Z", to: "2026-03-16T23:00:00Z") { items { levelCm recordedBy } } }`, { c: f.coopId, s: ids.sensor }, `Bearer ${f.manager}`);
    const [credentialId] = ids.token.split('.');
    expect(read.body.data.kolamretensiReadings.items).toEqual([{ levelCm: 760, recordedBy: `device:${credentialId}` }]);
    const audit = await send(`query($c: ID!) { cooperative(id: $c) { ... on Cooperative { auditLog(first: 5) { edges { node { operation actorUserId actorRole outcome } } } } } }`, { c: f.coopId }, `Bearer ${f.manager}`);
    expect(audit.body.data.cooperative.auditLog.edges.map((e: any) => e.node)).toContainEqual({ operation: 'kolamretensiRecordReadings', actorUserId: `device:${credentialId}`, actorRole: 'DEVICE', outcome: 'OK' });
  });

  it("is refused on another pond's sensor and in another cooperative", async () => {
    const res = await post(ids.otherSensor, device());
    expect(res.body.data.kolamretensiRecordReadings.code).toBe('FORBIDDEN');
    const elsewhere = await send(`mutation($input: KolamretensiRecordReadingsInput!) { kolamretensiRecordReadings(input: $input) { __typename ... on Error { code } } }`, { input: { cooperativeId: other.coopId, sensorId: ids.sensor, readings: [{ at: '2026-03-16T01:10:00Z', levelCm: 700 }] } }, device());
    expect(elsewhere.body.data.kolamretensiRecordReadings.code).toBe('FORBIDDEN');
  });

  it('is refused on every other operation of the schema, enumerated from it, and writes nothing', async () => {
    const { schema } = buildHostSchema(installedUnits);
    const ops: { kind: 'query' | 'mutation'; field: GraphQLField<unknown, unknown> }[] = [
      ...Object.values(schema.getQueryType()!.getFields()).map((field) => ({ kind: 'query' as const, field })),
      ...Object.values(schema.getMutationType()!.getFields()).map((field) => ({ kind: 'mutation' as const, field })),
    ].filter((op) => op.field.name !== 'kolamretensiRecordReadings');
    expect(ops.length).toBeGreaterThan(150);
    const before = (await scanAll()).length;
    const outcomes: Record<string, string> = {};
    for (const op of ops) {
      const vars = op.field.args.map((a) => `$${a.name}: ${a.type.toString()}`).join(', ');
      const pass = op.field.args.map((a) => `${a.name}: $${a.name}`).join(', ');
      const doc = `${op.kind}${vars ? `(${vars})` : ''} { ${op.field.name}${pass ? `(${pass})` : ''} ${isLeafType(getNamedType(op.field.type)) ? '' : '{ __typename }'} }`;
      // A well-formed request, so the refusal is the device rule's and not a malformed query's.
      expect(validate(schema, parse(doc)), doc).toEqual([]);
      const res = await send(doc, sampleArgs(op.field.args, f.coopId), device());
      outcomes[op.field.name] = `${res.status} ${res.body.errors?.[0]?.extensions?.code ?? 'ANSWERED'}`;
    }
    expect(Object.entries(outcomes).filter(([, o]) => o !== '403 FORBIDDEN')).toEqual([]);
    expect((await scanAll()).length, 'nothing written').toBe(before);
    // Introspection is refused too: a device learns nothing of the schema.
    expect((await send('{ __schema { queryType { name } } }', {}, device())).status).toBe(403);
  });

  it('is refused once revoked (and a wrong secret never works)', async () => {
    const revoked = await mutate('kolamretensiRevokeSensorCredential', { credentialId: ids.credential }, `Bearer ${f.manager}`, 'revokedAt');
    expect(revoked.body.data.kolamretensiRevokeSensorCredential.data.revokedAt).toBe('2026-03-16T02:00:00.000Z');
    const res = await post(ids.sensor, device(), 770, '2026-03-16T01:20:00Z');
    expect(res.status).toBe(401);
    expect(res.body.errors[0].extensions).toMatchObject({ code: 'UNAUTHENTICATED', messageId: 'kredensial perangkat ini tidak dikenal atau sudah dicabut' });
    const [credentialId] = ids.token.split('.');
    expect((await post(ids.sensor, device(`${credentialId}.${'A'.repeat(43)}`))).status).toBe(401);
  });
});
