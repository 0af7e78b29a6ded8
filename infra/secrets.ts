/**
 * The API's ES256 signing keys: a JSON array of private JWKs, each with a `kid`; the first signs, all
 * verify and are published at /.well-known/jwks.json. Set it once per stage, before the first deploy:
 *   npx sst secret set SigningKeys "[$(npm run -s token -- --signing-key)]" --stage <stage>
 * Rotate without downtime: put a new key first (keep the old one second), deploy; after the access
 * token lifetime (5 minutes) remove the old key and deploy again.
 *
 * There is no HS256 secret any more: a deployed API refuses to start with KKMP_JWT_SECRET.
 */
export const signingKeys = new sst.Secret('SigningKeys');

/**
 * Delivery of invitation codes, off until configured: "aws" sends SMS through Amazon SNS (the account
 * must be out of the SMS sandbox, with a spending limit) and e-mail through Amazon SES from EmailFrom
 * (a verified identity). With "off" an invitation is refused instead of silently lost.
 *   npx sst secret set CodeSender aws --stage production
 *   npx sst secret set EmailFrom no-reply@kkmp.example.id --stage production
 */
export const codeSender = new sst.Secret('CodeSender', 'off');
export const emailFrom = new sst.Secret('EmailFrom', 'none');

/**
 * Web origins allowed to call the API from a browser (CORS), comma-separated exact origins; none by
 * default (production mode answers no other origin). docs/api.md, "Production mode".
 *   npx sst secret set CorsOrigins "https://kasir.kkmp.example.id,https://dinas.kkmp.example.id" --stage production
 */
export const corsOrigins = new sst.Secret('CorsOrigins', '');
