export { createApi } from './app';
export { installedUnits } from './units.config';
export { apiOptionsFromEnv } from './config';
export { mintToken, LOCAL_DEV_SECRET, DEFAULT_AUDIENCE, DEFAULT_ISSUER, type AuthConfig, type ApiContext } from '@kkmp/host';
export { encodeId, decodeId } from '@kkmp/plugin-sdk';
