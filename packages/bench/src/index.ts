/**
 * @kkmp/bench: `npm run bench` (src/cli.ts). A composition-level tool: it imports the API, the host and the
 * store; nothing imports it (.dependency-cruiser.json). Its suite test runs the command itself.
 */
export { runBench, EXTRA_SECTIONS, type BenchOptions, type BenchReport } from './run';
export { SCENARIO_NAMES, type Scenario, type Kind } from './scenarios';
export type { Row, RunSettings } from './measure';
export type { ContentionResult } from './contention';
export type { LambdaResult, BundleResult } from './lambda/index';
export { monthlyCost, MONTHLY_MIX, PRICES } from './cost';
