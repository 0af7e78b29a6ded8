import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApi, type TestApi } from '../support/api';
import { cityWithCoop } from '../support/fixtures';

// Corrections found by the acceptance runs of issue 12; each test failed before its fix.
let api: TestApi;
let f: Awaited<ReturnType<typeof cityWithCoop>>;

beforeAll(async () => {
  api = await startTestApi();
  f = await cityWithCoop(api, 'Kota Koreksi');
});
afterAll(() => api?.close());

describe('1. a message containing " / " comes out whole in both languages', () => {
  it('a bad AHU registration number', async () => {
    const res = await api.gql(
      `mutation($input: ChangeCooperativeStatusInput!) { changeCooperativeStatus(input: $input) { __typename ... on ValidationError { fields { field messageEn messageId } } } }`,
      { input: { cooperativeId: f.coopId, status: 'LEGAL_ENTITY', registrationNumber: 'no spaces allowed' } },
      f.cityAdmin,
    );
    expect(res.data.changeCooperativeStatus.fields).toEqual([
      { field: 'input.registrationNumber', messageEn: 'must be the AHU registration number (letters, digits, . / -)', messageId: 'harus nomor badan hukum AHU (huruf, angka, . / -)' },
    ]);
  });
});
