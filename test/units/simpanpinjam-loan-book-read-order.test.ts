import { DeleteCommand } from '@aws-sdk/lib-dynamodb';
import { pk, queryAll, sk } from '@kkmp/store';
import { startUnitTestHost, type UnitTestHost } from '@kkmp/unit-testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import unit from '../../plugins/simpanpinjam/src/index';
import { at, mutate, ok, payWajib, query, registerMember } from '../../plugins/simpanpinjam/test/support';

/**
 * The book is read marker first, then rows (readBook). Neither read is a snapshot of the other: read side
 * by side, a rebuild's last call committing between them gave rows from before it and a marker from after
 * it, `complete` over rows that are missing: a portfolio without those loans, and a related party's loan
 * approved past the limit. Each test holds the reader's marker read while the rebuild's last call commits.
 */
const PORTFOLIO = `query($cooperativeId: ID!, $asOf: Date) { simpanpinjamPortfolio(cooperativeId: $cooperativeId, asOf: $asOf) { loanCount outstanding } }`;
const partition = (host: UnitTestHost) => pk({ kind: 'coop', coopId: host.a.rawId }, 'U', 'simpanpinjam');

/** No marker, no rows: a table written before the book. */
async function deleteBook(host: UnitTestHost) {
  const rows = await queryAll(host.db, { partition: partition(host), prefix: `${sk('LOANROW')}#` }, z.object({ loanId: z.string() }));
  const keys = [{ pk: partition(host), sk: sk('LOANBOOK') }, ...rows.map((r) => ({ pk: partition(host), sk: sk('LOANROW', r.loanId) }))];
  await Promise.all(keys.map((Key) => host.db.doc.send(new DeleteCommand({ TableName: host.db.tableName, Key }))));
}

/**
 * Runs `read` with its read of the book's marker held until `rebuild` (the rebuild's last call) has
 * committed. A rows Query sent beside the marker read is answered first (waited for up to a second; a
 * reader that reads the marker first sends it only later). Answers what `read` answered.
 */
async function readWhileRebuildCommits<T>(host: UnitTestHost, read: () => Promise<T>, rebuild: () => Promise<unknown>): Promise<T> {
  let rowsRead!: () => void;
  const rowsDone = new Promise<void>((r) => (rowsRead = r));
  let rebuilt!: () => void;
  const rebuildDone = new Promise<void>((r) => (rebuilt = r));
  let markerAsked!: () => void;
  const markerHeld = new Promise<void>((r) => (markerAsked = r));
  let holdMarker = true;
  let holdRows = true;
  const name = `book-read-${Math.random().toString(36).slice(2)}`;
  host.db.raw.middlewareStack.add(
    (next, context) => async (args) => {
      const input = JSON.stringify(args.input);
      if (holdMarker && context.commandName === 'BatchGetItemCommand' && input.includes('"LOANBOOK"')) {
        holdMarker = false;
        markerAsked();
        await rebuildDone;
        return next(args);
      }
      if (holdRows && context.commandName === 'QueryCommand' && input.includes('LOANROW#')) {
        holdRows = false;
        const result = await next(args);
        rowsRead();
        return result;
      }
      return next(args);
    },
    { step: 'initialize', name },
  );
  try {
    const reading = read();
    await markerHeld;
    await Promise.race([rowsDone, new Promise((r) => setTimeout(r, 1000))]);
    await rebuild();
    rebuilt();
    const answer = await reading;
    expect(holdMarker).toBe(false); // the interleaving happened
    return answer;
  } finally {
    host.db.raw.middlewareStack.remove(name);
  }
}

describe('the loan book is never read half-way through a rebuild', () => {
  let host: UnitTestHost;
  beforeAll(async () => {
    host = await startUnitTestHost([unit], { now: at('2026-02-02') });
    await host.enable(host.a, 'simpanpinjam', {});
    const member = await registerMember(host, 'Eko Prasetyo');
    const product = (await ok(host, 'createLoanProduct', { name: 'Flat', interestMethod: 'FLAT', annualRateBp: 1200, minAmount: 100_000, maxAmount: 5_000_000, minTermMonths: 1, maxTermMonths: 12 }, host.a.manager)).id;
    for (const amount of [1_200_000, 600_000]) {
      const id = (await ok(host, 'applyForLoan', { memberId: member, productId: product, amount, termMonths: 6, purpose: 'Usaha' }, host.a.staff)).id;
      await ok(host, 'approveLoan', { loanId: id }, host.a.manager);
      await ok(host, 'disburseLoan', { loanId: id }, host.a.staff);
    }
    await deleteBook(host);
  }, 60_000);
  afterAll(() => host?.close());

  it('a portfolio read while the last rebuild call commits answers from the loans, never from a half-read book', async () => {
    const portfolio = async () => (await query(host, PORTFOLIO, { asOf: '2026-02-02' }, host.a.supervisor)).simpanpinjamPortfolio;
    const truth = await portfolio(); // the fallback: every loan
    expect(truth.loanCount).toBe(2);
    const rebuild = async () => expect(await ok(host, 'rebuildLoanBook', {}, host.a.manager, '{ loans rows changed complete }')).toEqual({ loans: 2, rows: 2, changed: 2, complete: true });
    // A torn read answered { loanCount: 0, outstanding: 0 }.
    expect(await readWhileRebuildCommits(host, portfolio, rebuild)).toEqual(truth);
    expect(await portfolio()).toEqual(truth);
  });
});

describe('the related-party limit over a book being rebuilt', () => {
  it("refuses approving a related-party loan over the limit while the rebuild's last call commits", async () => {
    const host = await startUnitTestHost([unit], { now: at('2026-02-02') });
    try {
      const [bima, citra] = [await registerMember(host, 'Bima Santoso'), await registerMember(host, 'Citra Dewi')];
      await payWajib(host, citra, 20_000_000); // own capital 20 000 000: a 10% limit of 2 000 000
      await host.enable(host.a, 'simpanpinjam', { relatedPartyMemberIds: [bima] });
      const product = (await ok(host, 'createLoanProduct', { name: 'Usaha', interestMethod: 'FLAT', annualRateBp: 1200, minAmount: 100_000, maxAmount: 5_000_000, minTermMonths: 1, maxTermMonths: 12 }, host.a.manager)).id;
      const apply = async (amount: number) => (await ok(host, 'applyForLoan', { memberId: bima, productId: product, amount, termMonths: 6, purpose: 'Renovasi' }, host.a.staff)).id;
      const second = await apply(1_000_000); // entered while nothing is lent: not yet decided
      const first = await apply(1_500_000);
      await ok(host, 'approveLoan', { loanId: first }, host.a.manager);
      await ok(host, 'endorseLoan', { loanId: first }, host.a.supervisor);
      await ok(host, 'disburseLoan', { loanId: first }, host.a.staff); // 1 500 000 lent: 1 000 000 more is over 2 000 000
      await deleteBook(host);
      const approve = () => mutate(host, 'approveLoan', { loanId: second }, host.a.manager, '{ id status }');
      expect(await approve()).toMatchObject({ rule: 'RELATED_PARTY_LIMIT' }); // control: refused from every loan

      const rebuild = async () => expect((await ok(host, 'rebuildLoanBook', {}, host.a.manager, '{ complete }')).complete).toBe(true);
      const during = await readWhileRebuildCommits(host, approve, rebuild);
      const endorsed = await mutate(host, 'endorseLoan', { loanId: second }, host.a.supervisor, '{ status }');
      // A torn read let the approval through, and the endorsement made it APPROVED: 2 500 000 against 2 000 000.
      expect([during.rule, endorsed.data?.status]).toEqual(['RELATED_PARTY_LIMIT', 'PENDING']);
    } finally {
      await host.close();
    }
  }, 60_000);
});
