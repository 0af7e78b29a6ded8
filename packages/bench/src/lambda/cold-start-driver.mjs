// Run by a fresh Node 22 process per sample (the bench's cold-start proxy): imports a Lambda bundle,
// hands it one API Gateway event and prints, as one JSON line, how long the import and the first
// invocation took and what it answered. Plain JavaScript: nothing but the bundle is loaded.
const started = performance.now();
const [bundle, eventJson] = process.argv.slice(2);
const { handler } = await import(bundle);
const imported = performance.now();
const res = await handler(JSON.parse(eventJson));
const answered = performance.now();
process.stdout.write(`${JSON.stringify({ importMs: imported - started, invokeMs: answered - imported, sinceProcessStartMs: answered, statusCode: res.statusCode, body: res.body })}\n`);
process.exit(0);
