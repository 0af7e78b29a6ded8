import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { startTestApi, type TestApi } from '../support/api';
import { accept, onboard } from '../support/people';
import { ops } from '../support/fixtures';

/** A deployment's first PLATFORM_ADMIN: nobody can invite one, so an operator's CLI writes the invitation. */
let api: TestApi;
beforeAll(async () => {
  api = await startTestApi();
});
afterAll(() => api.close());

describe('the first platform admin', () => {
  it('gets an invitation code from the operator CLI, accepts it through the API, and invites a city admin', async () => {
    const { stdout } = await promisify(execFile)(process.execPath, ['--import', 'tsx', 'packages/api/src/cli/invite-admin.ts', '--login', 'Admin@KKMP.example.id', '--name', 'Admin Pertama'], {
      env: { ...process.env, KKMP_TABLE_NAME: api.db.tableName, KKMP_DYNAMODB_ENDPOINT: inject('dynamoDbEndpoint'), AWS_REGION: 'ap-southeast-3' },
    });
    const code = /^\s+([0-9A-Z]{5}-[0-9A-Z]{5})$/m.exec(stdout)?.[1];
    expect(code, stdout).toBeTruthy();
    const admin = await accept(api, code!, 'admin-pertama-rahasia');
    expect(admin).toMatchObject({ __typename: 'AcceptInvitationSuccess', data: { grant: { role: 'PLATFORM_ADMIN' } } });
    const city = await api.gql(ops.createCity, { input: { name: 'Kota Pertama', kind: 'KOTA', regionCode: '3201', provinceName: 'Jawa Barat', timeZone: 'WIB' } }, admin.data.accessToken);
    const cityId = city.data.createCity.data.id;
    const dinas = await onboard(api, admin.data.accessToken, { login: 'dinas@kota-pertama.go.id', name: 'Dinas', role: 'CITY_ADMIN', cityId });
    expect(dinas.grant).toMatchObject({ role: 'CITY_ADMIN', cooperativeId: null });
    // The code was for one acceptance only.
    expect(await accept(api, code!, 'admin-kedua-rahasia')).toMatchObject({ rule: 'INVITATION_USED' });
  }, 60_000);
});
