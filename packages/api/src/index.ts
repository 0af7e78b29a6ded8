export { createApi, type ApiOptions } from './app';
export { mintToken, createVerifier, LOCAL_DEV_SECRET, DEFAULT_AUDIENCE, DEFAULT_ISSUER, type AuthConfig } from './auth';
export { encodeId, decodeId, type IdType } from './ids';
export { buildSchema } from './schema';
export type { ApiContext } from './context';
