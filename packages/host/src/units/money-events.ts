import { getNamedType, isInputObjectType, type GraphQLInputObjectType, type GraphQLSchema } from 'graphql';

/** Whether an input type (or one it nests) has a Rupiah field: the mutation takes money. */
function takesMoney(type: GraphQLInputObjectType, seen = new Set<string>()): boolean {
  if (seen.has(type.name)) return false;
  seen.add(type.name);
  return Object.values(type.getFields()).some((f) => {
    const named = getNamedType(f.type);
    return named.name === 'Rupiah' || (isInputObjectType(named) && takesMoney(named, seen));
  });
}

/**
 * A unit mutation that takes money must say whether it records a business event (and so takes
 * `businessDate` and may post) or not (a price, a plan, an application): nobody forgets the date of a
 * money movement by leaving the flag out. Unit mutations carry `kkmpPermission`; core's are checked by
 * test/contract/business-events.test.ts.
 */
export function undeclaredMoneyMutations(schema: GraphQLSchema): string[] {
  return Object.values(schema.getMutationType()?.getFields() ?? {})
    .filter((f) => f.extensions?.kkmpPermission !== undefined && f.extensions?.kkmpBusinessEvent === undefined)
    .filter((f) => {
      const input = f.args.find((a) => a.name === 'input');
      const named = input && getNamedType(input.type);
      return named !== undefined && isInputObjectType(named) && takesMoney(named);
    })
    .map((f) => `${f.name} takes money (a Rupiah field): declare businessEvent: true (it records an event: businessDate, postings) or false (a price, a plan, an application)`);
}
