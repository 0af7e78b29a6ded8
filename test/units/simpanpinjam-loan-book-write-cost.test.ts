import { pk, putAll, sk, type StoredItem } from '@kkmp/store';
import { startUnitTestHost, type UnitTestHost } from '@kkmp/unit-testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import unit from '../../plugins/simpanpinjam/src/index';
import { at, ok, registerMember } from '../../plugins/simpanpinjam/test/support';

/**
 * What a loan write costs in write units must not grow with the loan book. DynamoDB bills an item write by
 * the whole item's size (the larger of before and after), doubled in a transaction: rows kept together in
 * a few big items made every repayment pay for a quarter of the book (8 write units with 1 loan, 86 with
 * 2,000). Each row is its own small item now.
 */

let host: UnitTestHost;
let loanId: string;
const partition = () => pk({ kind: 'coop', coopId: host.a.rawId }, 'U', 'simpanpinjam');

/** Write units of one repayment (ReturnConsumedCapacity on every call of the request). */
async function repaymentWriteUnits(amount: number): Promise<number> {
  let units = 0;
  const name = `wcu-${Math.random()}`;
  host.db.raw.middlewareStack.add(
    (next, context) => async (args) => {
      (args.input as Record<string, unknown>).ReturnConsumedCapacity = 'TOTAL';
      const out = await next(args);
      if (context.commandName === 'TransactWriteItemsCommand') {
        const consumed = (out.output as { ConsumedCapacity?: { CapacityUnits?: number }[] }).ConsumedCapacity ?? [];
        for (const c of consumed) units += c.CapacityUnits ?? 0;
      }
      return out;
    },
    { step: 'initialize', name },
  );
  try {
    await ok(host, 'repayLoan', { loanId, amount }, host.a.staff, '{ closed }');
  } finally {
    host.db.raw.middlewareStack.remove(name);
  }
  return units;
}

/** Adds the rows of `n` other counting loans, as a cooperative with that many has. */
async function fillBook(n: number) {
  const rows: StoredItem[] = Array.from({ length: n }, (_, i) => {
    const loanId = `01KZZZZZZZZZZZZZZZZZ${String(i).padStart(6, '0')}`;
    return { pk: partition(), sk: sk('LOANROW', loanId), unit: 'simpanpinjam', loanId, row: [`01KMEMBER0000000000000${String(i % 997).padStart(4, '0')}`, 'ACTIVE', 2_450_000, '2026-07-02'] } as StoredItem;
  });
  await putAll(host.db, rows);
}

beforeAll(async () => {
  host = await startUnitTestHost([unit], { now: at('2026-02-02') });
  await host.enable(host.a, 'simpanpinjam', {});
  const member = await registerMember(host, 'Eko Prasetyo');
  const product = (await ok(host, 'createLoanProduct', { name: 'Usaha', interestMethod: 'FLAT', annualRateBp: 1200, minAmount: 100_000, maxAmount: 50_000_000, minTermMonths: 1, maxTermMonths: 24 }, host.a.manager)).id;
  loanId = (await ok(host, 'applyForLoan', { memberId: member, productId: product, amount: 12_000_000, termMonths: 24, purpose: 'Usaha' }, host.a.staff)).id;
  await ok(host, 'approveLoan', { loanId }, host.a.manager);
  await ok(host, 'disburseLoan', { loanId }, host.a.staff);
}, 60_000);
afterAll(() => host?.close());

describe('a repayment’s write units do not grow with the loan book', () => {
  it('costs the same with 1 counting loan as with 2,000', async () => {
    host.clock.set(at('2026-03-02'));
    const small = await repaymentWriteUnits(620_000); // one instalment: the row's due date and outstanding move
    await fillBook(2_000);
    host.clock.set(at('2026-04-02'));
    const big = await repaymentWriteUnits(620_000);
    console.log(`WCU of one repayment: book with 1 loan ${small}, with 2,000 counting loans ${big}`);
    expect(big).toBe(small);
  });
});
