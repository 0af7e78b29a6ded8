import type { AnyUnit, Builder, CoreRefs } from '@kkmp/plugin-sdk';
import { typePrefix } from '@kkmp/plugin-sdk';
import { KIT_OWNER, ownsName, watchBuilder } from './validate';

const KIT_PREFIX = /^[A-Z][A-Za-z0-9]{2,23}$/;

/**
 * `unit.shared(prefix, register)`: how a kit that several units use (the commerce kit) registers its
 * types once per schema instead of once per unit. The first call with a given `register` function runs it
 * on a builder watched for the kit: every type name must start with `prefix`, and the kit adds no field to
 * a type it does not own; every later call (another unit on the same kit) returns the first result. The
 * prefix must be owned by no installed unit and by no core type, so a kit's names can never collide with
 * a unit's or the core's, and no one else adds fields to a kit's types (see watchBuilder).
 */
export function createSharedTypes(
  builder: Builder,
  units: readonly AnyUnit[],
  /** The core's types and their fields (what units may not shadow). */
  existingFields: ReadonlyMap<string, ReadonlySet<string>>,
  claimed: Map<string, string>,
  problems: string[],
  coreRefs: CoreRefs,
) {
  const registered = new Map<(b: Builder, core: CoreRefs) => unknown, unknown>();
  const core = [...existingFields.keys()];
  const refusal = (prefix: string): string | undefined => {
    if (!KIT_PREFIX.test(prefix)) return `kit prefix "${prefix}" must be 3-24 letters or digits, starting with a capital`;
    const unit = units.find((u) => ownsName(prefix, typePrefix(u.id)) || ownsName(typePrefix(u.id), prefix));
    if (unit) return `kit prefix "${prefix}" overlaps the type names of unit "${unit.id}"`;
    const type = core.find((name) => ownsName(name, prefix));
    if (type) return `kit prefix "${prefix}" owns the core type "${type}"`;
    return undefined;
  };
  return <T>(prefix: string, register: (b: Builder, core: CoreRefs) => T): T => {
    if (registered.has(register)) return registered.get(register) as T;
    const problem = refusal(prefix);
    // Thrown, not only collected: the caller cannot go on without the types it asked for.
    if (problem) throw new Error(problem);
    const result = register(watchBuilder(builder, { id: `${KIT_OWNER}${prefix}`, prefix }, existingFields, claimed, problems), coreRefs);
    registered.set(register, result);
    return result;
  };
}
