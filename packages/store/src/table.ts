// Imports nothing on purpose: infra/ imports this file alone (see infra/table.ts).
/**
 * The single DynamoDB table. This object is the only description of it: infra/ turns it into an SST
 * Dynamo component and the local bootstrap turns it into a CreateTable call, so they cannot drift.
 */
export const table = {
  /** Attribute names used as keys; every one is a string. */
  fields: {
    pk: 'string',
    sk: 'string',
    gsi1pk: 'string',
    gsi1sk: 'string',
  },
  primaryIndex: { hashKey: 'pk', rangeKey: 'sk' },
  /**
   * gsi1: alternate listings inside one tenant (e.g. a city's cooperatives by name). Its partition key
   * also starts with the tenant, like the table's, so tenancy holds on every access path.
   */
  globalIndexes: {
    gsi1: { hashKey: 'gsi1pk', rangeKey: 'gsi1sk' },
  },
  /** Epoch seconds after which DynamoDB may delete the item (idempotency records). */
  ttl: 'expiresAt',
} as const;

export type TableDefinition = typeof table;
export type GlobalIndexName = keyof typeof table.globalIndexes;
