import { execFileSync } from 'node:child_process';
import { codeSender, corsOrigins, emailFrom, signingKeys } from './secrets';
import { table } from './table';

/**
 * The function ships dist/lambda exactly as `npm run build` writes it (packages/api/src/lambda/bundle.ts:
 * handler.mjs and the chunks/ it loads on demand), not a bundle of SST's own: SST's build cannot run our
 * trimming plugins, would bundle without the full start-up checks that build.ts runs first (the handler
 * skips the code-only ones at cold start), and is not what the bench measures. Built here, on every
 * deploy, so a stale or hand-made folder is never shipped.
 */
execFileSync('node', ['scripts/kkmp.mjs', 'build'], { cwd: $cli.paths.root, stdio: 'inherit' });

/**
 * The GraphQL Lambda. The handler reads its configuration from plain environment variables, so it does
 * not depend on the `sst` SDK. No `link`: with a prebuilt `bundle`, a link makes SST wrap the handler in
 * one that imports it on the first invocation, which would move the schema build out of the init phase
 * (see handler.ts); the role gets the table's permissions (those a link grants) explicitly instead.
 */
export const graphql = new sst.aws.Function('Graphql', {
  bundle: 'dist/lambda',
  handler: 'handler.handler',
  runtime: 'nodejs22.x',
  architecture: 'arm64',
  memory: '1024 MB',
  // API Gateway gives up after 30 s; stop just before it so the function, not the gateway, times out.
  timeout: '29 seconds',
  environment: {
    KKMP_TABLE_NAME: table.name,
    KKMP_SIGNING_KEYS: signingKeys.value,
    KKMP_CODE_SENDER: codeSender.value,
    KKMP_EMAIL_FROM: emailFrom.value,
    KKMP_CORS_ORIGINS: corsOrigins.value,
  },
  permissions: [
    // The table and its indexes (what `link: [table]` would grant).
    { actions: ['dynamodb:*'], resources: [table.arn, $interpolate`${table.arn}/*`] },
    // Invitation codes by SMS (SNS publishes to phone numbers, which have no ARN) and e-mail (SES); used
    // only when CodeSender is "aws".
    { actions: ['sns:Publish'], resources: ['*'] },
    { actions: ['ses:SendEmail'], resources: ['*'] },
  ],
});

/** HTTP API (API Gateway v2, payload format 2.0). GET serves persisted/simple queries, POST everything. */
export const api = new sst.aws.ApiGatewayV2('Api');
api.route('POST /graphql', graphql.arn);
api.route('GET /graphql', graphql.arn);
// The public signing keys, for anyone verifying the API's access tokens (a gateway, another service).
api.route('GET /.well-known/jwks.json', graphql.arn);

/** The GraphQL endpoint. */
export const graphqlUrl = $interpolate`${api.url}/graphql`;
