import { activityHooks } from '../city-view/hooks';
import { ConditionFailed, Transaction, getItem, pk, putAll, queryAll, sk, skPrefix } from '@kkmp/store';
import { z } from 'zod';
import { authorize } from '../authorize';
import type { CoreContext } from '../context';
import { coopTenant, firstFinancialYearOf, getCooperative, type Cooperative } from '../cooperative';
import { equityPaymentSchema } from '../equity';
import { InvalidStateError, ValidationError } from '../errors';
import { memberSchema } from '../member';
import { RETRY_TAG, audited, coopOf, runMutation, coopSpec } from '../mutation';
import { localDate } from '../time';
import { newId } from '../ids';
import { idempotencyKeyField, isoDate, msg, parseInput, text } from '../validation';
import { ACCOUNTS } from './accounts';
import { ledgerPartition, lockKey } from './keys';
import { postEntry } from './posting';
import { DEFAULT_SHU_SPLIT, allocateShu, validateShuSplit, type ShuAllocation, type ShuSplitLine } from './shu';
import { results } from './statements';

/**
 * Year end: the manager closes a financial year (its months are locked, the SHU is computed and split by
 * the AD/ART percentages stored for that year, each member's share is recorded); the members' meeting
 * (RAT) then approves, and only that approval posts the distribution entries.
 */
const splitKey = (coopId: string, year: number) => ({ pk: ledgerPartition(coopId), sk: sk('SHUSPLIT', String(year)) });
const closeKey = (coopId: string, year: number) => ({ pk: ledgerPartition(coopId), sk: sk('YEARCLOSE', String(year)) });
const shareKey = (coopId: string, year: number, memberId: string) => ({ pk: ledgerPartition(coopId), sk: sk('SHUMEMBER', String(year), memberId) });
const ratKey = (coopId: string, date: string, id: string) => ({ pk: pk(coopTenant(coopId)), sk: sk('RAT', date, id) });

/** Where each split line goes when the RAT approves it. */
const LINE_ACCOUNTS: Record<string, string> = {
  RESERVE: ACCOUNTS.reserve,
  JASA_MODAL: ACCOUNTS.shuPayable,
  JASA_USAHA: ACCOUNTS.shuPayable,
  PENGURUS: '2150',
  KARYAWAN: '2150',
  SOSIAL: '2160',
  PEMBANGUNAN_DAERAH_KERJA: '2160',
  PENDIDIKAN: '2170',
};

const splitLine = z.object({
  key: z.enum(Object.keys(LINE_ACCOUNTS) as [string, ...string[]]),
  label: z.object({ id: text(100), en: text(100) }),
  basisPoints: z.number().int().min(0).max(10_000),
});
const splitSchema = z.object({ year: z.number().int(), lines: z.array(splitLine) });

const yearSchema = z.number().int().min(2000, msg('must be 2000 or later', 'minimal 2000')).max(2100);

export const setShuSplitInput = z.object({
  idempotencyKey: idempotencyKeyField,
  cooperativeId: z.string().min(1),
  year: yearSchema,
  lines: z.array(splitLine).min(3).max(10),
});

async function setShuSplitUnaudited(ctx: CoreContext, raw: unknown) {
  const input = parseInput(setShuSplitInput, raw);
  await authorize(ctx, 'ledger:write', { coopId: input.cooperativeId });
  const problems = validateShuSplit(input.lines);
  if (problems.length) throw new ValidationError(problems.map((p) => ({ field: 'input.lines', messageEn: p.en, messageId: p.id })));
  assertBooksYear(await getCooperative(ctx, input.cooperativeId, 'input.cooperativeId'), input.year);
  return runMutation(ctx, coopSpec('setShuSplit', input), async (tx) => {
    await getCooperative(ctx, input.cooperativeId, 'input.cooperativeId');
    if (await getItem(ctx.db, closeKey(input.cooperativeId, input.year), z.object({ status: z.string() }))) {
      throw new InvalidStateError(`the year ${input.year} is closed; its split is final`, `tahun ${input.year} sudah ditutup; pembagiannya sudah final`);
    }
    tx.put({ ...splitKey(input.cooperativeId, input.year), type: 'ShuSplit', year: input.year, lines: input.lines });
    return { year: input.year, lines: input.lines };
  });
}

export async function getShuSplit(ctx: CoreContext, coopId: string, year: number): Promise<{ year: number; lines: ShuSplitLine[]; isDefault: boolean }> {
  await authorize(ctx, 'ledger:read', { coopId });
  const stored = await getItem(ctx.db, splitKey(coopId, year), splitSchema);
  return stored ? { ...stored, isDefault: false } : { year, lines: DEFAULT_SHU_SPLIT.map((l) => ({ ...l })), isDefault: true };
}

const closeSchema = z.object({
  year: z.number().int(),
  status: z.enum(['CLOSED', 'APPROVED']),
  closedAt: z.string(),
  closedBy: z.string(),
  revenue: z.number().int(),
  expenses: z.number().int(),
  shu: z.number().int(),
  deficit: z.boolean(),
  lines: z.array(z.object({ key: z.string(), label: z.object({ id: z.string(), en: z.string() }), basisPoints: z.number().int(), amount: z.number().int() })),
  unassigned: z.object({ jasaModal: z.number().int(), jasaUsaha: z.number().int() }),
  members: z.number().int(),
  approvedAt: z.string().optional(),
  ratId: z.string().optional(),
  distributionEntryId: z.string().optional(),
});
export type YearClose = z.infer<typeof closeSchema>;

export const shareSchema = z.object({
  year: z.number().int(),
  memberId: z.string(),
  memberNumber: z.number().int(),
  name: z.string(),
  equityBalance: z.number().int(),
  patronage: z.number().int(),
  jasaModal: z.number().int(),
  jasaUsaha: z.number().int(),
  total: z.number().int(),
});
export type ShuShare = z.infer<typeof shareSchema>;

const closeInput = z.object({ idempotencyKey: idempotencyKeyField, cooperativeId: z.string().min(1), year: yearSchema });

/** Members' bases for the split: pokok+wajib held at year end, and patronage (all units) in the year. */
async function shuBases(ctx: CoreContext, coopId: string, year: number) {
  const yearEnd = `${year}-12-31`;
  const [members, payments, patronage] = await Promise.all([
    queryAll(ctx.db, { partition: pk(coopTenant(coopId)), prefix: skPrefix('MEMBER') }, memberSchema),
    queryAll(ctx.db, { partition: pk(coopTenant(coopId)), prefix: skPrefix('EQPAY') }, equityPaymentSchema),
    queryAll(ctx.db, { partition: ledgerPartition(coopId), prefix: skPrefix('PATRON', String(year)) }, z.object({ sk: z.string(), amount: z.number().int() })),
  ]);
  const equity = new Map<string, number>();
  for (const p of payments.filter((x) => x.paidOn <= yearEnd)) {
    equity.set(p.memberId, (equity.get(p.memberId) ?? 0) + (p.kind === 'REFUND' ? -p.amount : p.amount));
  }
  const used = new Map<string, number>();
  for (const p of patronage) {
    const memberId = p.sk.split('#')[2]!;
    used.set(memberId, (used.get(memberId) ?? 0) + p.amount);
  }
  return members
    // Members at year end share the SHU; those who left during the year had their equity returned.
    .filter((m) => m.joinDate <= yearEnd && (!m.exitDate || m.exitDate > yearEnd))
    .map((m) => ({ memberId: m.id, memberNumber: m.memberNumber, name: m.name, equityBalance: Math.max(0, equity.get(m.id) ?? 0), patronage: Math.max(0, used.get(m.id) ?? 0) }));
}

async function closeYearUnaudited(ctx: CoreContext, raw: unknown): Promise<YearClose> {
  const input = parseInput(closeInput, raw);
  const p = await authorize(ctx, 'ledger:write', { coopId: input.cooperativeId });
  const coopId = input.cooperativeId;
  const coop = await getCooperative(ctx, coopId, 'input.cooperativeId');
  if (localDate(ctx.clock.now(), coop.timeZone) <= `${input.year}-12-31`) {
    throw ValidationError.field('input.year', `the year ${input.year} has not ended`, `tahun ${input.year} belum berakhir`);
  }
  assertBooksYear(coop, input.year);
  // The year's months are locked and that lock committed BEFORE the results are read: no posting can
  // land in the year between the SHU computation and the close.
  await lockThrough(ctx, coopId, `${input.year}-12`);
  return runMutation(
    ctx,
    coopSpec('closeYear', input, {
      conflicts: { closed: () => new InvalidStateError(`the year ${input.year} is already closed`, `tahun ${input.year} sudah ditutup`) },
    }),
    async (tx) => {
      if (await getItem(ctx.db, closeKey(coopId, input.year), closeSchema)) throw new InvalidStateError(`the year ${input.year} is already closed`, `tahun ${input.year} sudah ditutup`);
      const statement = await results(ctx, { coopId }, `${input.year}-01-01`, `${input.year}-12-31`);
      const split = await getShuSplit(ctx, coopId, input.year);
      const allocation: ShuAllocation = allocateShu(statement.surplus, split.lines, await shuBases(ctx, coopId, input.year));
      // Member shares are derived data written before the closing record: a re-run rewrites them alike.
      await writeShares(ctx, coopId, input.year, allocation);
      const close: YearClose = {
        year: input.year,
        status: 'CLOSED',
        closedAt: ctx.clock.now().toISOString(),
        closedBy: p.userId,
        revenue: statement.totalRevenue,
        expenses: statement.totalExpenses,
        shu: statement.surplus,
        deficit: allocation.deficit,
        lines: allocation.lines,
        unassigned: allocation.unassigned,
        members: allocation.members.length,
      };
      tx.create({ ...closeKey(coopId, input.year), type: 'YearClose', ...close }, 'closed');
      activityHooks.yearClosed(ctx.db, tx, coopId, input.year);
      return close;
    },
  );
}

/** Moves the period lock forward to `through` (never back), in a transaction of its own. */
async function lockThrough(ctx: CoreContext, coopId: string, through: string) {
  for (let attempt = 0; attempt < 5; attempt++) {
    const lock = await getItem(ctx.db, lockKey(coopId), z.object({ lockedThrough: z.string() }));
    if (lock && lock.lockedThrough >= through) return;
    try {
      await new Transaction(ctx.db)
        .put(
          { ...lockKey(coopId), type: 'PeriodLock', lockedThrough: through },
          lock ? { expression: 'lockedThrough = :prev', values: { ':prev': lock.lockedThrough } } : { expression: 'attribute_not_exists(pk)' },
        )
        .commit();
      return;
    } catch (err) {
      if (!(err instanceof ConditionFailed)) throw err;
    }
  }
  throw new Error('could not move the period lock');
}

async function writeShares(ctx: CoreContext, coopId: string, year: number, allocation: ShuAllocation) {
  await putAll(ctx.db, allocation.members.map((m) => ({ ...shareKey(coopId, year, m.memberId), type: 'ShuShare', year, ...m })));
}

export async function getYearClose(ctx: CoreContext, coopId: string, year: number): Promise<YearClose | undefined> {
  await authorize(ctx, 'ledger:read', { coopId });
  return getItem(ctx.db, closeKey(coopId, year), closeSchema);
}

export async function listShuShares(ctx: CoreContext, coopId: string, year: number): Promise<ShuShare[]> {
  await authorize(ctx, 'ledger:read', { coopId });
  // Shares are written just before the close record; until it exists they are not final.
  if (!(await getItem(ctx.db, closeKey(coopId, year), closeSchema))) return [];
  return (await queryAll(ctx.db, { partition: ledgerPartition(coopId), prefix: skPrefix('SHUMEMBER', String(year)) }, shareSchema)).sort(
    (a, b) => a.memberNumber - b.memberNumber,
  );
}

/** One member's SHU statement: the member reads their own. */
export async function getShuShare(ctx: CoreContext, coopId: string, memberId: string, year: number): Promise<ShuShare | undefined> {
  await authorize(ctx, 'member:read', { coopId, memberId });
  if (!(await getItem(ctx.db, closeKey(coopId, year), closeSchema))) return undefined;
  return getItem(ctx.db, shareKey(coopId, year, memberId), shareSchema);
}

const ratSchema = z.object({
  id: z.string(),
  coopId: z.string(),
  date: z.string(),
  financialYear: z.number().int(),
  present: z.number().int(),
  totalMembers: z.number().int(),
  quorumBasisPoints: z.number().int(),
  quorumMet: z.boolean(),
  decisions: z.array(z.string()),
  approvedFinancialStatements: z.boolean(),
  approvedShuDistribution: z.boolean(),
  approvedBudget: z.boolean(),
  recordedBy: z.string(),
  recordedAt: z.string(),
  distributionEntryId: z.string().optional(),
});
export type RatRecord = z.infer<typeof ratSchema>;

export const recordRatInput = z.object({
  idempotencyKey: idempotencyKeyField,
  cooperativeId: z.string().min(1),
  date: isoDate,
  financialYear: yearSchema,
  present: z.number().int().min(0),
  decisions: z.array(text(500)).max(50).default([]),
  approveFinancialStatements: z.boolean().default(false),
  approveShuDistribution: z.boolean().default(false),
  approveBudget: z.boolean().default(false),
});

/** Share of members that must attend (AD/ART; 1/5 by default). */
export const DEFAULT_RAT_QUORUM_BP = 2_000;

/**
 * Records a members' meeting (RAT). Decisions count only with quorum; approving the SHU distribution
 * posts it: Dr SHU tahun berjalan, Cr reserve, SHU payable to members, and the funds, per the split.
 */
async function recordRatUnaudited(ctx: CoreContext, raw: unknown): Promise<RatRecord> {
  const input = parseInput(recordRatInput, raw);
  const p = await authorize(ctx, 'ledger:write', { coopId: input.cooperativeId });
  const coopId = input.cooperativeId;
  return runMutation(ctx, coopSpec('recordRat', input), async (tx) => {
    const coop = await getCooperative(ctx, coopId, 'input.cooperativeId');
    if (input.date > localDate(ctx.clock.now(), coop.timeZone)) throw ValidationError.field('input.date', 'must not be in the future', 'tidak boleh di masa depan');
    const members = await queryAll(ctx.db, { partition: pk(coopTenant(coopId)), prefix: skPrefix('MEMBER') }, memberSchema);
    const totalMembers = members.filter((m) => m.status === 'ACTIVE' && m.joinDate <= input.date).length;
    if (input.present > totalMembers) throw ValidationError.field('input.present', `only ${totalMembers} members can attend`, `hanya ${totalMembers} anggota yang dapat hadir`);
    const quorumBasisPoints = coop.ratQuorumBasisPoints ?? DEFAULT_RAT_QUORUM_BP;
    const quorumMet = input.present * 10_000 >= totalMembers * quorumBasisPoints;
    const approving = input.approveFinancialStatements || input.approveShuDistribution || input.approveBudget;
    if (approving && !quorumMet) {
      const need = Math.ceil((totalMembers * quorumBasisPoints) / 10_000);
      throw new InvalidStateError(`no quorum: ${input.present} of ${totalMembers} present, ${need} needed to decide`, `tidak kuorum: hadir ${input.present} dari ${totalMembers}, perlu ${need} untuk mengambil keputusan`);
    }
    const now = ctx.clock.now();
    const rat: RatRecord = {
      id: newId(now),
      coopId,
      date: input.date,
      financialYear: input.financialYear,
      present: input.present,
      totalMembers,
      quorumBasisPoints,
      quorumMet,
      decisions: input.decisions,
      approvedFinancialStatements: input.approveFinancialStatements,
      approvedShuDistribution: input.approveShuDistribution,
      approvedBudget: input.approveBudget,
      recordedBy: p.userId,
      recordedAt: now.toISOString(),
    };
    if (input.approveShuDistribution) {
      const close = await getItem(ctx.db, closeKey(coopId, input.financialYear), closeSchema);
      if (!close) throw new InvalidStateError(`close the year ${input.financialYear} first`, `tutup buku tahun ${input.financialYear} dulu`);
      if (close.status === 'APPROVED') throw new InvalidStateError('this SHU was already approved', 'SHU ini sudah disahkan');
      if (close.deficit || close.shu <= 0) throw new InvalidStateError('there is no surplus to distribute', 'tidak ada SHU untuk dibagi');
      const credits = new Map<string, number>();
      for (const l of close.lines) if (l.amount > 0) credits.set(LINE_ACCOUNTS[l.key] ?? ACCOUNTS.shuPayable, (credits.get(LINE_ACCOUNTS[l.key] ?? ACCOUNTS.shuPayable) ?? 0) + l.amount);
      const entry = await postEntry(ctx, tx, coopId, {
        date: input.date,
        memo: `Pembagian SHU tahun ${input.financialYear} (RAT ${input.date})`,
        source: { kind: 'SHU_DISTRIBUTION', documentId: rat.id },
        lines: [
          { account: ACCOUNTS.retainedSurplus, debit: close.shu, credit: 0 },
          ...[...credits.entries()].map(([account, amount]) => ({ account, debit: 0, credit: amount })),
        ],
      });
      rat.distributionEntryId = entry.id;
      tx.update(
        closeKey(coopId, input.financialYear),
        { expression: 'SET #s = :a, approvedAt = :t, ratId = :r, distributionEntryId = :e', names: { '#s': 'status' }, values: { ':a': 'APPROVED', ':t': now.toISOString(), ':r': rat.id, ':e': entry.id } },
        { expression: '#s = :c', names: { '#s': 'status' }, values: { ':c': 'CLOSED' } },
        RETRY_TAG,
      );
    }
    tx.create({ ...ratKey(coopId, rat.date, rat.id), type: 'RatRecord', ...rat });
    activityHooks.ratHeld(ctx.db, tx, coopId, rat.date);
    return rat;
  });
}

export async function listRats(ctx: CoreContext, coopId: string): Promise<RatRecord[]> {
  await authorize(ctx, 'coop:read', { coopId });
  return queryAll(ctx.db, { partition: pk(coopTenant(coopId)), prefix: skPrefix('RAT') }, ratSchema);
}

export const setShuSplit = audited('setShuSplit', coopOf(), setShuSplitUnaudited);
export const closeYear = audited('closeYear', coopOf(), closeYearUnaudited);
export const recordRat = audited('recordRat', coopOf(), recordRatUnaudited);

/** A member's transactions with the cooperative in a year, per unit (the basis of jasa usaha). */
export async function getPatronage(ctx: CoreContext, coopId: string, memberId: string, year: number): Promise<{ unitId: string; amount: number }[]> {
  await authorize(ctx, 'member:read', { coopId, memberId });
  const items = await queryAll(ctx.db, { partition: ledgerPartition(coopId), prefix: skPrefix('PATRON', String(year), memberId) }, z.object({ sk: z.string(), amount: z.number().int() }));
  return items.map((i) => ({ unitId: i.sk.split('#')[3]!, amount: i.amount })).filter((p) => p.amount !== 0);
}

/** Years before the cooperative's first financial year have no books to close or split. */
function assertBooksYear(coop: Cooperative, year: number) {
  const first = firstFinancialYearOf(coop);
  if (year < first) {
    throw ValidationError.field('input.year', `is before the cooperative's first financial year (${first})`, `sebelum tahun buku pertama koperasi (${first})`);
  }
}
