import { ownsName } from '@kkmp/host';
import { typePrefix, type AnyUnit } from '@kkmp/plugin-sdk';
import { getNamedType, isEnumType, isInputObjectType, isInterfaceType, isObjectType, isUnionType, type GraphQLNamedType, type GraphQLSchema } from 'graphql';

/** Who a type belongs to: a unit (by its prefix), a kit (by the prefix it shares types under), or the core. */
export function ownerOf(name: string, units: readonly AnyUnit[], kitPrefixes: string[] = ['Commerce']): string {
  const unit = units.find((u) => ownsName(name, typePrefix(u.id)));
  if (unit) return unit.id;
  const kit = kitPrefixes.find((p) => ownsName(name, p));
  return kit ? `kit ${kit}` : 'core';
}

/**
 * The types that exist once per operation by construction: a unit mutation's input, its result union
 * and its success type (the host makes them from the field name, e.g. SembakoSellInput, SembakoSellResult,
 * SembakoSellSuccess). They are the operation's signature, not a type of the domain, and cannot be shared
 * while operations are per unit.
 */
export function operationEnvelopes(schema: GraphQLSchema): Set<string> {
  const out = new Set<string>();
  for (const field of Object.values(schema.getMutationType()?.getFields() ?? {})) {
    const input = field.args.find((a) => a.name === 'input');
    if (input) out.add(getNamedType(input.type).name);
    const result = getNamedType(field.type);
    if (!isUnionType(result)) continue;
    out.add(result.name);
    const success = `${field.name[0]!.toUpperCase()}${field.name.slice(1)}Success`;
    for (const member of result.getTypes()) if (member.name === success) out.add(member.name);
  }
  return out;
}

/** A type's shape: its kind and its fields with their types and arguments, or its values or members. */
export function shapeOf(type: GraphQLNamedType): string | undefined {
  if (isEnumType(type)) return `enum ${type.getValues().map((v) => v.name).sort().join(' ')}`;
  if (isUnionType(type)) return `union ${type.getTypes().map((t) => t.name).sort().join(' ')}`;
  if (isInputObjectType(type)) return `input ${Object.values(type.getFields()).map((f) => `${f.name}:${String(f.type)}`).sort().join(' ')}`;
  if (isObjectType(type) || isInterfaceType(type)) {
    const fields = Object.values(type.getFields()).map((f) => `${f.name}(${f.args.map((a) => `${a.name}:${String(a.type)}`).join(',')}):${String(f.type)}`);
    return `${isObjectType(type) ? 'type' : 'interface'} ${fields.sort().join(' ')}`;
  }
  return undefined;
}

/**
 * Groups of types of different owners with the same shape: one of them is a clone of another (an
 * enum every shop unit declares again, a price type per unit). Types of one owner may share a shape
 * (two success types of one unit); operation envelopes are left out (see operationEnvelopes).
 */
export function clonedTypes(schema: GraphQLSchema, units: readonly AnyUnit[]): string[][] {
  const envelopes = operationEnvelopes(schema);
  const byShape = new Map<string, string[]>();
  for (const type of Object.values(schema.getTypeMap())) {
    if (type.name.startsWith('__') || envelopes.has(type.name)) continue;
    const shape = shapeOf(type);
    if (shape) byShape.set(shape, [...(byShape.get(shape) ?? []), type.name]);
  }
  return [...byShape.values()].filter((names) => new Set(names.map((n) => ownerOf(n, units))).size > 1).map((names) => names.sort());
}
