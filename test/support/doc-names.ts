import { isEnumType, isInputObjectType, isInterfaceType, isObjectType, type GraphQLSchema } from 'graphql';

/** Every name a client can meet in the schema: types, fields, arguments, input fields, enum values, field extensions. */
export function schemaNames(schema: GraphQLSchema): Set<string> {
  const names = new Set<string>();
  for (const type of Object.values(schema.getTypeMap())) {
    names.add(type.name);
    if (isEnumType(type)) for (const v of type.getValues()) names.add(v.name);
    if (!(isObjectType(type) || isInterfaceType(type) || isInputObjectType(type))) continue;
    for (const field of Object.values(type.getFields())) {
      names.add(field.name);
      for (const key of Object.keys(field.extensions ?? {})) names.add(key);
      for (const arg of 'args' in field ? field.args : []) names.add(arg.name);
    }
  }
  return names;
}

export interface DocNameRules {
  schema: Set<string>;
  /** Installed unit ids: `<id>Xxx` / `<Id>Xxx` in a code span is a reference to the schema. */
  unitIds: string[];
  /** Front-end guides (README.md, docs/api.md): every camelCase or PascalCase code span is a schema name. */
  strict: boolean;
  /** Names that are not in the schema on purpose, with the reason (token claims, settings keys, ...). */
  allowed: Set<string>;
  /** Ids of worked-example units a guide builds (not installed): names they generate are the example's. */
  exampleUnitIds?: string[];
}

const GRAPHQL_SUFFIX = /(Input|Result|Success|Error|Connection|Edge|Payload)$/;
const CAMEL = /[a-z][A-Z]|^[A-Z][a-z0-9]+[A-Z]/;

/** Names a piece of Markdown's code spans give as schema names that the schema does not have. */
export function unknownSchemaNames(markdown: string, rules: DocNameRules): string[] {
  // Names a fenced code block of the same page defines (a worked example's own types) are its own.
  const fenced = [...markdown.matchAll(/```[\s\S]*?```/g)].map((m) => m[0]).join('\n');
  const prose = markdown.replace(/```[\s\S]*?```/g, '');
  const unknown = new Set<string>();
  for (const [, span] of prose.matchAll(/`([^`\n]+)`/g)) {
    const name = /^([A-Za-z][A-Za-z0-9]*)(?:$|\(| ?\{)/.exec(span!)?.[1];
    if (!name || rules.schema.has(name) || rules.allowed.has(name) || new RegExp(`\\b${name}\\b`).test(fenced)) continue;
    if (rules.exampleUnitIds?.some((id) => new RegExp(`^${id}[A-Z]`, 'i').test(name))) continue;
    const unitPrefixed = rules.unitIds.some((id) => new RegExp(`^${id}[A-Z]`, 'i').test(name));
    const graphqlShaped = /^[A-Z]/.test(name) && GRAPHQL_SUFFIX.test(name);
    if (unitPrefixed || graphqlShaped || (rules.strict && CAMEL.test(name))) unknown.add(name);
  }
  return [...unknown];
}
