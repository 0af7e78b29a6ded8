// The three functions the unit-set check uses, not semver's index (which loads every function and range
// helper: about 20 KiB more in the Lambda bundle).
import satisfies from 'semver/functions/satisfies.js';
import valid from 'semver/functions/valid.js';
import validRange from 'semver/ranges/valid.js';
import type { Builder } from '@kkmp/plugin-sdk';
import { SDK_VERSION, typePrefix, type AnyUnit } from '@kkmp/plugin-sdk';

/** The installed plugin set is unusable; the message lists every problem with the unit it concerns. */
export class UnitSetError extends Error {
  constructor(readonly problems: string[]) {
    super(`invalid unit plugin set:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
    this.name = 'UnitSetError';
  }
}

const ID = /^[a-z][a-z0-9]{1,23}$/;

/** Checks that need no schema: ids, versions, dependencies, permission names. */
export function checkUnitSet(units: readonly AnyUnit[], hostVersion = SDK_VERSION): string[] {
  const problems: string[] = [];
  const ids = new Map<string, number>();
  for (const u of units) ids.set(u.id, (ids.get(u.id) ?? 0) + 1);
  for (const [id, n] of ids) if (n > 1) problems.push(`unit id "${id}" is installed ${n} times`);
  for (const u of units) {
    if (!ID.test(u.id)) problems.push(`unit id "${u.id}" must be 2-24 lowercase letters or digits, starting with a letter`);
    if (!valid(u.version)) problems.push(`${u.id}: version "${u.version}" is not semver`);
    if (!validRange(u.compatibility)) {
      problems.push(`${u.id}: compatibility "${u.compatibility}" is not a semver range`);
    } else if (!satisfies(hostVersion, u.compatibility)) {
      problems.push(`${u.id}: needs host ${u.compatibility}, this host is ${hostVersion}`);
    }
    for (const dep of u.dependsOn ?? []) {
      if (!ids.has(dep)) problems.push(`${u.id}: depends on "${dep}", which is not installed`);
      if (dep === u.id) problems.push(`${u.id}: depends on itself`);
    }
    for (const name of Object.keys(u.permissions)) {
      if (!name.startsWith(`${u.id}:`) || name.length <= u.id.length + 1) {
        problems.push(`${u.id}: permission "${name}" must be named "${u.id}:<action>"`);
      }
    }
    const sample = u.settings.safeParse(u.sampleSettings);
    if (!sample.success) problems.push(`${u.id}: sampleSettings do not match its settings schema: ${sample.error.issues[0]?.message}`);
  }
  for (const cycle of findCycles(units)) problems.push(`dependency cycle: ${cycle.join(' -> ')}`);
  return problems;
}

function findCycles(units: readonly AnyUnit[]): string[][] {
  const deps = new Map(units.map((u) => [u.id, u.dependsOn ?? []]));
  const cycles: string[][] = [];
  const state = new Map<string, 'visiting' | 'done'>();
  const visit = (id: string, path: string[]) => {
    if (state.get(id) === 'done') return;
    if (state.get(id) === 'visiting') {
      cycles.push([...path.slice(path.indexOf(id)), id]);
      return;
    }
    state.set(id, 'visiting');
    for (const d of deps.get(id) ?? []) if (deps.has(d)) visit(d, [...path, id]);
    state.set(id, 'done');
  };
  for (const id of deps.keys()) visit(id, []);
  return cycles;
}

/**
 * Whether a name belongs to a unit: its prefix, then a capital or digit (or nothing). "Lp" does not own
 * "LpgSale": the capital rule keeps units whose ids share a beginning out of each other's names.
 */
export function ownsName(name: string, prefix: string): boolean {
  return name === prefix || (name.startsWith(prefix) && /[A-Z0-9]/.test(name.charAt(prefix.length)));
}

const TYPE_METHODS = new Set([
  'objectType',
  'objectRef',
  'interfaceType',
  'interfaceRef',
  'inputType',
  'inputRef',
  'enumType',
  'unionType',
  'scalarType',
  'addScalarType',
]);

type FieldsFn = (t: unknown) => Record<string, unknown>;

/** Who adds types through a watched builder: a unit, or a kit's shared types (see shared-types.ts). */
export interface TypeOwner {
  /** The unit id, or "kit <Prefix>": names the owner in problems and in the claims. */
  id: string;
  /** Every type name it registers must start with this. */
  prefix: string;
  /** Prefix of the fields it may add to types it does not own (a unit's id); a kit may add none. */
  fieldPrefix?: string;
}

/** Owner ids of kits start with this, so a unit id (lowercase letters and digits) can never be one. */
export const KIT_OWNER = 'kit ';

export const unitOwner = (unit: AnyUnit): TypeOwner => ({ id: unit.id, prefix: typePrefix(unit.id), fieldPrefix: unit.id });

/**
 * The builder a unit's schema() receives: the shared builder, watched. Type names must start with the
 * owner's prefix; root fields and fields added to types the owner does not own must start with the unit's
 * id and may not shadow a field that is already there; a kit's shared types take no fields from anyone
 * else. Problems are collected and reported together.
 */
export function watchBuilder(
  builder: Builder,
  owner: TypeOwner,
  existingFields: ReadonlyMap<string, ReadonlySet<string>>,
  claimed: Map<string, string>,
  problems: string[],
): Builder {
  const { prefix } = owner;
  const checkType = (name: unknown) => {
    if (typeof name !== 'string') return;
    if (!ownsName(name, prefix)) problems.push(`${owner.id}: type "${name}" must start with "${prefix}" followed by a capital (e.g. ${prefix}Item)`);
    const claimer = claimed.get(`type:${name}`);
    if (claimer && claimer !== owner.id) problems.push(`${owner.id}: type "${name}" is already defined by ${claimer}`);
    claimed.set(`type:${name}`, owner.id);
  };
  const checkField = (typeName: string, field: string) => {
    const typeOwner = claimed.get(`type:${typeName}`);
    if (ownsName(typeName, prefix) && typeOwner === owner.id) return;
    if (typeOwner?.startsWith(KIT_OWNER)) {
      problems.push(`${owner.id}: field ${typeName}.${field}: the types a kit shares are closed to other fields`);
      return;
    }
    if (existingFields.get(typeName)?.has(field)) {
      problems.push(`${owner.id}: field ${typeName}.${field} shadows a core field`);
      return;
    }
    if (!owner.fieldPrefix) {
      problems.push(`${owner.id}: field ${typeName}.${field}: a kit adds no fields to types it does not own`);
      return;
    }
    if (!ownsName(field, owner.fieldPrefix)) problems.push(`${owner.id}: field ${typeName}.${field} must start with "${owner.fieldPrefix}" followed by a capital`);
    const claimer = claimed.get(`field:${typeName}.${field}`);
    if (claimer && claimer !== owner.id) problems.push(`${owner.id}: field ${typeName}.${field} is already defined by ${claimer}`);
    claimed.set(`field:${typeName}.${field}`, owner.id);
  };
  const typeNameOf = (ref: unknown): string => (typeof ref === 'string' ? ref : String((ref as { name?: string })?.name));
  const watchFields = (typeName: string, fn: FieldsFn): FieldsFn => (t) => {
    const fields = fn(t);
    for (const f of Object.keys(fields)) checkField(typeName, f);
    return fields;
  };

  return new Proxy(builder, {
    get(target, prop, receiver) {
      const value = Reflect.get(target, prop, receiver) as unknown;
      if (typeof value !== 'function' || typeof prop !== 'string') return value;
      const method = value as (...args: unknown[]) => unknown;
      if (TYPE_METHODS.has(prop)) {
        return (...args: unknown[]) => {
          const [first, options] = args as [unknown, { name?: string } | undefined];
          checkType(typeof first === 'string' ? first : (options?.name ?? (first as { name?: string })?.name));
          return method.apply(target, args);
        };
      }
      const root = /^(query|mutation|subscription)Field(s?)$/.exec(prop);
      if (root) {
        const typeName = root[1]!.slice(0, 1).toUpperCase() + root[1]!.slice(1);
        return (...args: unknown[]) => {
          if (root[2]) return method.call(target, watchFields(typeName, args[0] as FieldsFn));
          checkField(typeName, args[0] as string);
          return method.apply(target, args);
        };
      }
      const onType = /^(object|interface)Field(s?)$/.exec(prop);
      if (onType) {
        return (...args: unknown[]) => {
          const typeName = typeNameOf(args[0]);
          if (onType[2]) return method.call(target, args[0], watchFields(typeName, args[1] as FieldsFn));
          checkField(typeName, args[1] as string);
          return method.apply(target, args);
        };
      }
      return method.bind(target);
    },
  });
}
