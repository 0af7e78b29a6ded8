/// <reference path="./.sst/platform/config.d.ts" />

/**
 * kkmp on AWS: one DynamoDB table, one GraphQL Lambda behind an HTTP API. The resources live in
 * infra/ (workspace package @kkmp/infra); SST forbids top-level imports here, hence the dynamic ones.
 *
 *   npx sst secret set SigningKeys "[$(npm run -s token -- --signing-key)]" --stage production
 *   npx sst deploy --stage production
 */
export default $config({
  app(input) {
    const production = input.stage === 'production';
    return {
      name: 'kkmp',
      home: 'aws',
      // Production keeps its data when removed and refuses `sst remove` altogether.
      removal: production ? 'retain' : 'remove',
      protect: production,
      // Jakarta, the same default region as @kkmp/store's client.
      providers: { aws: { region: 'ap-southeast-3' } },
    };
  },
  async run() {
    const { table } = await import('./infra/table');
    const { api, graphqlUrl } = await import('./infra/api');
    return {
      url: api.url,
      graphql: graphqlUrl,
      table: table.name,
    };
  },
});
