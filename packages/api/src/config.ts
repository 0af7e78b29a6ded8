import { createDb } from '@kkmp/store';
import { DEFAULT_AUDIENCE, DEFAULT_ISSUER, SigningKeys, checkOrigins, noSender, parseApiMode, type AuthConfig } from '@kkmp/host';
import type { ApiOptions } from '@kkmp/host';
import { awsCodeSender } from './delivery/aws';

/**
 * Deployment settings from the environment (set by infra/ in AWS):
 * - KKMP_TABLE_NAME; KKMP_DYNAMODB_ENDPOINT only for DynamoDB Local;
 * - KKMP_SIGNING_KEYS: JSON array of private ES256 JWKs with `kid` (the first signs, all verify and
 *   are published at /.well-known/jwks.json); `npm run token -- --signing-key` prints a new one;
 * - optional KKMP_JWKS_URL (+ KKMP_JWT_ISSUER / KKMP_JWT_AUDIENCE) for an outside OIDC provider;
 * - KKMP_CODE_SENDER: "aws" (SMS by SNS, e-mail by SES from KKMP_EMAIL_FROM) or "off" (default:
 *   invitations are refused rather than silently lost);
 * - optional KKMP_CORS_ORIGINS: comma-separated web origins allowed to call from a browser.
 * Always production mode (KKMP_MODE may say "production" or nothing).
 * Refused: KKMP_JWT_SECRET (the HS256 shared secret is for development and tests only: a deployed API
 * that accepted it would take tokens anyone with the repository can mint) and KKMP_CLOCK.
 */
export function apiOptionsFromEnv(env: NodeJS.ProcessEnv = process.env): Omit<ApiOptions, 'units'> {
  refuseDevClock(env);
  refuseSharedSecret(env);
  refuseDevelopmentMode(env);
  const tableName = env.KKMP_TABLE_NAME;
  if (!tableName) throw new Error('KKMP_TABLE_NAME is not set');
  const auth: AuthConfig = {
    issuer: env.KKMP_JWT_ISSUER ?? DEFAULT_ISSUER,
    audience: env.KKMP_JWT_AUDIENCE ?? DEFAULT_AUDIENCE,
    signingKeys: signingKeysFromEnv(env),
    ...(env.KKMP_JWKS_URL ? { jwksUrl: env.KKMP_JWKS_URL } : {}),
  };
  return {
    db: createDb({ tableName, ...(env.KKMP_DYNAMODB_ENDPOINT ? { endpoint: env.KKMP_DYNAMODB_ENDPOINT } : {}) }),
    auth,
    graphiql: false,
    codeSender: codeSenderFromEnv(env),
    mode: 'production',
    ...corsFromEnv(env),
  };
}

/** KKMP_CORS_ORIGINS: `https://kasir.example.id,https://dinas.example.id` (exact origins, no "*"). */
export function corsFromEnv(env: NodeJS.ProcessEnv = process.env): { corsOrigins?: string[] } {
  const list = (env.KKMP_CORS_ORIGINS ?? '').split(',').map((o) => o.trim()).filter(Boolean);
  return list.length ? { corsOrigins: checkOrigins(list) } : {};
}

/** A deployed API is production mode, whatever its environment says: KKMP_MODE=development stops it. */
export function refuseDevelopmentMode(env: NodeJS.ProcessEnv = process.env): void {
  if (parseApiMode(env.KKMP_MODE ?? 'production') !== 'production') {
    throw new Error('KKMP_MODE=development is set: a deployed API always runs in production mode. Remove KKMP_MODE from the function\'s environment.');
  }
}

/** A deployed API never accepts the HS256 shared secret: it refuses to start with one. */
export function refuseSharedSecret(env: NodeJS.ProcessEnv = process.env): void {
  if (env.KKMP_JWT_SECRET?.trim()) {
    throw new Error(
      'KKMP_JWT_SECRET is set: the HS256 shared secret is for `npm run dev` and tests only. A deployed API signs with KKMP_SIGNING_KEYS (ES256) and may accept an OIDC provider (KKMP_JWKS_URL); remove KKMP_JWT_SECRET.',
    );
  }
}

function signingKeysFromEnv(env: NodeJS.ProcessEnv): SigningKeys {
  const raw = env.KKMP_SIGNING_KEYS?.trim();
  if (!raw) throw new Error('KKMP_SIGNING_KEYS is not set (a JSON array of private ES256 JWKs; `npm run token -- --signing-key` prints one)');
  let parsed: unknown;
  try {
    parsed = JSON.parse(raw);
  } catch {
    throw new Error('KKMP_SIGNING_KEYS is not JSON (a JSON array of private ES256 JWKs)');
  }
  return SigningKeys.fromJwks(Array.isArray(parsed) ? parsed : [parsed]);
}

function codeSenderFromEnv(env: NodeJS.ProcessEnv) {
  const kind = env.KKMP_CODE_SENDER?.trim() || 'off';
  if (kind === 'off') return noSender;
  if (kind === 'aws') return awsCodeSender({ ...(env.KKMP_EMAIL_FROM ? { emailFrom: env.KKMP_EMAIL_FROM } : {}) });
  throw new Error(`KKMP_CODE_SENDER must be "aws" or "off", not ${JSON.stringify(kind)}`);
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
