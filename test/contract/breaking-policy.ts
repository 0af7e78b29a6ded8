import { CriticalityLevel, diff, type Change } from '@graphql-inspector/core';
import {
  getNamedType,
  isEnumType,
  isInputObjectType,
  isInterfaceType,
  isObjectType,
  type GraphQLSchema,
} from 'graphql';

export interface Verdict {
  /** Breaking changes to elements that were not deprecated in the released schema: the release must not ship. */
  refused: Change[];
  /** Breaking changes to elements deprecated in the released schema: clients had their warning. */
  afterDeprecation: Change[];
  /** Dangerous and safe changes (new fields, new optional arguments, description edits, ...). */
  compatible: Change[];
}

/**
 * The compatibility policy: nothing a client may use disappears or changes shape without a deprecation
 * in a released schema first. graphql-inspector classifies each change; a BREAKING one passes only when
 * the element it touches (or the field an argument belongs to) carried @deprecated in `released`.
 */
export async function checkCompatibility(released: GraphQLSchema, current: GraphQLSchema): Promise<Verdict> {
  const verdict: Verdict = { refused: [], afterDeprecation: [], compatible: [] };
  for (const change of await diff(released, current)) {
    if (change.criticality.level !== CriticalityLevel.Breaking) verdict.compatible.push(change);
    else if (wasDeprecated(released, change)) verdict.afterDeprecation.push(change);
    else verdict.refused.push(change);
  }
  return verdict;
}

/** Whether the released schema deprecated what the change removes or alters. */
function wasDeprecated(released: GraphQLSchema, change: Change): boolean {
  if (!change.path) return false;
  const [typeName, member, arg] = change.path.split('.');
  const type = released.getType(typeName!);
  if (!type) return false;
  if (member === undefined) return change.type === 'TYPE_REMOVED' && onlyDeprecatedReferences(released, typeName!);
  if (isObjectType(type) || isInterfaceType(type)) {
    const field = type.getFields()[member];
    if (!field) return false;
    if (field.deprecationReason != null) return true;
    return arg !== undefined && field.args.find((a) => a.name === arg)?.deprecationReason != null;
  }
  if (isInputObjectType(type)) return type.getFields()[member]?.deprecationReason != null;
  if (isEnumType(type)) return type.getValue(member)?.deprecationReason != null;
  return false;
}

/**
 * A type may go once nothing released leads to it except deprecated fields, arguments and input fields
 * (their removal is checked on its own). Union membership and interfaces cannot be deprecated: a type
 * still reachable through them is refused.
 */
function onlyDeprecatedReferences(released: GraphQLSchema, typeName: string): boolean {
  for (const type of Object.values(released.getTypeMap())) {
    if (type.name.startsWith('__')) continue;
    if (isObjectType(type) || isInterfaceType(type)) {
      if (type.getInterfaces().some((i) => i.name === typeName)) return false;
      for (const field of Object.values(type.getFields())) {
        if (field.deprecationReason != null) continue;
        if (getNamedType(field.type).name === typeName) return false;
        if (field.args.some((a) => a.deprecationReason == null && getNamedType(a.type).name === typeName)) return false;
      }
    } else if (isInputObjectType(type)) {
      for (const field of Object.values(type.getFields())) {
        if (field.deprecationReason == null && getNamedType(field.type).name === typeName) return false;
      }
    } else if ('getTypes' in type && type.getTypes().some((t) => t.name === typeName)) {
      return false;
    }
  }
  return true;
}

/** One line per change, for a failure message a person can act on. */
export function describeChanges(changes: Change[]): string {
  return changes.map((c) => `  ${c.type} ${c.path ?? ''}: ${c.message}`).join('\n');
}
