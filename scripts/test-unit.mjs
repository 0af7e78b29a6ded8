#!/usr/bin/env node
// One unit's checks in seconds: `npm run test:unit -- <id> [vitest args...]` type-checks plugins/<id>
// (its own tsconfig) and runs vitest on plugins/<id>/ (DynamoDB Local starts by itself). No install and
// no repo-wide type checks: `npm test` does those.
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const [id, ...rest] = process.argv.slice(2);
if (!id || !existsSync(join(root, 'plugins', id, 'package.json'))) {
  console.error(`usage: npm run test:unit -- <id> [vitest args...]   (${id ? `no unit at plugins/${id}` : 'which unit?'})`);
  process.exit(2);
}
const bin = (name) => join(root, 'node_modules', '.bin', name);
const env = { ...process.env, AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: 'true' };

function run(argv) {
  return new Promise((resolve) => {
    const child = spawn(argv[0], argv.slice(1), { cwd: root, env, stdio: 'inherit' });
    // Ctrl-C reaches vitest, which stops DynamoDB Local before exiting.
    const forward = (signal) => child.kill(signal);
    process.on('SIGINT', forward);
    process.on('SIGTERM', forward);
    child.on('exit', (code, signal) => {
      process.off('SIGINT', forward);
      process.off('SIGTERM', forward);
      resolve(code ?? (signal ? 1 : 0));
    });
  });
}

let code = await run([bin('tsc'), '-p', join('plugins', id, 'tsconfig.json'), '--noEmit']);
// The trailing slash keeps vitest's path filter to this unit (plugins/lpg/, not plugins/lpgbulk/ too).
if (code === 0) code = await run([bin('vitest'), 'run', `plugins/${id}/`, ...rest]);
process.exit(code);
