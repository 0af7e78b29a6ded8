import { deleteAll, scanAll, skPrefix } from '@kkmp/store';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { backfillMemberLoans } from '../../packages/api/src/cli/member-loans-backfill';
import { example, measure, startSeeded, type Seeded } from './support';

// Loans made before the member loan index existed have no entry in it: the backfill writes them, and the
// statement (which reads the index) shows them again. Run twice, it changes nothing.
let s: Seeded;
beforeAll(async () => {
  s = await startSeeded();
}, 600_000);
afterAll(() => s?.api.close());

const index = async () => {
  const keys: { pk: string; sk: string }[] = [];
  await scanAll(s.api.db, { expression: 'begins_with(sk, :m)', values: { ':m': skPrefix('MLOAN') } }, async (items) => void keys.push(...items.map((i) => ({ pk: i.pk as string, sk: i.sk as string }))));
  return keys;
};

describe('backfill of the member loan index', () => {
  it('restores the statement of loans made before the index', async () => {
    const e = example(s, 'simpanpinjam', 'Simpan pinjam: member statement');
    const statement = async () => (await measure(s, e.query, e.variables, e.as)).data.simpanpinjamMemberStatement;
    const before = await statement();
    expect(before.loans.length).toBeGreaterThan(0);
    const entries = await index();
    await deleteAll(s.api.db, entries); // as a table written before the index existed
    expect((await statement()).loans).toEqual([]);
    expect(await backfillMemberLoans(s.api.db)).toBe(entries.length);
    expect(await statement()).toEqual(before);
    expect(await backfillMemberLoans(s.api.db)).toBe(entries.length);
    expect((await index()).sort((a, b) => a.sk.localeCompare(b.sk))).toEqual(entries.sort((a, b) => a.sk.localeCompare(b.sk)));
  });
});
