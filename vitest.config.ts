import { createRequire } from 'node:module';
import { defineConfig } from 'vitest/config';

const require = createRequire(import.meta.url);

export default defineConfig({
  resolve: {
    // graphql 16 ships CJS (main) and ESM (module) builds. Node, which loads Pothos and yoga, takes the
    // CJS one; point our own imports at the same file or the schema mixes two "realms" of graphql.
    alias: [{ find: /^graphql$/, replacement: require.resolve('graphql', { paths: ['packages/host'] }) }],
  },
  test: {
    include: ['packages/*/src/**/*.test.ts', 'packages/*/test/**/*.test.ts', 'plugins/*/test/**/*.test.ts', 'plugins/*/src/**/*.test.ts', 'test/**/*.test.ts'],
    // One DynamoDB Local for the whole run; each test file gets its own table in it.
    globalSetup: ['test/support/global-setup.ts'],
    testTimeout: 30_000,
    hookTimeout: 60_000,
    env: { AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: 'true', KKMP_LOG_ERRORS: '0' },
  },
});
