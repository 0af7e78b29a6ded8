import {
  getNamedType,
  isEnumType,
  isInputObjectType,
  isListType,
  isNonNullType,
  isScalarType,
  type GraphQLArgument,
  type GraphQLInputType,
} from 'graphql';

/**
 * Minimal, well-typed argument values for any field, so a harness can call every operation of a unit
 * without knowing it. Values are valid GraphQL, not necessarily valid for the unit: the gate in front
 * of a unit's resolver must answer before the unit looks at them.
 */
export function sampleArgs(args: readonly GraphQLArgument[], cooperativeId: string): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const arg of args) {
    const v = sampleValue(arg.type, arg.name, cooperativeId, 0);
    if (v !== undefined) out[arg.name] = v;
  }
  return out;
}

/** A value every scalar of the schema accepts: 1 for numbers and Rupiah, ISO dates, {} for JSON, 'x' for text. */
export function sampleScalar(name: string): unknown {
  switch (name) {
    case 'Int':
    case 'Float':
    case 'Rupiah':
      return 1;
    case 'Boolean':
      return false;
    case 'Date':
      return '2026-01-01';
    case 'DateTime':
      return '2026-01-01T00:00:00.000Z';
    case 'JSON':
      return {};
    default:
      return 'x';
  }
}

function sampleValue(type: GraphQLInputType, name: string, cooperativeId: string, depth: number): unknown {
  if (isNonNullType(type)) return sampleValue(type.ofType, name, cooperativeId, depth) ?? null;
  if (isListType(type)) return [];
  if (name === 'cooperativeId') return cooperativeId;
  const named = getNamedType(type);
  if (isEnumType(named)) return named.getValues()[0]?.value;
  if (isInputObjectType(named)) {
    if (depth > 5) return undefined;
    const obj: Record<string, unknown> = {};
    for (const field of Object.values(named.getFields())) {
      if (!isNonNullType(field.type) && field.name !== 'cooperativeId') continue;
      obj[field.name] = sampleValue(field.type, field.name, cooperativeId, depth + 1);
    }
    return obj;
  }
  if (isScalarType(named)) return sampleScalar(named.name);
  return undefined;
}
