export { createApi, type ApiOptions } from './app';
export { buildHostSchema, type HostSchema } from './build-schema';
export { graphiqlOptions, type GraphiQLAssets, type GraphiQLSetup } from './graphiql';
export { coreExamples, checkExamples } from './examples';
export { mintToken, createVerifier, LOCAL_DEV_SECRET, DEFAULT_AUDIENCE, DEFAULT_ISSUER, InvalidToken, type AuthConfig } from './auth';
export type { ApiContext } from './context';
export { UnitSetError } from '../units/validate';
export type { UnitRegistry } from '../units/enablement';
