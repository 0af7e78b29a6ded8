import { isInputObjectType, isInterfaceType, isObjectType, type GraphQLSchema } from 'graphql';

/**
 * Pothos' relay and errors plugins generate types (connections, edges, page info, success wrappers)
 * without descriptions. Front-end teams read descriptions in GraphiQL, so the generated ones get a
 * description from their role; hand-written types must carry their own (a test checks every one).
 */
const FIELD_TEXT: Record<string, string> = {
  edges: 'The items of this page, each with its cursor.',
  node: 'The item.',
  cursor: 'Opaque cursor of this item; pass it as `after` to continue from here.',
  pageInfo: 'Where this page is in the whole list.',
  hasNextPage: 'Whether more items follow this page.',
  hasPreviousPage: 'Whether items come before this page (paging backward with last/before: more items before it; forward: true after a cursor).',
  startCursor: 'Cursor of the first item of this page.',
  endCursor: 'Cursor of the last item of this page; pass it as `after` for the next page.',
  data: 'The result.',
};

const ARG_TEXT: Record<string, string> = {
  first: 'Page size, 1 to 100 (default 20).',
  after: 'Continue after this cursor (from pageInfo.endCursor).',
  last: 'Page size from the end (or from just before `before`), 1 to 100; not with first/after.',
  before: 'The items just before this cursor (from pageInfo.startCursor), in list order; with last.',
  input: 'What to do; each field of the input type is described.',
};

export function describeGenerated(schema: GraphQLSchema): GraphQLSchema {
  for (const type of Object.values(schema.getTypeMap())) {
    if (type.name.startsWith('__')) continue;
    if (!type.description) {
      if (type.name === 'PageInfo') type.description = 'Position of a page within a list.';
      else if (type.name.endsWith('Connection')) type.description = `A page of a list (${type.name.replace(/Connection$/, '')}).`;
      else if (type.name.endsWith('Edge')) type.description = `An item of a list with its cursor (${type.name.replace(/Edge$/, '')}).`;
    }
    if (isObjectType(type) || isInterfaceType(type) || isInputObjectType(type)) {
      for (const field of Object.values(type.getFields())) {
        field.description ??= FIELD_TEXT[field.name] ?? null;
        if ('args' in field) for (const arg of field.args) arg.description ??= ARG_TEXT[arg.name] ?? null;
      }
    }
  }
  return schema;
}
