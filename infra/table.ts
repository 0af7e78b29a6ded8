// @kkmp/store's table definition, by path rather than through the package entry on purpose. SST
// bundles sst.config.ts and everything it imports, leaving @aws-sdk/* external, and runs the bundle
// from .sst/platform, where @aws-sdk/client-dynamodb does not resolve: importing '@kkmp/store'
// (whose index also exports the DynamoDB client) makes `sst install`, `sst deploy` and every other
// command fail with ERR_MODULE_NOT_FOUND. table.ts has no imports, so only the definition is bundled.
// Once @kkmp/store exports it on its own (e.g. "./table": "./src/table.ts"), import it from there.
import { table as definition } from '../packages/store/src/table';

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
