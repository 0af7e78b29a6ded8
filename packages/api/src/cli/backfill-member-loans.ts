import { createDb } from '@kkmp/store';
import { backfillMemberLoans } from './member-loans-backfill';

/**
 * Writes the member loan index for loans made before it existed (see member-loans-backfill.ts). Run once
 * per deployed table by an operator with AWS credentials for it:
 *   KKMP_TABLE_NAME=<table> node --import tsx packages/api/src/cli/backfill-member-loans.ts
 */
const tableName = process.env.KKMP_TABLE_NAME;
if (!tableName) {
  console.error('usage: KKMP_TABLE_NAME=<table> backfill-member-loans');
  process.exit(2);
}
const db = createDb({ tableName, ...(process.env.KKMP_DYNAMODB_ENDPOINT ? { endpoint: process.env.KKMP_DYNAMODB_ENDPOINT } : {}) });
console.log(`indexed ${await backfillMemberLoans(db)} loans`);
