import { activityHooks } from '../city-view/hooks';
import { ACCOUNTS } from './codes';
import { countUnderAgreement } from '../city-view/agreement-volume';
import { summaryKey } from '../city-view/keys';
import type { Key, Transaction } from '@kkmp/store';
import { z } from 'zod';
import type { CoreContext } from '../context';
import { InvalidStateError, ValidationError } from '../errors';
import { newId } from '../ids';
import { formatRupiah, formatRupiahEn, type Rupiah } from '../money';
import { RETRY_TAG } from '../mutation';
import { periodOf } from '../time';
import type { Chart } from './accounts';
import { addPosition } from './position';
import { NO_SEGMENT, cashFlowAccount, dayBalanceKey, entryKey, lockKey, monthBalanceKey, patronageKey } from './keys';

export interface JournalLine {
  account: string;
  /** Business unit the amount belongs to (segment); absent for the cooperative as a whole. */
  unitId?: string;
  debit: Rupiah;
  credit: Rupiah;
  memo?: string;
}

export interface JournalSource {
  /** What caused it: EQUITY_PAYMENT, SALE, PURCHASE, MANUAL, REVERSAL, YEAR_CLOSE, ... */
  kind: string;
  unitId?: string;
  documentId: string;
}

export interface JournalEntryInput {
  /** Business date in the cooperative's time zone. */
  date: string;
  memo: string;
  source: JournalSource;
  lines: JournalLine[];
  /** Member transactions to count for SHU jasa usaha (member sales of a unit). */
  patronage?: { memberId: string; unitId: string; amount: Rupiah }[];
  /** Id of the entry this one reverses. */
  reverses?: string;
  /** Year the patronage counts for, when not the entry's own (a reversal corrects the original year). */
  patronageYear?: string;
  /** A purchase under a city-brokered supply agreement: checked, and its volume grows in this transaction. */
  supplyAgreement?: { id: string; amount: Rupiah };
}

/** Simpanan pokok and wajib: what the city counts as equity collected. */
const EQUITY_SAVINGS = new Set<string>([ACCOUNTS.simpananPokok, ACCOUNTS.simpananWajib]);

/** DynamoDB actions one entry may use, leaving room in the transaction for the business record. */
export const MAX_ENTRY_ACTIONS = 60;

export const journalEntrySchema = z.object({
  id: z.string(),
  coopId: z.string(),
  date: z.string(),
  memo: z.string(),
  source: z.object({ kind: z.string(), unitId: z.string().optional(), documentId: z.string() }),
  lines: z.array(z.object({ account: z.string(), unitId: z.string().optional(), debit: z.number().int(), credit: z.number().int(), memo: z.string().optional() })),
  patronage: z.array(z.object({ memberId: z.string(), unitId: z.string(), amount: z.number().int() })).optional(),
  reverses: z.string().optional(),
  total: z.number().int(),
  postedAt: z.string(),
  postedBy: z.string(),
});
export type JournalEntry = z.infer<typeof journalEntrySchema>;

const lockSchema = z.object({ lockedThrough: z.string() });

/** The cooperative's period lock, read once per request (the loader is cleared when a mutation re-runs). */
export async function readLock(ctx: CoreContext, coopId: string): Promise<{ lockedThrough: string } | undefined> {
  const item = await ctx.items.load(lockKey(coopId));
  return item ? lockSchema.parse(item) : undefined;
}

/** The items a business event's posting reads by key (the period lock, the activity summary): for a first read wave. */
export function postingReads(coopId: string): Key[] {
  return [lockKey(coopId), summaryKey(coopId)];
}

/** Checks an entry before it is posted: balanced, known accounts, whole positive amounts. */
export function validateEntry(entry: JournalEntryInput, chart: Chart): void {
  const problems: ValidationError['issues'] = [];
  const bad = (field: string, en: string, id: string) => problems.push({ field, messageEn: en, messageId: id });
  if (entry.lines.length < 2) bad('input.lines', 'an entry needs at least two lines', 'jurnal perlu minimal dua baris');
  let debit = 0;
  let credit = 0;
  entry.lines.forEach((l, i) => {
    const f = `input.lines.${i}`;
    if (!chart.get(l.account)) bad(`${f}.account`, `unknown account ${l.account}`, `akun ${l.account} tidak dikenal`);
    for (const [side, v] of [['debit', l.debit], ['credit', l.credit]] as const) {
      if (!Number.isSafeInteger(v) || v < 0) bad(`${f}.${side}`, 'must be whole rupiah, not negative', 'harus rupiah bulat, tidak negatif');
    }
    if ((l.debit > 0) === (l.credit > 0)) bad(f, 'a line is either a debit or a credit', 'satu baris berisi debit atau kredit saja');
    debit += l.debit;
    credit += l.credit;
  });
  if (debit !== credit) bad('input.lines', `unbalanced: debits ${formatRupiahEn(debit)}, credits ${formatRupiahEn(credit)}`, `tidak seimbang: debit ${formatRupiah(debit)}, kredit ${formatRupiah(credit)}`);
  if (debit === 0) bad('input.lines', 'an entry must move money', 'jurnal harus bernilai');
  if (problems.length) throw new ValidationError(problems);
}

/**
 * Adds a balanced journal entry to the mutation's transaction, with the balance updates it causes
 * (per account and unit, per month and per day), its cash-flow buckets and member patronage: the books
 * change in the same DynamoDB transaction as the business record, or not at all. One entry per
 * transaction (its balance items may not be touched twice).
 */
export async function postEntry(ctx: CoreContext, tx: Transaction, coopId: string, input: JournalEntryInput): Promise<JournalEntry> {
  const chart = ctx.chart;
  validateEntry(input, chart);
  const month = periodOf(input.date);
  // Through the request's loader: the business-date check has usually read the same items already (the
  // unit kit asks for both in its first read wave). The activity summary is read to know whether this
  // posting must raise its dates (see activityHooks.posted).
  const [lock, summary] = await Promise.all([readLock(ctx, coopId), activityHooks.counts(input.source) ? ctx.items.load(summaryKey(coopId)) : undefined]);
  if (lock && lock.lockedThrough >= month) {
    throw new InvalidStateError(`the books are locked through ${lock.lockedThrough}; post in a later period`, `pembukuan dikunci s.d. ${lock.lockedThrough}; catat di periode berikutnya`);
  }
  // A lock placed between our read and the commit fails the transaction, and the re-run refuses.
  tx.check(lockKey(coopId), { expression: 'attribute_not_exists(pk) OR lockedThrough < :m', values: { ':m': month } }, RETRY_TAG);

  const now = ctx.clock.now();
  const total = input.lines.reduce((s, l) => s + l.debit, 0);
  const entry: JournalEntry = {
    id: newId(now),
    coopId,
    date: input.date,
    memo: input.memo,
    source: input.source,
    lines: input.lines,
    ...(input.patronage?.length ? { patronage: input.patronage } : {}),
    ...(input.reverses ? { reverses: input.reverses } : {}),
    total,
    postedAt: now.toISOString(),
    postedBy: ctx.principal?.userId ?? 'system',
  };
  tx.create({ ...entryKey(coopId, entry.date, entry.id), type: 'JournalEntry', ...entry });
  // The city's activity summary: its dates in this transaction when behind (once a day per segment).
  const equitySavings = [...new Set(input.lines.filter((l) => l.credit > 0 && EQUITY_SAVINGS.has(l.account)).map((l) => l.account))];
  activityHooks.posted(ctx.db, tx, coopId, input.source, input.date, summary, equitySavings.map((account) => ({ account, key: monthBalanceKey(coopId, month, account, NO_SEGMENT) })));
  if (input.supplyAgreement) await countUnderAgreement(ctx, tx, coopId, input.supplyAgreement, input.date);

  const moves = new Map<string, { account: string; segment: string; debit: number; credit: number }>();
  const move = (account: string, segment: string, debit: number, credit: number) => {
    const k = `${account}|${segment}`;
    const m = moves.get(k) ?? { account, segment, debit: 0, credit: 0 };
    m.debit += debit;
    m.credit += credit;
    moves.set(k, m);
  };
  for (const l of input.lines) move(l.account, l.unitId ?? NO_SEGMENT, l.debit, l.credit);
  for (const cf of cashFlows(input.lines, chart)) move(cashFlowAccount(cf.cls, cf.account), cf.segment, cf.inflow, cf.outflow);

  // The entry, the lock check, the position totals, two balance items per move, the patronage.
  const actions = 3 + 2 * moves.size + (input.patronage?.length ?? 0);
  if (actions > MAX_ENTRY_ACTIONS) {
    throw ValidationError.field(
      'input.lines',
      `this entry touches ${moves.size} account balances (${actions} writes, at most ${MAX_ENTRY_ACTIONS}); split it into smaller entries`,
      `jurnal ini menyentuh ${moves.size} saldo akun (${actions} penulisan, maks. ${MAX_ENTRY_ACTIONS}); pecah menjadi beberapa jurnal`,
    );
  }
  for (const m of moves.values()) {
    const update = { expression: 'ADD debit :d, credit :c', values: { ':d': m.debit, ':c': m.credit } };
    tx.update(monthBalanceKey(coopId, month, m.account, m.segment), update);
    tx.update(dayBalanceKey(coopId, input.date, m.account, m.segment), update);
  }
  // The running totals the city page reads by key (position.ts): in this transaction, so they never drift.
  addPosition(tx, chart, coopId, input.date, input.lines);
  for (const p of input.patronage ?? []) {
    // Negative amounts are reversals: they take the patronage back.
    if (p.amount !== 0) tx.update(patronageKey(coopId, input.patronageYear ?? input.date.slice(0, 4), p.memberId, p.unitId), { expression: 'ADD amount :a', values: { ':a': p.amount } });
  }
  return entry;
}

/**
 * Direct-method cash flow of one entry: the net cash movement is attributed to the non-cash lines on
 * the other side, in proportion to their amounts (whole rupiah, remainders to the largest lines).
 */
export function cashFlows(lines: JournalLine[], chart: Chart) {
  const net = lines.filter((l) => chart.get(l.account)?.cash).reduce((s, l) => s + l.debit - l.credit, 0);
  if (net === 0) return [];
  const counter = lines
    .filter((l) => !chart.get(l.account)?.cash && (net > 0 ? l.credit > 0 : l.debit > 0))
    .map((l) => ({ line: l, weight: net > 0 ? l.credit : l.debit }));
  const weight = counter.reduce((s, c) => s + c.weight, 0);
  if (weight === 0) return [];
  const amount = Math.abs(net);
  const shares = counter.map((c) => {
    const exact = BigInt(amount) * BigInt(c.weight);
    return { ...c, share: Number(exact / BigInt(weight)), rest: Number(exact % BigInt(weight)) };
  });
  let left = amount - shares.reduce((s, c) => s + c.share, 0);
  for (const s of [...shares].sort((x, y) => y.rest - x.rest)) {
    if (left-- <= 0) break;
    s.share += 1;
  }
  return shares.map((s) => ({
    cls: chart.get(s.line.account)!.cashFlow,
    account: s.line.account,
    segment: s.line.unitId ?? NO_SEGMENT,
    inflow: net > 0 ? s.share : 0,
    outflow: net < 0 ? s.share : 0,
  }));
}
