import { GraphQLError, Kind, getOperationAST, type GraphQLObjectType } from 'graphql';
import type { Plugin } from 'graphql-yoga';
import type { ApiContext } from '@kkmp/plugin-sdk';

/** Field extension naming the unit whose device credentials may call a mutation. */
export const DEVICE_EXTENSION = 'kkmpDevice';

const refused = (why: string) =>
  new GraphQLError(`a device credential may not do this: ${why}`, {
    extensions: {
      code: 'FORBIDDEN',
      messageEn: 'a device credential may only post what its unit lets devices post',
      messageId: 'kredensial perangkat hanya boleh mengirim yang diizinkan unitnya untuk perangkat',
      http: { status: 403 },
    },
  });

/**
 * A device may run one kind of request: a mutation whose every root field is one its own unit declared
 * `devices: true`. Anything else (a query, introspection, a core mutation, another unit's) is refused
 * before it executes. The resolvers refuse it a second time: a device is no principal, so every core
 * rule and unit gate answers UNAUTHENTICATED to it.
 */
export function useDeviceScope(): Plugin<Record<string, unknown>, ApiContext> {
  return {
    onExecute({ args, setResultAndStopExecution }) {
      const device = (args.contextValue as unknown as ApiContext).device;
      if (!device) return;
      const operation = getOperationAST(args.document, args.operationName);
      const root: GraphQLObjectType | null | undefined = args.schema.getMutationType();
      let why: string | undefined;
      if (!operation || operation.operation !== 'mutation' || !root) why = 'only mutations';
      else {
        for (const selection of operation.selectionSet.selections) {
          if (selection.kind !== Kind.FIELD) {
            why = 'fragments at the root';
            break;
          }
          const field = root.getFields()[selection.name.value];
          if (field?.extensions?.[DEVICE_EXTENSION] !== device.unitId) {
            why = `${selection.name.value} is not open to its devices`;
            break;
          }
        }
      }
      if (why) setResultAndStopExecution({ errors: [refused(why)] });
    },
  };
}
