import { parseArgs } from 'node:util';
import { bootstrapAdminInvitation, loginField, systemClock } from '@kkmp/core';
import { createDb } from '@kkmp/store';

/**
 * The first PLATFORM_ADMIN of a deployment (nobody can invite one through the API). Run by an operator
 * with AWS credentials for the stage's table:
 *   KKMP_TABLE_NAME=<table> node --import tsx packages/api/src/cli/invite-admin.ts --login <phone or e-mail> --name "<name>"
 * Prints the one-time code (72 hours) to the operator's terminal; the admin accepts it with the API's
 * acceptInvitation and sets their own password. Nothing else ever shows the code.
 */
const { values } = parseArgs({ options: { login: { type: 'string' }, name: { type: 'string' } }, strict: true });
const tableName = process.env.KKMP_TABLE_NAME;
const login = loginField.safeParse(values.login ?? '');
if (!tableName || !login.success || !values.name?.trim()) {
  console.error('usage: KKMP_TABLE_NAME=<table> invite-admin --login <+62... or e-mail> --name "<name>"');
  process.exit(2);
}
const db = createDb({ tableName, ...(process.env.KKMP_DYNAMODB_ENDPOINT ? { endpoint: process.env.KKMP_DYNAMODB_ENDPOINT } : {}) });
const { code, validUntil } = await bootstrapAdminInvitation(db, systemClock, { login: login.data, name: values.name.trim() });
console.log(`Invitation for ${login.data} as PLATFORM_ADMIN, valid until ${validUntil}:\n  ${code}\nAccept it with the API: mutation { acceptInvitation(input: { code: "${code}", password: "..." }) { __typename } }`);
