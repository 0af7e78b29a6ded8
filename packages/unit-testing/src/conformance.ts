import { ScanCommand } from '@aws-sdk/lib-dynamodb';
import { z } from 'zod';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { getNamedType, isLeafType, type GraphQLField } from 'graphql';
import { typePrefix, type AnyUnit } from '@kkmp/plugin-sdk';
import { buildHostSchema, ownsName, unitPartition } from '@kkmp/host';
import { sampleArgs } from './sample-args';
import { startUnitTestHost, type GqlResult, type UnitTestCooperative, type UnitTestHost } from './host';

export interface ConformanceOptions {
  /** Units the unit depends on, installed and enabled alongside it. */
  dependencies?: AnyUnit[];
}

/** The code an operation ended with: a typed error's code, the first GraphQL error's code, or OK. */
function codeOf(res: GqlResult, field: string): string {
  const value = res.data?.[field];
  if (value && typeof value === 'object' && typeof value.code === 'string' && String(value.__typename).endsWith('Error')) return value.code;
  const err = res.errors?.[0];
  if (err) return String(err.extensions?.code ?? 'ERROR');
  return 'OK';
}

/**
 * The conformance suite every unit runs in its own tests: naming rules, settings as JSON Schema with
 * per-field errors, the gate on every operation (not enabled, other tenant), the enable/disable round
 * trip with idempotent hooks, and storage confined to the unit's partition of its cooperative.
 */
export function describeUnitConformance(unit: AnyUnit, options: ConformanceOptions = {}): void {
  const units = [...(options.dependencies ?? []), unit];
  describe(`unit "${unit.id}" conformance`, () => {
    let host: UnitTestHost;
    let operations: { kind: 'query' | 'mutation'; field: GraphQLField<unknown, unknown> }[] = [];

    beforeAll(async () => {
      host = await startUnitTestHost(units);
      for (const dep of options.dependencies ?? []) {
        await host.enable(host.a, dep.id, dep.sampleSettings);
        await host.enable(host.b, dep.id, dep.sampleSettings);
      }
    }, 120_000);
    afterAll(() => host?.close());

    /** Token of someone in `coop` who holds the operation's permission: manager, else staff, else supervisor. */
    const holder = (op: (typeof operations)[number], coop: UnitTestCooperative) => {
      const permission = op.field.extensions?.kkmpPermission as string | undefined;
      const roles = (permission && unit.permissions[permission]?.roles) || ['COOP_MANAGER'];
      return roles.includes('COOP_MANAGER') ? coop.manager : roles.includes('COOP_STAFF') ? coop.staff : coop.supervisor;
    };

    const call = (op: (typeof operations)[number], coop: UnitTestCooperative, token: string) => {
      const args = sampleArgs(op.field.args, coop.id);
      const vars = op.field.args.map((a) => `$${a.name}: ${a.type.toString()}`).join(', ');
      const pass = op.field.args.map((a) => `${a.name}: $${a.name}`).join(', ');
      const selection = op.kind === 'mutation' ? '{ __typename ... on Error { code } }' : selectionOf(op.field);
      const doc = `${op.kind}${vars ? `(${vars})` : ''} { ${op.field.name}${pass ? `(${pass})` : ''} ${selection} }`;
      return host.gql(doc, args, token);
    };

    it('follows the naming rules and builds into one schema with the host', () => {
      const { schema } = buildHostSchema(units);
      const prefix = typePrefix(unit.id);
      const roots = [schema.getQueryType(), schema.getMutationType()].flatMap((t) => Object.values(t?.getFields() ?? {}));
      operations = [
        ...Object.values(schema.getQueryType()!.getFields()).filter((f) => ownsName(f.name, unit.id)).map((field) => ({ kind: 'query' as const, field })),
        ...Object.values(schema.getMutationType()!.getFields()).filter((f) => ownsName(f.name, unit.id)).map((field) => ({ kind: 'mutation' as const, field })),
      ];
      expect(operations.length, `${unit.id} adds at least one operation`).toBeGreaterThan(0);
      for (const f of roots.filter((r) => ownsName(r.name, unit.id))) expect(f.description, `${f.name} has a description`).toBeTruthy();
      const ownTypes = Object.keys(schema.getTypeMap()).filter((n) => ownsName(n, prefix));
      for (const name of ownTypes) expect(schema.getType(name)!.description, `type ${name} has a description`).toBeTruthy();
    });

    it('publishes its settings as JSON Schema and rejects bad settings field by field', async () => {
      const catalog = await host.gql(`{ unitCatalog { id settingsSchema sampleSettings } }`, {}, host.a.manager);
      const entry = catalog.data.unitCatalog.find((u: { id: string }) => u.id === unit.id);
      expect(entry, 'listed in unitCatalog').toBeTruthy();
      expect(entry.settingsSchema).toEqual(z.toJSONSchema(unit.settings, { io: 'input', unrepresentable: 'any' }));
      const bad = invalidSettings(entry.settingsSchema);
      if (!bad) return; // a unit without settings fields has nothing to reject
      const res = await host.gql(
        `mutation($input: UnitSettingsInput!) { enableUnit(input: $input) { __typename ... on ValidationError { code fields { field } } ... on Error { code } } }`,
        { input: { cooperativeId: host.a.id, unitId: unit.id, settings: bad.settings } },
        host.a.manager,
      );
      expect(res.data.enableUnit.code).toBe('VALIDATION');
      expect(res.data.enableUnit.fields.map((f: { field: string }) => f.field)).toContain(`input.settings.${bad.field}`);
    });

    it('refuses every operation with UNIT_NOT_ENABLED while the cooperative has not enabled it', async () => {
      for (const op of operations) {
        const res = await call(op, host.a, holder(op, host.a));
        expect(codeOf(res, op.field.name), `${op.field.name} while disabled`).toBe('UNIT_NOT_ENABLED');
      }
    });

    it('enables, disables and re-enables; hooks are idempotent and data stays', async () => {
      await host.enable(host.a, unit.id, unit.sampleSettings);
      const afterEnable = await unitItems(host, host.a.rawId, unit.id);
      const listed = await host.gql(
        `query($id: ID!) { cooperative(id: $id) { ... on Cooperative { units(includeDisabled: true) { unitId enabled settings } } } }`,
        { id: host.a.id },
        host.a.manager,
      );
      expect(listed.data.cooperative.units).toContainEqual({ unitId: unit.id, enabled: true, settings: unit.settings.parse(unit.sampleSettings) });
      await host.disable(host.a, unit.id);
      for (const op of operations) {
        expect(codeOf(await call(op, host.a, holder(op, host.a)), op.field.name), `${op.field.name} after disable`).toBe('UNIT_NOT_ENABLED');
      }
      await expect(host.disable(host.a, unit.id)).rejects.toThrow(/INVALID_STATE/);
      await host.enable(host.a, unit.id, unit.sampleSettings);
      expect(await unitItems(host, host.a.rawId, unit.id), 'onEnable/onDisable kept data and wrote nothing twice').toEqual(afterEnable);
    });

    it('admits no other tenant, and answers its own people without unexpected errors', async () => {
      for (const op of operations) {
        expect(codeOf(await call(op, host.a, holder(op, host.b)), op.field.name), `${op.field.name} by another cooperative's holder of the permission`).toBe('FORBIDDEN');
        expect(codeOf(await call(op, host.a, ''), op.field.name), `${op.field.name} without a token`).toBe('UNAUTHENTICATED');
        const own = codeOf(await call(op, host.a, holder(op, host.a)), op.field.name);
        expect(own, `${op.field.name} with minimal arguments must fail cleanly, if at all`).not.toMatch(/INTERNAL|ERROR/);
      }
    });

    it('keeps every item it writes in its own partition of its own cooperative', async () => {
      const items: Record<string, unknown>[] = [];
      let start: Record<string, unknown> | undefined;
      do {
        const res = await host.db.doc.send(new ScanCommand({ TableName: host.db.tableName, ...(start ? { ExclusiveStartKey: start } : {}) }));
        items.push(...(res.Items ?? []));
        start = res.LastEvaluatedKey;
      } while (start);
      const own = items.filter((i) => i.unit === unit.id);
      for (const item of own) expect([unitPartition(host.a.rawId, unit.id), unitPartition(host.b.rawId, unit.id)]).toContain(item.pk);
      const foreign = items.filter((i) => String(i.pk).includes(`#U#`) && i.unit !== undefined && !String(i.pk).endsWith(`#U#${String(i.unit)}`));
      expect(foreign).toEqual([]);
    });
  });
}

async function unitItems(host: UnitTestHost, coopId: string, unitId: string) {
  const { QueryCommand } = await import('@aws-sdk/lib-dynamodb');
  const res = await host.db.doc.send(
    new QueryCommand({ TableName: host.db.tableName, KeyConditionExpression: 'pk = :p', ExpressionAttributeValues: { ':p': unitPartition(coopId, unitId) } }),
  );
  return (res.Items ?? []).map((i) => `${String(i.pk)}|${String(i.sk)}`).sort();
}

/** A settings value with a wrong type in its first property, derived from the JSON Schema. */
function invalidSettings(schema: { properties?: Record<string, { type?: string | string[] }> }): { field: string; settings: Record<string, unknown> } | undefined {
  const [field, prop] = Object.entries(schema.properties ?? {})[0] ?? [];
  if (!field || !prop) return undefined;
  const type = Array.isArray(prop.type) ? prop.type[0] : prop.type;
  const wrong: Record<string, unknown> = { number: 'not-a-number', integer: 'not-a-number', string: 12345, boolean: 'maybe', array: 'not-a-list', object: 'not-an-object' };
  return { field, settings: { [field]: type && type in wrong ? wrong[type] : { invalid: true } } };
}

/** A selection that is valid for any return type: __typename, plus one scalar path when needed. */
function selectionOf(field: GraphQLField<unknown, unknown>): string {
  const type = getNamedType(field.type);
  return isLeafType(type) ? '' : '{ __typename }';
}
