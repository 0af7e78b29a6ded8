/**
 * `npm run bench [-- flags]`: the API against its floor, per scenario (see README.md of this package and
 * docs/scaling.md).
 *
 *   --scale N        also seed N times the data and print the change per scenario (1x and Nx in one run)
 *   --json FILE      write the report as JSON (rows: scenario, reqPerSec, p50Ms, p99Ms, floorReqPerSec,
 *                    ratio, calls, roundTrips, scale, ...; contention; lambda; checks)
 *   --quick          tiny data and short rounds (the suite test; numbers mean little)
 *   --only a,b       only these scenarios (and/or `contention`, `lambda`)
 */
import { parseArgs } from 'node:util';
import { EXTRA_SECTIONS, runBench } from './run';
import { SCENARIO_NAMES } from './scenarios';

const USAGE = 'usage: npm run bench -- [--scale N] [--json FILE] [--quick] [--only scenario,...|contention|lambda]';

const { values } = parseArgs({
  options: { scale: { type: 'string' }, json: { type: 'string' }, quick: { type: 'boolean' }, only: { type: 'string' }, help: { type: 'boolean' } },
  strict: true,
});
if (values.help) {
  console.log(USAGE);
  process.exit(0);
}
const scale = values.scale === undefined ? 1 : Number(values.scale);
if (!Number.isInteger(scale) || scale < 1 || scale > 50) fail(`--scale must be a whole number from 1 to 50 (got ${values.scale})`);
const only = values.only ? values.only.split(',').map((s) => s.trim()).filter(Boolean) : [];
const unknown = only.filter((n) => !SCENARIO_NAMES.includes(n) && !EXTRA_SECTIONS.includes(n));
if (unknown.length) fail(`--only: unknown ${unknown.join(', ')}; known: ${[...SCENARIO_NAMES, ...EXTRA_SECTIONS].join(', ')}`);

await runBench({ scale, quick: values.quick ?? false, only, ...(values.json ? { json: values.json } : {}) });
process.exit(0);

function fail(message: string): never {
  console.error(`${message}\n${USAGE}`);
  process.exit(2);
}
