/**
 * Test helpers for unit plugins: run `describeUnitConformance(unit)` in the unit's own tests, and
 * `startUnitTestHost([unit])` for its behaviour tests (a real API over HTTP on DynamoDB Local).
 */
export { describeUnitConformance, type ConformanceOptions } from './conformance';
export { startUnitTestHost, type UnitTestHost, type UnitTestCooperative, type GqlResult } from './host';
export { sampleArgs, sampleScalar } from './sample-args';
export { unitCalls, type UnitCalls } from './unit-calls';
