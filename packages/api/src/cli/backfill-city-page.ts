import { createDb } from '@kkmp/store';
import { installedUnits } from '../units.config';
import { chartOf } from '@kkmp/host';
import { backfillCityPage } from './city-page-backfill';

/**
 * Writes what the city page reads by key (each cooperative's position totals and the unit ids on its
 * profile) for cooperatives made before they were kept (see city-page-backfill.ts). Run once per deployed
 * table, after the deploy has finished, by an operator with AWS credentials for it:
 *   KKMP_TABLE_NAME=<table> node --import tsx packages/api/src/cli/backfill-city-page.ts
 * Idempotent; until it has run the page is answered from queries (correct, slower).
 */
const tableName = process.env.KKMP_TABLE_NAME;
if (!tableName) {
  console.error('usage: KKMP_TABLE_NAME=<table> backfill-city-page');
  process.exit(2);
}
const db = createDb({ tableName, ...(process.env.KKMP_DYNAMODB_ENDPOINT ? { endpoint: process.env.KKMP_DYNAMODB_ENDPOINT } : {}) });
const done = await backfillCityPage(db, chartOf(installedUnits, []));
console.log(`${done.cooperatives} cooperatives: ${done.positions} position totals written, ${done.unitIndexes} unit indexes written`);
