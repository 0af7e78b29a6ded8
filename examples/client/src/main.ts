/**
 * Try the example against `npm run dev` (tokens: `npm run token -- --demo staff|city`):
 *   KKMP_TOKEN=<staff token> npx tsx examples/client/src/main.ts sell TERIGU-1KG 2
 *   KKMP_TOKEN=<city token>  npx tsx examples/client/src/main.ts dashboard
 *   KKMP_TOKEN=<manager token> npx tsx examples/client/src/main.ts import-erdkk erdkk.csv [2026-MT1]
 * KKMP_URL defaults to http://localhost:4000/graphql.
 */
import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { basename } from 'node:path';
import { cooperativeOf, sell, shelf } from './cashier';
import { cityDashboard } from './city-dashboard';
import { createClient } from './client';
import { ImportRefused, importErdkk, progressBar } from './erdkk-import';
import { graphql } from './graphql';

const token = process.env.KKMP_TOKEN;
if (!token) throw new Error('set KKMP_TOKEN (npm run token -- --demo staff)');
const client = createClient({ url: process.env.KKMP_URL ?? 'http://localhost:4000/graphql', token });
const [command, ...args] = process.argv.slice(2);

if (command === 'sell') {
  const [sku, quantity = '1'] = args;
  const cooperativeId = await cooperativeOf(client);
  const product = (await shelf(client, cooperativeId)).find((p) => p.sku === sku);
  if (!product) throw new Error(`no product ${sku}`);
  const receipt = await sell(client, {
    cooperativeId,
    lines: [{ productId: product.id, quantity: Number(quantity) }],
    paymentMethod: 'CASH',
    // One key per basket, made before the first attempt: retries reuse it.
    idempotencyKey: randomUUID(),
  });
  console.log(receipt.receiptText);
} else if (command === 'dashboard') {
  const { me } = await client.request(graphql(`query CityOfToken { me { cityId } }`), {});
  const cityId = args[0] ?? me?.cityId;
  if (!cityId) throw new Error('pass a city id, or use a city admin token');
  const { city, rows } = await cityDashboard(client, cityId, new Date().toISOString().slice(0, 10));
  console.log(city);
  console.table(rows);
} else if (command === 'import-erdkk') {
  const [file, season] = args;
  if (!file) throw new Error('pass the CSV file');
  const cooperativeId = await cooperativeOf(client);
  try {
    const done = await importErdkk(client, { cooperativeId, fileName: basename(file), csv: readFileSync(file, 'utf8'), ...(season ? { season } : {}) }, (p) => process.stderr.write(`\r${progressBar(p)}`));
    process.stderr.write(`\n${done.status}: ${done.rows} rows\n`);
  } catch (e) {
    if (!(e instanceof ImportRefused)) throw e;
    console.error(`file refused, nothing imported:\n${e.message}`);
    process.exit(1);
  }
} else {
  console.error('usage: main.ts sell <sku> [quantity] | dashboard [cityId] | import-erdkk <file.csv> [season]');
  process.exit(1);
}
