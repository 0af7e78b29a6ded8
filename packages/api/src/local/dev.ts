import { startLocalServer } from './server';

/** `npm run dev`: the API at http://localhost:4000/graphql until Ctrl-C. */
const port = Number(process.env.PORT ?? 4000);
const local = await startLocalServer({ port, ...(process.env.KKMP_DYNAMODB_PORT ? { dynamoPort: Number(process.env.KKMP_DYNAMODB_PORT) } : {}) });

// "ready" comes last: whoever waits for it (tests, scripts) has every line above in hand.
console.log(`\nDynamoDB Local: ${local.ddb.endpoint} (data in .data/dynamodb)`);
console.log(`kkmp API ready: ${local.url}  (GraphiQL: open it in a browser)\n`);
console.log('Demo users (send as "Authorization: Bearer <token>"):');
for (const u of local.users) console.log(`  ${u.label.padEnd(10)} ${u.description}\n             ${u.token}`);
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
