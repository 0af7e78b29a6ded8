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

describe('4. every Indonesian message is wholly Indonesian, with amounts as Indonesians write them', () => {
  const RESULT = `__typename ... on ValidationError { fields { field messageEn messageId } } ... on Error { code messageEn messageId }`;
  const draft = `mutation($input: DraftJournalEntryInput!) { draftJournalEntry(input: $input) { ${RESULT} ... on DraftJournalEntrySuccess { data { id } } } }`;

  it('a maker approving their own journal entry', async () => {
    const d = await api.gql(draft, { input: { cooperativeId: f.coopId, memo: 'Sewa', lines: [{ account: '6120', debit: 63_000 }, { account: '1100', credit: 63_000 }] } }, f.manager);
    const own = await api.gql(
      `mutation($input: DecideJournalEntryInput!) { approveJournalEntry(input: $input) { ${RESULT} } }`,
      { input: { draftId: d.data.draftJournalEntry.data.id } },
      f.manager,
    );
    expect(own.data.approveJournalEntry).toMatchObject({
      code: 'FORBIDDEN',
      messageEn: 'you may not approve your own journal entry: another manager approves it (maker-checker)',
      messageId: 'Anda tidak boleh menyetujui jurnal yang Anda buat sendiri: pengurus lain yang menyetujuinya (maker-checker)',
    });
  });

  it('an unbalanced entry names its amounts as Rp63.000 in Indonesian and Rp63,000 in English', async () => {
    const res = await api.gql(draft, { input: { cooperativeId: f.coopId, memo: 'Sewa', lines: [{ account: '6120', debit: 63_000 }, { account: '1100', credit: 62_500 }] } }, f.manager);
    expect(res.data.draftJournalEntry.fields).toContainEqual({ field: 'input.lines', messageEn: 'unbalanced: debits Rp63,000, credits Rp62,500', messageId: 'tidak seimbang: debit Rp63.000, kredit Rp62.500' });
  });
});


describe('3. a journal draft dated in the future is refused like a future equity payment', () => {
  it('tomorrow, under either date field', async () => {
    const draft = `mutation($input: DraftJournalEntryInput!) { draftJournalEntry(input: $input) { __typename ... on ValidationError { fields { field messageEn } } } }`;
    const lines = [{ account: '6120', debit: 1_000 }, { account: '1100', credit: 1_000 }];
    for (const [key, field] of [['businessDate', 'input.businessDate'], ['date', 'input.date']] as const) {
      const res = await api.gql(draft, { input: { cooperativeId: f.coopId, [key]: '2026-03-16', memo: 'Besok', lines } }, f.manager);
      expect(res.data.draftJournalEntry.fields).toEqual([{ field, messageEn: 'must not be after today (2026-03-15)' }]);
    }
  });
});
