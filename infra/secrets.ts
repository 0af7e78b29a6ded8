/**
 * HMAC key for the API's JWTs. Set it once per stage, before the first deploy:
 *   npx sst secret set JwtSecret "$(openssl rand -base64 48)" --stage <stage>
 */
export const jwtSecret = new sst.Secret('JwtSecret');
