// `node --import tsx test/support/loaded-modules.mjs <specifier>` imports <specifier> in this fresh process
// and prints, as JSON, every file that brought in: what the ESM loader resolved (recorded by a resolve hook,
// which runs on the loader's own thread and reports over a MessagePort) and what CommonJS required.
import { createRequire, register } from 'node:module';
import { MessageChannel } from 'node:worker_threads';

const hooks = `
let port;
export function initialize(data) {
  port = data.port;
  // Answered after every earlier message: the main thread knows then that it has seen them all.
  port.on('message', () => port.postMessage({ done: true }));
}
export async function resolve(specifier, context, next) {
  const result = await next(specifier, context);
  port.postMessage({ url: result.url });
  return result;
}`;

const { port1, port2 } = new MessageChannel();
const resolved = new Set();
const allSeen = new Promise((done) =>
  port1.on('message', (m) => {
    if (m.url) resolved.add(m.url);
    if (m.done) done();
  }),
);
register(`data:text/javascript,${encodeURIComponent(hooks)}`, { data: { port: port2 }, transferList: [port2] });

await import(process.argv[2]);
port1.postMessage('flush');
await allSeen;
port1.close();

const required = Object.keys(createRequire(import.meta.url).cache).map((file) => `file://${file}`);
const files = [...new Set([...resolved, ...required])].filter((url) => url.startsWith('file:')).map((url) => decodeURIComponent(new URL(url).pathname));
console.log(JSON.stringify(files.sort()));
