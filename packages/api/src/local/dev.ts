import { DevClock, DevClockError, describeInstant, parseClockSetting } from './dev-clock';
import { CLOCK_PATH } from './clock-endpoint';
import { startLocalServer } from './server';
import { assertStrongSecret, parseApiMode, type ApiMode } from '@kkmp/host';

/** `npm run dev`: the API at http://localhost:4000/graphql until Ctrl-C (KKMP_MODE=production: as deployed). */
const port = Number(process.env.PORT ?? 4000);
const clock = devClockFromEnv(process.env.KKMP_CLOCK);
const mode = modeFromEnv(process.env);
const local = await startLocalServer({ port, clock, mode, ...(process.env.KKMP_DYNAMODB_PORT ? { dynamoPort: Number(process.env.KKMP_DYNAMODB_PORT) } : {}) });

// "ready" comes last: whoever waits for it (tests, scripts) has every line above in hand.
console.log(`\nData folder: ${local.dataDir} (DynamoDB Local files, demo-users.json; KKMP_DATA_DIR moves it)`);
console.log(`DynamoDB Local: ${local.ddb.endpoint}`);
if (!clock.isSystem) {
  console.log(`Dev clock (KKMP_CLOCK=${process.env.KKMP_CLOCK}): ${describeInstant(clock.now())}, ticking from there; the system's is ${new Date().toISOString()}.`);
  console.log(`  Move it forward: curl -X POST -H 'content-type: application/json' -d '{"clock":"+1d"}' http://localhost:${port}${CLOCK_PATH}`);
}
if (mode === 'production') {
  console.log('Production mode (KKMP_MODE=production): no GraphiQL, introspection only for PLATFORM_ADMIN, no field suggestions, CORS only from KKMP_CORS_ORIGINS.');
  console.log(`  ${process.env.KKMP_JWT_SECRET ? 'Demo tokens signed with KKMP_JWT_SECRET (30 days).' : 'Demo tokens are the API\'s own ES256 tokens (1 hour); `npm run token` tokens (development secret) are refused.'}`);
}
console.log(`kkmp API ready: ${local.url}  ${mode === 'production' ? '(production mode)' : '(GraphiQL: open it in a browser)'}\n`);
console.log('Demo users (send as "Authorization: Bearer <token>"):');
for (const u of local.users) console.log(`  ${u.label.padEnd(10)} ${u.description}\n             ${u.token}`);
console.log('\nDemo sign-in (mutation signIn, local passwords only; GraphiQL has a "Sign in" tab):');
for (const u of local.users) if (u.login) console.log(`  ${u.label.padEnd(10)} login ${u.login}  password ${u.password}`);
console.log('Invitation codes are printed here as they are sent (no SMS or e-mail locally).');
console.log('\nCtrl-C stops the API and DynamoDB Local.');

let stopping = false;
async function shutdown(signal: string) {
  if (stopping) return;
  stopping = true;
  console.log(`\n${signal}: stopping...`);
  await local.stop();
  process.exit(0);
}
process.on('SIGINT', () => void shutdown('SIGINT'));
process.on('SIGTERM', () => void shutdown('SIGTERM'));

/** KKMP_CLOCK, checked before anything starts: a bad value stops here with what would have worked. */
function devClockFromEnv(setting: string | undefined): DevClock {
  if (!setting?.trim()) return new DevClock();
  try {
    return new DevClock(parseClockSetting(setting, new Date()));
  } catch (err) {
    if (!(err instanceof DevClockError)) throw err;
    console.error(`KKMP_CLOCK: ${err.messageEn}`);
    process.exit(2);
  }
}

/** KKMP_MODE (and in production mode KKMP_JWT_SECRET), checked before anything starts. */
function modeFromEnv(env: NodeJS.ProcessEnv): ApiMode {
  try {
    const mode = parseApiMode(env.KKMP_MODE);
    if (mode === 'production' && env.KKMP_JWT_SECRET?.trim()) assertStrongSecret(env.KKMP_JWT_SECRET.trim());
    return mode;
  } catch (err) {
    console.error(`KKMP_MODE=${env.KKMP_MODE ?? ''}: ${err instanceof Error ? err.message : String(err)}`);
    process.exit(2);
  }
}
