import { getItem, queryAll, queryPage, sk, skPrefix, type PageRequest } from '@kkmp/store';
import { z } from 'zod';
import { authorize } from '../authorize';
import type { CoreContext } from '../context';
import { getCooperative } from '../cooperative';
import { ForbiddenError, InvalidStateError, NotFoundError, ValidationError } from '../errors';
import { newId } from '../ids';
import { RETRY_TAG, audited, coopOf, runMutation, coopSpec } from '../mutation';
import { localDate } from '../time';
import { idempotencyKeyField, isoDate, msg, parseInput, text } from '../validation';
import { entryKey, ledgerPartition, lockKey, reversalKey } from './keys';
import { movementsUpTo } from './balances';
import { requestedDate, resolveBusinessDate } from './business-date';
import { journalEntrySchema, postEntry, validateEntry, type JournalEntry, type JournalLine } from './posting';

/**
 * Manual journal entries (rent, salaries, depreciation, ...) go through maker-checker: one pengurus
 * drafts, another approves, and only approval posts. Posted entries are never edited: a mistake is
 * corrected by a reversing entry.
 */
const lineInput = z.object({
  account: z.string().min(1),
  unitId: z.string().optional().nullable(),
  debit: z.number().int().min(0).default(0),
  credit: z.number().int().min(0).default(0),
  memo: text(200).optional().nullable(),
});

export const draftJournalInput = z.object({
  idempotencyKey: idempotencyKeyField,
  cooperativeId: z.string().min(1),
  /** The day the entry records; today when absent (see business-date.ts). */
  businessDate: isoDate.optional().nullable(),
  /** Deprecated name of businessDate. */
  date: isoDate.optional().nullable(),
  memo: text(300),
  lines: z.array(lineInput).min(2, msg('an entry needs at least two lines', 'jurnal perlu minimal dua baris')).max(40),
});

const draftSchema = z.object({
  id: z.string(),
  coopId: z.string(),
  status: z.enum(['DRAFT', 'POSTED', 'REJECTED']),
  date: z.string(),
  memo: z.string(),
  lines: z.array(z.object({ account: z.string(), unitId: z.string().optional(), debit: z.number(), credit: z.number(), memo: z.string().optional() })),
  makerId: z.string(),
  createdAt: z.string(),
  checkerId: z.string().optional(),
  decidedAt: z.string().optional(),
  entryId: z.string().optional(),
  reason: z.string().optional(),
  /** For a reversal: the entry it reverses, and that entry's patronage to take back. */
  reverses: z.object({ id: z.string(), date: z.string(), unitId: z.string().optional() }).optional(),
  patronage: z.array(z.object({ memberId: z.string(), unitId: z.string(), amount: z.number().int() })).optional(),
});
export type JournalDraft = z.infer<typeof draftSchema>;

const draftKey = (coopId: string, id: string) => ({ pk: ledgerPartition(coopId), sk: sk('DRAFT', id) });

const cleanLines = (lines: z.infer<typeof lineInput>[]): JournalLine[] =>
  lines.map((l) => ({ account: l.account, debit: l.debit, credit: l.credit, ...(l.unitId ? { unitId: l.unitId } : {}), ...(l.memo ? { memo: l.memo } : {}) }));

async function draftJournalEntryUnaudited(ctx: CoreContext, raw: unknown): Promise<JournalDraft> {
  const input = parseInput(draftJournalInput, raw);
  const p = await authorize(ctx, 'ledger:write', { coopId: input.cooperativeId });
  const lines = cleanLines(input.lines);
  const { requested, field } = requestedDate(input.businessDate, input.date, 'input.date');
  return runMutation(ctx, coopSpec('draftJournalEntry', input), async (tx, event) => {
    const coop = await getCooperative(ctx, input.cooperativeId, 'input.cooperativeId');
    const date = (event.businessDate = await resolveBusinessDate(ctx, coop, p.role, requested, field));
    validateEntry({ date, memo: input.memo, source: { kind: 'MANUAL', documentId: 'draft' }, lines }, ctx.chart);
    const now = ctx.clock.now();
    const draft: JournalDraft = { id: newId(now), coopId: input.cooperativeId, status: 'DRAFT', date, memo: input.memo, lines, makerId: p.userId, createdAt: now.toISOString() };
    tx.create({ ...draftKey(draft.coopId, draft.id), type: 'JournalDraft', ...draft });
    return draft;
  });
}

const decideInput = z.object({
  idempotencyKey: idempotencyKeyField,
  cooperativeId: z.string().min(1),
  draftId: z.string().min(1),
  reason: text(300).optional().nullable(),
});

async function loadDraft(ctx: CoreContext, coopId: string, id: string) {
  const draft = await getItem(ctx.db, draftKey(coopId, id), draftSchema);
  if (!draft) throw new NotFoundError('JournalDraft', id, 'input.draftId');
  if (draft.status !== 'DRAFT') throw new InvalidStateError(`this draft is already ${draft.status}`, `draf ini sudah ${draft.status}`);
  return draft;
}

async function approveJournalEntryUnaudited(ctx: CoreContext, raw: unknown): Promise<JournalEntry> {
  const input = parseInput(decideInput, raw);
  const p = await authorize(ctx, 'ledger:approve', { coopId: input.cooperativeId });
  const spec = coopSpec('approveJournalEntry', input, {
    targetId: input.draftId,
    conflicts: { reversed: () => new InvalidStateError('that entry was already reversed', 'jurnal itu sudah dibalik') },
  });
  return runMutation(ctx, spec, async (tx) => {
    const draft = await loadDraft(ctx, input.cooperativeId, input.draftId);
    if (draft.makerId === p.userId) throw new ForbiddenError('ledger:approve', {
        en: 'you may not approve your own journal entry: another manager approves it (maker-checker)',
        id: 'Anda tidak boleh menyetujui jurnal yang Anda buat sendiri: pengurus lain yang menyetujuinya (maker-checker)',
      });
    const entry = await postEntry(ctx, tx, draft.coopId, {
      date: draft.date,
      memo: draft.memo,
      source: draft.reverses
        ? { kind: 'REVERSAL', documentId: draft.reverses.id, ...(draft.reverses.unitId ? { unitId: draft.reverses.unitId } : {}) }
        : { kind: 'MANUAL', documentId: draft.id },
      lines: draft.lines,
      ...(draft.reverses ? { reverses: draft.reverses.id, patronageYear: draft.reverses.date.slice(0, 4) } : {}),
      ...(draft.patronage?.length ? { patronage: draft.patronage } : {}),
    });
    // One reversal per entry, even if two reversal drafts were approved.
    if (draft.reverses) tx.create({ ...reversalKey(draft.coopId, draft.reverses.id), type: 'Reversal', reversedBy: entry.id }, 'reversed');
    tx.update(
      draftKey(draft.coopId, draft.id),
      { expression: 'SET #s = :posted, checkerId = :c, decidedAt = :t, entryId = :e', names: { '#s': 'status' }, values: { ':posted': 'POSTED', ':c': p.userId, ':t': entry.postedAt, ':e': entry.id } },
      { expression: '#s = :draft', names: { '#s': 'status' }, values: { ':draft': 'DRAFT' } },
      RETRY_TAG,
    );
    return entry;
  });
}

async function rejectJournalEntryUnaudited(ctx: CoreContext, raw: unknown): Promise<JournalDraft> {
  const input = parseInput(decideInput, raw);
  const p = await authorize(ctx, 'ledger:approve', { coopId: input.cooperativeId });
  return runMutation(ctx, coopSpec('rejectJournalEntry', input, { targetId: input.draftId }), async (tx) => {
    const draft = await loadDraft(ctx, input.cooperativeId, input.draftId);
    const next: JournalDraft = { ...draft, status: 'REJECTED', checkerId: p.userId, decidedAt: ctx.clock.now().toISOString(), ...(input.reason ? { reason: input.reason } : {}) };
    tx.update(
      draftKey(draft.coopId, draft.id),
      { expression: 'SET #s = :r, checkerId = :c, decidedAt = :t', names: { '#s': 'status' }, values: { ':r': 'REJECTED', ':c': p.userId, ':t': next.decidedAt } },
      { expression: '#s = :draft', names: { '#s': 'status' }, values: { ':draft': 'DRAFT' } },
      RETRY_TAG,
    );
    return next;
  });
}

const reverseInput = z.object({
  idempotencyKey: idempotencyKeyField,
  cooperativeId: z.string().min(1),
  entryDate: isoDate,
  entryId: z.string().min(1),
  /** Date of the reversing entry; today when absent. */
  businessDate: isoDate.optional().nullable(),
  /** Deprecated name of businessDate. */
  date: isoDate.optional().nullable(),
  memo: text(300),
});

/**
 * Corrects a posted entry the only allowed way: a new entry with debits and credits swapped. Like any
 * manual entry it is drafted here and posted when another manager approves it (maker-checker).
 */
async function reverseJournalEntryUnaudited(ctx: CoreContext, raw: unknown): Promise<JournalDraft> {
  const input = parseInput(reverseInput, raw);
  const p = await authorize(ctx, 'ledger:write', { coopId: input.cooperativeId });
  return runMutation(ctx, coopSpec('reverseJournalEntry', input, { targetId: input.entryId }), async (tx, event) => {
    const coop = await getCooperative(ctx, input.cooperativeId, 'input.cooperativeId');
    const original = await getItem(ctx.db, entryKey(coop.id, input.entryDate, input.entryId), journalEntrySchema);
    if (!original) throw new NotFoundError('JournalEntry', input.entryId, 'input.entryId');
    if (original.reverses) throw new InvalidStateError('a reversing entry is not reversed; post a new entry', 'jurnal pembalik tidak dibalik lagi; buat jurnal baru');
    // Entries behind a business record (a payment, a sale, an SHU distribution) are corrected through that
    // record's own operation, so the record and the books never disagree.
    if (original.source.kind !== 'MANUAL') {
      throw new InvalidStateError(`a ${original.source.kind} entry is corrected through its own record, not reversed here`, `jurnal ${original.source.kind} dikoreksi melalui transaksinya sendiri, bukan dibalik di sini`);
    }
    if (await getItem(ctx.db, reversalKey(coop.id, original.id), z.object({ reversedBy: z.string() }))) {
      throw new InvalidStateError('this entry was already reversed', 'jurnal ini sudah dibalik');
    }
    const { requested, field } = requestedDate(input.businessDate, input.date, 'input.date');
    const date = (event.businessDate = await resolveBusinessDate(ctx, coop, p.role, requested, field));
    const now = ctx.clock.now();
    const draft: JournalDraft = {
      id: newId(now),
      coopId: coop.id,
      status: 'DRAFT',
      date,
      memo: input.memo,
      lines: original.lines.map((l) => ({ ...l, debit: l.credit, credit: l.debit })),
      makerId: p.userId,
      createdAt: now.toISOString(),
      reverses: { id: original.id, date: original.date, ...(original.source.unitId ? { unitId: original.source.unitId } : {}) },
      ...(original.patronage?.length ? { patronage: original.patronage.map((x) => ({ ...x, amount: -x.amount })) } : {}),
    };
    tx.create({ ...draftKey(coop.id, draft.id), type: 'JournalDraft', ...draft });
    return draft;
  });
}

const lockInput = z.object({
  idempotencyKey: idempotencyKeyField,
  cooperativeId: z.string().min(1),
  through: z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/, msg('must be a month YYYY-MM', 'harus bulan TTTT-BB')),
});

/** Closes the books through a month: no entry can be dated in it any more. Locks only move forward. */
async function lockPeriodUnaudited(ctx: CoreContext, raw: unknown): Promise<{ lockedThrough: string }> {
  const input = parseInput(lockInput, raw);
  await authorize(ctx, 'ledger:write', { coopId: input.cooperativeId });
  return runMutation(ctx, coopSpec('lockPeriod', input), async (tx) => {
    await getCooperative(ctx, input.cooperativeId, 'input.cooperativeId');
    const current = await getItem(ctx.db, lockKey(input.cooperativeId), z.object({ lockedThrough: z.string() }));
    if (current && current.lockedThrough >= input.through) {
      throw ValidationError.field('input.through', `already locked through ${current.lockedThrough}`, `sudah dikunci s.d. ${current.lockedThrough}`);
    }
    tx.put(
      { ...lockKey(input.cooperativeId), type: 'PeriodLock', lockedThrough: input.through },
      current ? { expression: 'lockedThrough = :prev', values: { ':prev': current.lockedThrough } } : { expression: 'attribute_not_exists(pk)' },
      RETRY_TAG,
    );
    return { lockedThrough: input.through };
  });
}

export const draftJournalEntry = audited('draftJournalEntry', coopOf(), draftJournalEntryUnaudited);
export const approveJournalEntry = audited('approveJournalEntry', coopOf(), approveJournalEntryUnaudited);
export const rejectJournalEntry = audited('rejectJournalEntry', coopOf(), rejectJournalEntryUnaudited);
export const reverseJournalEntry = audited('reverseJournalEntry', coopOf(), reverseJournalEntryUnaudited);
export const lockPeriod = audited('lockPeriod', coopOf(), lockPeriodUnaudited);

export async function lockedThrough(ctx: CoreContext, coopId: string): Promise<string | undefined> {
  await authorize(ctx, 'ledger:read', { coopId });
  return (await getItem(ctx.db, lockKey(coopId), z.object({ lockedThrough: z.string() })))?.lockedThrough;
}

/** Journal entries dated in a range, oldest first. */
export async function listJournal(ctx: CoreContext, coopId: string, from: string, to: string, page: PageRequest) {
  await authorize(ctx, 'ledger:detail', { coopId });
  return queryPage(ctx.db, { partition: ledgerPartition(coopId), between: [`JE#${from}`, `JE#${to}~`] }, journalEntrySchema, page);
}

export async function listDrafts(ctx: CoreContext, coopId: string) {
  await authorize(ctx, 'ledger:detail', { coopId });
  return (await queryAll(ctx.db, { partition: ledgerPartition(coopId), prefix: skPrefix('DRAFT') }, draftSchema)).filter((d) => d.status === 'DRAFT');
}

/** Buku besar: every line on one account in a range, with the running balance (reads the entries). */
export async function generalLedger(ctx: CoreContext, coopId: string, account: string, from: string, to: string) {
  await authorize(ctx, 'ledger:detail', { coopId });
  if (!ctx.chart.get(account)) throw ValidationError.field('account', `unknown account ${account}`, `akun ${account} tidak dikenal`);
  const dayBefore = new Date(Date.parse(`${from}T00:00:00Z`) - 86_400_000).toISOString().slice(0, 10);
  const [entries, opening] = await Promise.all([
    queryAll(ctx.db, { partition: ledgerPartition(coopId), between: [`JE#${from}`, `JE#${to}~`] }, journalEntrySchema),
    movementsUpTo(ctx, coopId, dayBefore),
  ]);
  const sign = ctx.chart.sign(account);
  // The running balance starts from the maintained balance before the range, not from zero.
  let balance = opening.filter((m) => m.account === account).reduce((s, m) => s + (m.debit - m.credit) * sign, 0);
  return entries.flatMap((e) =>
    e.lines
      .filter((l) => l.account === account)
      .map((l) => {
        balance += (l.debit - l.credit) * sign;
        return { entryId: e.id, date: e.date, memo: l.memo ?? e.memo, source: e.source, debit: l.debit, credit: l.credit, balance };
      }),
  );
}

