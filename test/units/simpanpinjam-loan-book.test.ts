import { DeleteCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { getItem, logCalls, pk, queryAll, sk, type Db } from '@kkmp/store';
import { startUnitTestHost, type UnitTestHost } from '@kkmp/unit-testing';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import unit from '../../plugins/simpanpinjam/src/index';
import { loanSchema } from '../../plugins/simpanpinjam/src/items';
import { bookRowOf } from '../../plugins/simpanpinjam/src/loans/book';
import { at, mutate, ok, payWajib, query, registerMember } from '../../plugins/simpanpinjam/test/support';

/**
 * The loan book (plugins/simpanpinjam/src/loans/book.ts) through the real stack on DynamoDB Local: what
 * the loan writes leave in it is what a rebuild from every loan would write, and the portfolio from it
 * equals the portfolio from every loan (the fallback, forced by taking the book's `complete` away).
 */

const PORTFOLIO = `query($cooperativeId: ID!, $asOf: Date) { simpanpinjamPortfolio(cooperativeId: $cooperativeId, asOf: $asOf) {
  asOf loanCount outstanding problemLoans problemLoanRisk problemLoanRatioBp allowance
  classes { collectibility number count outstanding }
  arrears { daysPastDue collectibility overdue outstanding loan { id status principalOutstanding due { total } } } } }`;
const LOAN = `query($cooperativeId: ID!, $id: ID!) { simpanpinjamLoan(cooperativeId: $cooperativeId, id: $id) {
  status nextDue { amount } payoff { total } repayments { id reversed } } }`;

const LOANS = `query($cooperativeId: ID!, $asOf: Date, $status: SimpanpinjamLoanStatus) { simpanpinjamLoans(cooperativeId: $cooperativeId, asOf: $asOf, status: $status) {
  id status principalOutstanding daysPastDue } }`;

const partition = (host: UnitTestHost) => pk({ kind: 'coop', coopId: host.a.rawId }, 'U', 'simpanpinjam');
const markerKey = (host: UnitTestHost) => ({ pk: partition(host), sk: sk('LOANBOOK') });
const markerSchema = z.object({ complete: z.boolean().optional(), version: z.number(), cursor: z.string().optional() });
const rowItem = z.object({ loanId: z.string(), row: z.array(z.unknown()) });
const storedRowItems = (host: UnitTestHost) => queryAll(host.db, { partition: partition(host), prefix: `${sk('LOANROW')}#` }, rowItem);

/** The book's rows as stored (loan id -> row), and whether its marker says it is complete. */
async function storedBook(host: UnitTestHost) {
  const [marker, items] = await Promise.all([getItem(host.db, markerKey(host), markerSchema), storedRowItems(host)]);
  return { complete: marker?.complete === true, rows: Object.fromEntries(items.map((i) => [i.loanId, i.row])), version: marker?.version };
}

/** The rows a rebuild from every stored loan would write. */
async function expectedRows(host: UnitTestHost) {
  const loans = await queryAll(host.db, { partition: partition(host), prefix: `${sk('LOAN')}#` }, loanSchema);
  return Object.fromEntries(loans.flatMap((l) => (bookRowOf(l) ? [[l.id, bookRowOf(l)]] : [])));
}

/** Sets or removes the marker's `complete`, as a book made before this code would lack it. */
const setComplete = (db: Db, key: { pk: string; sk: string }, on: boolean) =>
  db.doc.send(
    new UpdateCommand({
      TableName: db.tableName,
      Key: key,
      UpdateExpression: on ? 'SET #c = :t' : 'REMOVE #c',
      ExpressionAttributeNames: { '#c': 'complete' },
      ...(on ? { ExpressionAttributeValues: { ':t': true } } : {}),
    }),
  );

async function setUp(now: string) {
  const host = await startUnitTestHost([unit], { now: at(now) });
  await host.enable(host.a, 'simpanpinjam', {});
  const members = [await registerMember(host, 'Eko Prasetyo'), await registerMember(host, 'Fitri Handayani'), await registerMember(host, 'Gita Lestari')];
  const base = { minAmount: 100_000, maxAmount: 20_000_000, minTermMonths: 1, maxTermMonths: 24 };
  const products = [
    (await ok(host, 'createLoanProduct', { ...base, name: 'Flat harian', interestMethod: 'FLAT', annualRateBp: 1800, penaltyMethod: 'PER_DAY', penaltyRateBp: 10, maxPenaltyDays: 60 }, host.a.manager)).id,
    (await ok(host, 'createLoanProduct', { ...base, name: 'Menurun', interestMethod: 'DECLINING', annualRateBp: 1200, penaltyMethod: 'PER_INSTALMENT', penaltyRateBp: 500, adminFeeFixed: 10_000 }, host.a.manager)).id,
    (await ok(host, 'createLoanProduct', { ...base, name: 'Anuitas', interestMethod: 'ANNUITY', annualRateBp: 1500, adminFeeBp: 100, adminFeeDeducted: true, instalmentMultiple: 500 }, host.a.manager)).id,
  ] as string[];
  return { host, members, products };
}

const addDays = (date: string, n: number) => new Date(Date.parse(`${date}T00:00:00Z`) + n * 86_400_000).toISOString().slice(0, 10);

type Op =
  | { kind: 'lend'; member: number; product: number; amount: number; term: number; stage: 'APPLIED' | 'APPROVED' | 'REJECTED' | 'DISBURSED' }
  | { kind: 'days'; n: number }
  | { kind: 'repay'; loan: number; pay: 'PART' | 'INSTALMENT' | 'PAYOFF'; fraction: number; backdate: number }
  | { kind: 'reverse'; loan: number }
  | { kind: 'reschedule'; loan: number; term: number; waive: boolean }
  | { kind: 'writeOff'; loan: number }
  | { kind: 'recover'; loan: number; amount: number };

const op: fc.Arbitrary<Op> = fc.oneof(
  { weight: 3, arbitrary: fc.record({ kind: fc.constant('lend' as const), member: fc.nat(2), product: fc.nat(2), amount: fc.integer({ min: 1, max: 60 }).map((n) => n * 100_000 + 7_000), term: fc.integer({ min: 1, max: 12 }), stage: fc.constantFrom('APPLIED' as const, 'APPROVED' as const, 'REJECTED' as const, 'DISBURSED' as const, 'DISBURSED' as const) }) },
  { weight: 3, arbitrary: fc.record({ kind: fc.constant('days' as const), n: fc.integer({ min: 1, max: 75 }) }) },
  { weight: 5, arbitrary: fc.record({ kind: fc.constant('repay' as const), loan: fc.nat(), pay: fc.constantFrom('PART' as const, 'INSTALMENT' as const, 'INSTALMENT' as const, 'PAYOFF' as const), fraction: fc.integer({ min: 1, max: 99 }), backdate: fc.constantFrom(0, 0, 0, 2, 6) }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('reverse' as const), loan: fc.nat() }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('reschedule' as const), loan: fc.nat(), term: fc.integer({ min: 1, max: 12 }), waive: fc.boolean() }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('writeOff' as const), loan: fc.nat() }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('recover' as const), loan: fc.nat(), amount: fc.integer({ min: 1, max: 500 }).map((n) => n * 1_000) }) },
);

describe('the loan book through the real stack', () => {
  let s: Awaited<ReturnType<typeof setUp>>;
  let today = '2026-01-05';
  const loans: string[] = [];
  /** Status of each loan as the steps left it, so a step picks a loan it applies to. */
  const status = new Map<string, string>();
  /** Steps that took effect, by kind: the property must have seen each. */
  const done: Record<string, number> = {};
  const count = (kind: string, r: any) => {
    if (r.__typename.endsWith('Success')) done[kind] = (done[kind] ?? 0) + 1;
    else done[`${kind} refused ${r.code}`] = (done[`${kind} refused ${r.code}`] ?? 0) + 1;
    return r;
  };

  beforeAll(async () => {
    s = await setUp(today);
  }, 60_000);
  afterAll(() => s?.host.close());

  /** Runs one step as the cooperative's people would; a refusal (a typed error) is a step that did nothing. */
  async function run(o: Op) {
    const { host } = s;
    const pick = (i: number, ...statuses: string[]) => {
      const fit = loans.filter((id) => statuses.includes(status.get(id)!));
      return fit[i % Math.max(1, fit.length)];
    };
    const loanOf = async (id: string) => (await query(host, LOAN, { id }, host.a.staff)).simpanpinjamLoan;
    switch (o.kind) {
      case 'days':
        today = addDays(today, o.n);
        host.clock.set(at(today));
        return;
      case 'lend': {
        const id = (await ok(host, 'applyForLoan', { memberId: s.members[o.member], productId: s.products[o.product], amount: o.amount, termMonths: o.term, purpose: 'Usaha' }, host.a.staff)).id;
        loans.push(id);
        status.set(id, o.stage === 'DISBURSED' ? 'ACTIVE' : o.stage);
        if (o.stage === 'APPLIED') return;
        if (o.stage === 'REJECTED') return void (await ok(host, 'rejectLoan', { loanId: id, reason: 'Tidak layak' }, host.a.manager));
        await ok(host, 'approveLoan', { loanId: id }, host.a.manager);
        if (o.stage === 'DISBURSED') await ok(host, 'disburseLoan', { loanId: id }, host.a.staff);
        return;
      }
      case 'repay': {
        const id = pick(o.loan, 'ACTIVE');
        if (!id) return;
        const l = await loanOf(id);
        if (l.status !== 'ACTIVE') return;
        const amount = o.pay === 'PAYOFF' ? l.payoff.total : o.pay === 'INSTALMENT' ? (l.nextDue?.amount ?? l.payoff.total) : Math.max(1, Math.floor((l.payoff.total * o.fraction) / 100));
        const r = count(o.backdate ? 'backdated repayment' : 'repayment', await mutate(host, 'repayLoan', { loanId: id, amount, ...(o.backdate ? { businessDate: addDays(today, -o.backdate) } : {}) }, host.a.staff, '{ closed }'));
        if (r.data?.closed) {
          done.closed = (done.closed ?? 0) + 1;
          status.set(id, 'CLOSED');
        }
        return;
      }
      case 'reverse': {
        const id = pick(o.loan, 'ACTIVE', 'CLOSED');
        if (!id) return;
        const last = (await loanOf(id)).repayments.filter((r: { reversed: boolean }) => !r.reversed).at(-1);
        if (!last) return;
        const asked = await mutate(host, 'requestRepaymentReversal', { repaymentId: last.id, reason: 'Salah input' }, host.a.staff, '{ id }');
        if (asked.__typename.endsWith('Success') && count('reversal', await mutate(host, 'approveRepaymentReversal', { repaymentId: last.id }, host.a.manager, '{ id }')).__typename.endsWith('Success')) status.set(id, 'ACTIVE');
        return;
      }
      case 'reschedule':
      case 'writeOff': {
        const id = pick(o.loan, 'ACTIVE');
        if (!id) return;
        const change = o.kind === 'reschedule' ? { kind: 'RESCHEDULE', termMonths: o.term, waivePenalties: o.waive } : { kind: 'WRITE_OFF' };
        const asked = await mutate(host, 'requestLoanChange', { loanId: id, reason: 'Usaha terganggu', ...change }, host.a.staff, '{ id }');
        if (!asked.__typename.endsWith('Success')) return;
        const r = count(o.kind, await mutate(host, 'approveLoanChange', { loanId: id }, host.a.manager, '{ id }'));
        if (!r.__typename.endsWith('Success')) return;
        status.set(id, o.kind === 'reschedule' ? 'RESCHEDULED' : 'WRITTEN_OFF');
        if (o.kind === 'reschedule') {
          loans.push(r.data.id);
          status.set(r.data.id, 'ACTIVE');
        }
        return;
      }
      case 'recover': {
        const id = pick(o.loan, 'WRITTEN_OFF');
        if (id) count('recovery', await mutate(host, 'recoverLoan', { loanId: id, amount: o.amount }, host.a.staff, '{ id }'));
        return;
      }
    }
  }

  const portfolio = async (asOf: string) => (await query(s.host, PORTFOLIO, { asOf }, s.host.a.supervisor)).simpanpinjamPortfolio;
  const list = async (asOf: string, status: string) => (await query(s.host, LOANS, { asOf, status }, s.host.a.staff)).simpanpinjamLoans;

  let arrearsSeen = 0;
  it('rows equal a rebuild from every loan; the portfolio and the approved and active loans from the book equal those from every loan, on any date from today to two years on', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(op, { minLength: 6, maxLength: 18 }), fc.array(fc.integer({ min: 0, max: 730 }), { minLength: 2, maxLength: 4 }), async (ops, offsets) => {
        for (const o of ops) await run(o);
        const book = await storedBook(s.host);
        expect(book.complete).toBe(true);
        expect(book.rows).toEqual(await expectedRows(s.host));
        for (const offset of [0, ...offsets]) {
          const asOf = addDays(today, offset);
          const fromBook = [await portfolio(asOf), await list(asOf, 'ACTIVE'), await list(asOf, 'APPROVED')];
          arrearsSeen += fromBook[0].arrears.length;
          await setComplete(s.host.db, markerKey(s.host), false);
          try {
            expect(fromBook, asOf).toEqual([await portfolio(asOf), await list(asOf, 'ACTIVE'), await list(asOf, 'APPROVED')]);
          } finally {
            await setComplete(s.host.db, markerKey(s.host), true);
          }
        }
      }),
      { numRuns: 25, endOnFailure: true },
    );
    // The runs took every kind of step that changes a row, so the property was not vacuous.
    console.log(`loan book property: ${loans.length} loans, steps ${JSON.stringify(done)}`);
    expect(arrearsSeen).toBeGreaterThan(0);
    for (const kind of ['repayment', 'backdated repayment', 'closed', 'reversal', 'reschedule', 'writeOff', 'recovery']) expect(done[kind] ?? 0, kind).toBeGreaterThan(0);
  }, 240_000);
});

const REBUILD = '{ loans rows changed complete }';
/** No book at all, as a table written before the book existed: neither marker nor rows. */
const deleteBook = async (host: UnitTestHost) => {
  const keys = [markerKey(host), ...(await storedRowItems(host)).map((i) => ({ pk: partition(host), sk: sk('LOANROW', i.loanId) }))];
  await Promise.all(keys.map((Key) => host.db.doc.send(new DeleteCommand({ TableName: host.db.tableName, Key }))));
};
/** The DynamoDB calls of a piece of work, and how many of its Queries read every loan (sort key prefix LOAN#). */
const loanQueries = async <T>(host: UnitTestHost, work: () => Promise<T>) => {
  let everyLoan = 0;
  const name = `every-loan-${Math.random().toString(36).slice(2)}`;
  host.db.raw.middlewareStack.add(
    (next, context) => async (args) => {
      if (context.commandName === 'QueryCommand' && JSON.stringify(args.input).includes('"LOAN#"')) everyLoan += 1;
      return next(args);
    },
    { step: 'initialize', name },
  );
  try {
    const { result, log } = await logCalls(host.db, work);
    return { result, queries: everyLoan, calls: log.byCommand };
  } finally {
    host.db.raw.middlewareStack.remove(name);
  }
};

describe('loans made before the book: the fallback, the rebuild, enabling again', () => {
  let s: Awaited<ReturnType<typeof setUp>>;
  const ids: string[] = [];
  const portfolio = async (asOf: string) => (await query(s.host, PORTFOLIO, { asOf }, s.host.a.supervisor)).simpanpinjamPortfolio;

  beforeAll(async () => {
    s = await setUp('2026-02-02');
    const { host } = s;
    for (const [i, amount] of [1_200_000, 2_400_000, 600_000].entries()) {
      const id = (await ok(host, 'applyForLoan', { memberId: s.members[i], productId: s.products[i], amount, termMonths: 6, purpose: 'Usaha' }, host.a.staff)).id;
      await ok(host, 'approveLoan', { loanId: id }, host.a.manager);
      if (i < 2) await ok(host, 'disburseLoan', { loanId: id }, host.a.staff);
      ids.push(id);
    }
    // The first loan is paid twice (March, April), the second never: both in arrears by June.
    for (const day of ['2026-03-02', '2026-04-02']) {
      host.clock.set(at(day));
      await ok(host, 'repayLoan', { loanId: ids[0], amount: 230_000 }, host.a.staff, '{ closed }');
    }
    host.clock.set(at('2026-06-10'));
  }, 60_000);
  afterAll(() => s?.host.close());

  it('answers the same from every loan without a complete book; the rebuild makes it complete, and again changes nothing', async () => {
    const { host } = s;
    const today = '2026-06-10';
    const withBook = await loanQueries(host, () => portfolio(today));
    expect(withBook.result.arrears.length).toBe(2);
    // The gate with the book's marker, then the rows beside the allowance's balance, then the two loans in
    // arrears by key; no read of every loan.
    expect(withBook.calls).toEqual({ BatchGetItem: 2, Query: 3 });
    expect(withBook.queries).toBe(0);

    await deleteBook(host); // as a table written before the book existed
    expect((await storedBook(host)).complete).toBe(false);
    const fallback = await loanQueries(host, () => portfolio(today));
    expect(fallback.result).toEqual(withBook.result);
    expect(fallback.queries).toBe(withBook.queries + 1); // every loan, queried

    // A loan written meanwhile writes its row, but one row does not make the book complete.
    await ok(host, 'repayLoan', { loanId: ids[0], amount: 230_000 }, host.a.staff, '{ closed }');
    const partial = await storedBook(host);
    expect([partial.complete, Object.keys(partial.rows).length]).toEqual([false, 1]);
    const afterRepayment = await portfolio(today);
    expect(afterRepayment.outstanding).toBeLessThan(withBook.result.outstanding);

    // The repaid loan's row is right already: the rebuild writes the other two.
    expect(await ok(host, 'rebuildLoanBook', {}, host.a.manager, REBUILD)).toEqual({ loans: 3, rows: 3, changed: 2, complete: true });
    const rebuilt = await storedBook(host);
    expect(rebuilt.complete).toBe(true);
    expect(rebuilt.rows).toEqual(await expectedRows(host));
    const fromBook = await loanQueries(host, () => portfolio(today));
    expect(fromBook.result).toEqual(afterRepayment);
    expect(fromBook.calls).toEqual(withBook.calls);

    expect(await ok(host, 'rebuildLoanBook', {}, host.a.manager, REBUILD)).toEqual({ loans: 3, rows: 3, changed: 0, complete: true });
    expect((await storedBook(host)).rows).toEqual(rebuilt.rows);
    // Only the manager rebuilds it.
    expect((await mutate(host, 'rebuildLoanBook', {}, host.a.staff, REBUILD)).code).toBe('FORBIDDEN');
  });

  it('a loan written between the rebuild reading the loans and writing the book makes it read again', async () => {
    const { host } = s;
    const before = await storedBook(host);
    let interleaved = false;
    let loanReads = 0;
    const name = 'interleave-a-repayment';
    host.db.raw.middlewareStack.add(
      (next, context) => async (args) => {
        const result = await next(args);
        if (context.commandName === 'QueryCommand' && JSON.stringify(args.input).includes('"LOAN#"')) {
          loanReads += 1;
          if (!interleaved) {
            interleaved = true;
            // The rebuild has the loans as they were; this repayment (principal too: a new row) lands before its write.
            await ok(host, 'repayLoan', { loanId: ids[1], amount: 1_000_000 }, host.a.staff, '{ closed }');
          }
        }
        return result;
      },
      { step: 'initialize', name },
    );
    try {
      // Re-run from fresh reads: the repayment wrote its row itself, so nothing is left to change.
      expect(await ok(host, 'rebuildLoanBook', {}, host.a.manager, REBUILD)).toEqual({ loans: 3, rows: 3, changed: 0, complete: true });
    } finally {
      host.db.raw.middlewareStack.remove(name);
    }
    expect([interleaved, loanReads]).toEqual([true, 2]); // refused once (the version moved), then read afresh
    const after = await storedBook(host);
    expect(after.rows).toEqual(await expectedRows(host));
    expect(after.rows).not.toEqual(before.rows); // the repayment's row is in
  });

  it('enabling again keeps a book that is not complete as it is (its loans have no rows yet)', async () => {
    const { host } = s;
    await deleteBook(host);
    await host.disable(host.a, 'simpanpinjam');
    await host.enable(host.a, 'simpanpinjam', {});
    const book = await storedBook(host);
    expect(book.complete).toBe(false);
    expect([book.version, book.rows]).toEqual([undefined, {}]);
    expect((await portfolio('2026-06-10')).loanCount).toBe(2);
    expect(await ok(host, 'rebuildLoanBook', {}, host.a.manager, REBUILD)).toEqual({ loans: 3, rows: 3, changed: 3, complete: true });
    await host.disable(host.a, 'simpanpinjam');
    await host.enable(host.a, 'simpanpinjam', {});
    expect((await storedBook(host)).complete).toBe(true);
  });
});

describe('the related-party limit from the book', () => {
  it("counts an active loan's principal outstanding and an approved one's principal, the same with the book and from every loan; the portfolio in 2 round trips", async () => {
    const host = await startUnitTestHost([unit], { now: at('2026-02-02') });
    try {
      const [bima, citra] = [await registerMember(host, 'Bima Santoso'), await registerMember(host, 'Citra Dewi')];
      await payWajib(host, citra, 20_000_000); // own capital 20 000 000: a 10% limit of 2 000 000
      await host.enable(host.a, 'simpanpinjam', { relatedPartyMemberIds: [bima] });
      const product = (await ok(host, 'createLoanProduct', { name: 'Usaha', interestMethod: 'FLAT', annualRateBp: 1200, minAmount: 100_000, maxAmount: 5_000_000, minTermMonths: 1, maxTermMonths: 12 }, host.a.manager)).id;
      const lend = async (amount: number) => {
        const id = (await ok(host, 'applyForLoan', { memberId: bima, productId: product, amount, termMonths: 6, purpose: 'Renovasi' }, host.a.staff)).id;
        await ok(host, 'approveLoan', { loanId: id }, host.a.manager);
        await ok(host, 'endorseLoan', { loanId: id }, host.a.supervisor);
        return id;
      };
      const active = await lend(1_200_000);
      await ok(host, 'disburseLoan', { loanId: active }, host.a.staff);
      host.clock.set(at('2026-03-02'));
      await ok(host, 'repayLoan', { loanId: active, amount: 212_000 }, host.a.staff, '{ closed }'); // 200 000 principal + 12 000 interest
      await lend(300_000); // approved, not disbursed
      const refused = async () => (await mutate(host, 'applyForLoan', { memberId: bima, productId: product, amount: 800_000, termMonths: 6, purpose: 'Lagi' }, host.a.staff)).details;
      const withBook = await refused();
      // Own capital now has the 12 000 interest earned in it too.
      expect(withBook).toEqual({ ownCapital: 20_012_000, limit: 2_001_200, exposure: 1_000_000 + 300_000, requested: 800_000 });
      // No loan in arrears: the portfolio is the gate with the book's marker, then the rows beside the allowance's balance.
      const { result, log } = await logCalls(host.db, () => query(host, PORTFOLIO, { asOf: '2026-03-02' }, host.a.supervisor));
      expect([result.simpanpinjamPortfolio.loanCount, result.simpanpinjamPortfolio.arrears]).toEqual([1, []]);
      expect([log.byCommand, log.roundTrips]).toEqual([{ BatchGetItem: 1, Query: 3 }, 2]);
      await deleteBook(host);
      expect(await refused()).toEqual(withBook);
    } finally {
      await host.close();
    }
  });
});

describe('a rebuild of more loans than one call takes', () => {
  it('goes 40 loans a call, complete only after the last; the reports read every loan meanwhile', async () => {
    const s = await setUp('2026-02-02');
    const { host } = s;
    try {
      const approved = (await ok(host, 'applyForLoan', { memberId: s.members[0], productId: s.products[0], amount: 1_000_000, termMonths: 6, purpose: 'Usaha' }, host.a.staff)).id;
      await ok(host, 'approveLoan', { loanId: approved }, host.a.manager);
      // 41 more applications, not yet decided: loans without a row.
      for (let i = 0; i < 41; i++) await ok(host, 'applyForLoan', { memberId: s.members[i % 3], productId: s.products[i % 3], amount: 500_000 + i * 1_000, termMonths: 6, purpose: 'Usaha' }, host.a.staff);
      await deleteBook(host);
      const first = await ok(host, 'rebuildLoanBook', {}, host.a.manager, REBUILD);
      expect(first).toEqual({ loans: 40, rows: 1, changed: 1, complete: false });
      expect((await storedBook(host)).complete).toBe(false);
      const reads = await loanQueries(host, () => query(host, LOANS, { status: 'APPROVED' }, host.a.staff));
      expect(reads.result.simpanpinjamLoans.map((l: { id: string }) => l.id)).toEqual([approved]);
      expect(reads.queries).toBe(1); // every loan: the book is not complete
      expect(await ok(host, 'rebuildLoanBook', {}, host.a.manager, REBUILD)).toEqual({ loans: 2, rows: 0, changed: 0, complete: true });
      expect(await storedBook(host)).toMatchObject({ complete: true, rows: await expectedRows(host) });
    } finally {
      await host.close();
    }
  }, 120_000);
});
