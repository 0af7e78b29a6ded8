// The table definition comes from its own entry point, @kkmp/store/table, which imports nothing: SST
// bundles sst.config.ts and runs it from .sst/platform where @aws-sdk/* does not resolve, so the store's
// main entry (which exports the DynamoDB client) must not be pulled in here.
import { table as definition } from '@kkmp/store/table';

/**
 * The one DynamoDB table. Every key name, index and the TTL attribute come from @kkmp/store's
 * `table` object, the same one the local bootstrap turns into a CreateTable call, so the deployed
 * table and DynamoDB Local cannot drift. Nothing about the keys is spelled out here.
 */
const production = $app.stage === 'production';

export const table = new sst.aws.Dynamo('Table', {
  fields: definition.fields,
  primaryIndex: definition.primaryIndex,
  globalIndexes: definition.globalIndexes,
  ttl: definition.ttl,
  // A production table cannot be deleted (not by `sst remove`, not from the console) until this is
  // turned off again; together with the app's `removal: 'retain'` and `protect` it survives mistakes.
  deletionProtection: production,
  transform: {
    table: (args) => {
      // The component always turns point-in-time recovery on. Keep it (35 days of restores) in
      // production only; personal and preview stages are throwaway and would pay for backups.
      args.pointInTimeRecovery = { enabled: production };
    },
  },
});
