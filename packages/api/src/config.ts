import { createDb } from '@kkmp/store';
import { DEFAULT_AUDIENCE, DEFAULT_ISSUER, type AuthConfig } from '@kkmp/host';
import type { ApiOptions } from '@kkmp/host';

/**
 * Deployment settings from the environment (set by infra/ in AWS, by the dev server locally):
 * KKMP_TABLE_NAME, KKMP_JWT_SECRET or KKMP_JWKS_URL, optional KKMP_JWT_ISSUER / KKMP_JWT_AUDIENCE,
 * and KKMP_DYNAMODB_ENDPOINT only for DynamoDB Local. KKMP_CLOCK (the dev clock) is refused.
 */
export function apiOptionsFromEnv(env: NodeJS.ProcessEnv = process.env): Omit<ApiOptions, 'units'> {
  refuseDevClock(env);
  const tableName = env.KKMP_TABLE_NAME;
  if (!tableName) throw new Error('KKMP_TABLE_NAME is not set');
  if (!env.KKMP_JWT_SECRET && !env.KKMP_JWKS_URL) throw new Error('set KKMP_JWT_SECRET or KKMP_JWKS_URL');
  const auth: AuthConfig = {
    issuer: env.KKMP_JWT_ISSUER ?? DEFAULT_ISSUER,
    audience: env.KKMP_JWT_AUDIENCE ?? DEFAULT_AUDIENCE,
    ...(env.KKMP_JWT_SECRET ? { secret: env.KKMP_JWT_SECRET } : {}),
    ...(env.KKMP_JWKS_URL ? { jwksUrl: env.KKMP_JWKS_URL } : {}),
  };
  return {
    db: createDb({ tableName, ...(env.KKMP_DYNAMODB_ENDPOINT ? { endpoint: env.KKMP_DYNAMODB_ENDPOINT } : {}) }),
    auth,
    graphiql: false,
  };
}

/**
 * KKMP_CLOCK moves `npm run dev`'s clock for rehearsals; a deployed API must never run on a made-up
 * "today" (sales, interest and arrears would be booked on it), so it refuses to start with it set.
 */
export function refuseDevClock(env: NodeJS.ProcessEnv = process.env): void {
  if (env.KKMP_CLOCK?.trim()) {
    throw new Error(
      `KKMP_CLOCK is set (${JSON.stringify(env.KKMP_CLOCK)}): the dev clock is for \`npm run dev\` only and a deployed API always runs on the real clock. Remove KKMP_CLOCK from the function's environment.`,
    );
  }
}
