import { DevClock, DevClockError, describeInstant, parseClockSetting } from './dev-clock';
import { CLOCK_PATH } from './clock-endpoint';
import { startLocalServer } from './server';

/** `npm run dev`: the API at http://localhost:4000/graphql until Ctrl-C. */
const port = Number(process.env.PORT ?? 4000);
const clock = devClockFromEnv(process.env.KKMP_CLOCK);
const local = await startLocalServer({ port, clock, ...(process.env.KKMP_DYNAMODB_PORT ? { dynamoPort: Number(process.env.KKMP_DYNAMODB_PORT) } : {}) });

// "ready" comes last: whoever waits for it (tests, scripts) has every line above in hand.
console.log(`\nData folder: ${local.dataDir} (DynamoDB Local files, demo-users.json; KKMP_DATA_DIR moves it)`);
console.log(`DynamoDB Local: ${local.ddb.endpoint}`);
if (!clock.isSystem) {
  console.log(`Dev clock (KKMP_CLOCK=${process.env.KKMP_CLOCK}): ${describeInstant(clock.now())}, ticking from there; the system's is ${new Date().toISOString()}.`);
  console.log(`  Move it forward: curl -X POST -H 'content-type: application/json' -d '{"clock":"+1d"}' http://localhost:${port}${CLOCK_PATH}`);
}
console.log(`kkmp API ready: ${local.url}  (GraphiQL: open it in a browser)\n`);
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
