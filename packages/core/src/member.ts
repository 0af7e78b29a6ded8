import { activityHooks } from './city-view/hooks';
import { cond, nextNumber, pk, queryCount, queryPage, sk, skPrefix, type PageRequest } from '@kkmp/store';
import { z } from 'zod';
import { authorize } from './authorize';
import type { CoreContext } from './context';
import { coopTenant, getCooperative } from './cooperative';
import { ConflictError, InvalidStateError, NotFoundError, ValidationError } from './errors';
import { newId } from './ids';
import { RETRY_TAG, audited, coopOf, runMutation, coopSpec } from './mutation';
import { rupiah } from './money';

import { parseNik } from './nik';
import { localDate, periodOf } from './time';
import { idempotencyKeyField, isoDate, msg, parseInput, text } from './validation';
import { DEFAULT_MINIMUM_MEMBER_AGE, firstFinancialYearOf } from './cooperative';

export const MEMBER_STATUSES = ['ACTIVE', 'RESIGNED', 'DECEASED'] as const;
export type MemberStatus = (typeof MEMBER_STATUSES)[number];
export const STATUS_ID: Record<MemberStatus, string> = { ACTIVE: 'aktif', RESIGNED: 'keluar', DECEASED: 'meninggal dunia' };

/** Simpanan wajib amount in force from a billing period (YYYY-MM) on. */
const wajibStep = z.object({ from: z.string(), amount: rupiah });

export const memberSchema = z.object({
  id: z.string(),
  coopId: z.string(),
  /** Sequential within the cooperative, from 1, never reused (a registration that fails may leave a gap). */
  memberNumber: z.number().int(),
  nik: z.string(),
  name: z.string(),
  sex: z.enum(['MALE', 'FEMALE']),
  birthDate: z.string(),
  address: z.string(),
  phone: z.string().optional(),
  joinDate: z.string(),
  status: z.enum(MEMBER_STATUSES),
  exitDate: z.string().optional(),
  /** Simpanan wajib schedule, oldest first; the last step is the amount billed now. */
  wajibSchedule: z.array(wajibStep).min(1),
  /** Simpanan pokok this member owes: the cooperative's amount when they joined (later changes do not re-bill). */
  pokokDue: rupiah.optional(),
  /** Totals paid in; they only grow. Refunds are recorded separately. */
  pokokPaid: rupiah,
  wajibPaid: rupiah,
  refunded: rupiah,
  version: z.number().int(),
});
export type Member = z.infer<typeof memberSchema>;

const phone = z
  .string()
  // Cashiers type numbers as they are written: "0812-3456 7890" is 081234567890.
  .transform((v) => v.replace(/[\s.-]/g, ''))
  .pipe(z.string().regex(/^(\+62|0)8\d{7,12}$/, msg('must be an Indonesian mobile number, e.g. 081234567890', 'harus nomor HP Indonesia, mis. 081234567890')));

export const registerMemberInput = z.object({
  idempotencyKey: idempotencyKeyField,
  cooperativeId: z.string().min(1),
  // Spaces and dots as printed on a KTP are fine; the NIK itself is checked below.
  nik: z.string().transform((v) => v.replace(/[\s.-]/g, '')),
  name: text(100),
  address: text(300),
  phone: phone.optional().nullable(),
  joinDate: isoDate.optional().nullable(),
  /** Monthly simpanan wajib for this member; the cooperative's default when absent. */
  simpananWajib: rupiah.optional().nullable(),
});

export const updateMemberInput = z.object({
  idempotencyKey: idempotencyKeyField,
  cooperativeId: z.string().min(1),
  memberId: z.string().min(1),
  name: text(100).optional().nullable(),
  address: text(300).optional().nullable(),
  phone: phone.optional().nullable(),
  simpananWajib: rupiah.optional().nullable(),
  /** First billing period (YYYY-MM) of the new simpanan wajib; the current period when absent. */
  simpananWajibFrom: z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/, msg('must be a period YYYY-MM', 'harus periode TTTT-BB')).optional().nullable(),
});

export const endMembershipInput = z.object({
  idempotencyKey: idempotencyKeyField,
  cooperativeId: z.string().min(1),
  memberId: z.string().min(1),
  status: z.enum(['RESIGNED', 'DECEASED']),
  exitDate: isoDate.optional().nullable(),
});

export const memberKey = (coopId: string, memberId: string) => ({ pk: pk(coopTenant(coopId)), sk: sk('MEMBER', memberId) });
const nikKey = (coopId: string, nik: string) => ({ pk: pk(coopTenant(coopId)), sk: sk('NIK', nik) });
/** Member numbers are never reused, so the marker stays after exit (a receipt may name an old member). */
const numberKey = (coopId: string, n: number) => ({ pk: pk(coopTenant(coopId)), sk: sk('MEMBERNO', String(n).padStart(8, '0')) });
const counterKey = (coopId: string) => ({ pk: pk(coopTenant(coopId)), sk: sk('COUNTER', 'MEMBER') });

export function memberItem(m: Member) {
  return { ...memberKey(m.coopId, m.id), type: 'Member', ...m };
}

async function registerMemberUnaudited(ctx: CoreContext, raw: unknown): Promise<Member> {
  const input = parseInput(registerMemberInput, raw);
  await authorize(ctx, 'member:write', { coopId: input.cooperativeId });
  const coop = await getCooperative(ctx, input.cooperativeId, 'input.cooperativeId');
  const now = ctx.clock.now();
  const nik = parseNik(input.nik, now);
  if (!nik.ok) throw ValidationError.field('input.nik', nik.issue.messageEn, nik.issue.messageId);
  const today = localDate(now, coop.timeZone);
  const joinDate = input.joinDate ?? today;
  if (joinDate > today) throw ValidationError.field('input.joinDate', 'must not be in the future', 'tidak boleh di masa depan');
  // Joining is not posted, so no window or lock applies; but nobody joins before the books begin.
  const firstYear = firstFinancialYearOf(coop);
  if (joinDate < `${firstYear}-01-01`) {
    throw ValidationError.field('input.joinDate', `must not be before the cooperative's first financial year (${firstYear})`, `tidak boleh sebelum tahun buku pertama koperasi (${firstYear})`);
  }
  const minAge = coop.minimumMemberAge ?? DEFAULT_MINIMUM_MEMBER_AGE;
  const adultOn = `${Number(nik.value.birthDate.slice(0, 4)) + minAge}${nik.value.birthDate.slice(4)}`;
  if (joinDate < adultOn) {
    throw ValidationError.field('input.joinDate', `a member must be at least ${minAge} years old on joining (from ${adultOn})`, `anggota minimal berusia ${minAge} tahun saat bergabung (mulai ${adultOn})`);
  }
  const conflicts = {
    nik: () => new ConflictError('input.nik', 'this NIK is already a member of this cooperative', 'NIK ini sudah terdaftar sebagai anggota koperasi ini'),
  };
  const spec = coopSpec('registerMember', input, { conflicts });
  return runMutation(ctx, spec, async (tx) => {
    // Checked first so a duplicate NIK does not use up a member number; the marker below still
    // guards the race between two registrations of one NIK.
    if (await loadMemberByNik(ctx, coop.id, nik.value.nik)) throw conflicts.nik();
    const member: Member = {
      id: newId(now),
      coopId: coop.id,
      memberNumber: await nextNumber(ctx.db, counterKey(coop.id)),
      nik: nik.value.nik,
      name: input.name,
      sex: nik.value.sex,
      birthDate: nik.value.birthDate,
      address: input.address,
      ...(input.phone ? { phone: input.phone } : {}),
      joinDate,
      status: 'ACTIVE',
      wajibSchedule: [{ from: periodOf(joinDate), amount: input.simpananWajib ?? coop.equity.simpananWajib }],
      pokokDue: coop.equity.simpananPokok,
      pokokPaid: 0,
      wajibPaid: 0,
      refunded: 0,
      version: 1,
    };
    tx.create({ ...nikKey(coop.id, member.nik), type: 'Unique', memberId: member.id }, 'nik');
    tx.put({ ...numberKey(coop.id, member.memberNumber), type: 'Unique', memberId: member.id });
    tx.create(memberItem(member));
    activityHooks.memberRegistered(ctx.db, tx, coop.id, member.memberNumber);
    return member;
  });
}

export async function getMember(ctx: CoreContext, coopId: string, memberId: string, field?: string): Promise<Member> {
  await authorize(ctx, 'member:read', { coopId, memberId });
  const member = await loadMember(ctx, coopId, memberId);
  if (!member) throw new NotFoundError('Member', memberId, field);
  return member;
}

export async function loadMember(ctx: CoreContext, coopId: string, memberId: string): Promise<Member | undefined> {
  const item = await ctx.items.load(memberKey(coopId, memberId));
  return item ? memberSchema.parse(item) : undefined;
}

export async function findMemberByNik(ctx: CoreContext, coopId: string, nik: string): Promise<Member | undefined> {
  await authorize(ctx, 'member:read', { coopId });
  return loadMemberByNik(ctx, coopId, nik);
}

/** Unchecked lookup by NIK, for callers that authorized already (e.g. a unit selling to a member). */
export async function loadMemberByNik(ctx: CoreContext, coopId: string, nik: string): Promise<Member | undefined> {
  // Only a 16-digit NIK can be registered: anything else is nobody, without a read.
  if (!/^\d{16}$/.test(nik)) return undefined;
  const marker = await ctx.items.load(nikKey(coopId, nik));
  if (!marker || typeof marker.memberId !== 'string') return undefined;
  return loadMember(ctx, coopId, marker.memberId);
}

/** Unchecked lookup by member number (nomor anggota), for callers that authorized already. */
export async function loadMemberByNumber(ctx: CoreContext, coopId: string, memberNumber: number): Promise<Member | undefined> {
  if (!Number.isSafeInteger(memberNumber) || memberNumber < 1) return undefined;
  const marker = await ctx.items.load(numberKey(coopId, memberNumber));
  if (!marker || typeof marker.memberId !== 'string') return undefined;
  return loadMember(ctx, coopId, marker.memberId);
}

/** Members in joining order, optionally of one status; `count` is the list's totalCount (one COUNT query). */
export async function listMembers(ctx: CoreContext, coopId: string, page: PageRequest, filter: { status?: Member['status'] } = {}) {
  await authorize(ctx, 'member:read', { coopId });
  const spec = { partition: pk(coopTenant(coopId)), prefix: skPrefix('MEMBER'), ...(filter.status ? { filter: cond.eq('status', filter.status) } : {}) };
  return { ...(await queryPage(ctx.db, spec, memberSchema, page)), count: () => queryCount(ctx.db, spec) };
}

/** Changes profile fields only: money totals are moved by their own operations and never overwritten here. */
async function updateMemberUnaudited(ctx: CoreContext, raw: unknown): Promise<Member> {
  const input = parseInput(updateMemberInput, raw);
  await authorize(ctx, 'member:write', { coopId: input.cooperativeId });
  return runMutation(
    ctx,
    coopSpec('updateMember', input, { targetId: input.memberId }),
    async (tx) => {
      const coop = await getCooperative(ctx, input.cooperativeId, 'input.cooperativeId');
      const m = await getMember(ctx, coop.id, input.memberId, 'input.memberId');
      let wajibSchedule = m.wajibSchedule;
      if (input.simpananWajib != null) {
        const thisMonth = localDate(ctx.clock.now(), coop.timeZone).slice(0, 7);
        const from = input.simpananWajibFrom ?? thisMonth;
        // Months already billed (and perhaps settled) keep their amount: changes apply from now on.
        if (from < thisMonth) throw ValidationError.field('input.simpananWajibFrom', `must not be before this month (${thisMonth})`, `tidak boleh sebelum bulan ini (${thisMonth})`);
        if (m.status !== 'ACTIVE') throw new InvalidStateError('the membership has ended', 'keanggotaan sudah berakhir');
        wajibSchedule = [...m.wajibSchedule.filter((s) => s.from < from), { from, amount: input.simpananWajib }];
      }
      const next: Member = {
        ...m,
        ...(input.name ? { name: input.name } : {}),
        ...(input.address ? { address: input.address } : {}),
        ...(input.phone ? { phone: input.phone } : {}),
        wajibSchedule,
        version: m.version + 1,
      };
      tx.update(
        memberKey(m.coopId, m.id),
        {
          expression: `SET #name = :name, address = :address, wajibSchedule = :ws, version = :next${next.phone ? ', phone = :phone' : ''}`,
          names: { '#name': 'name' },
          values: { ':name': next.name, ':address': next.address, ':ws': wajibSchedule, ':next': next.version, ...(next.phone ? { ':phone': next.phone } : {}) },
        },
        { expression: 'version = :prev', values: { ':prev': m.version } },
        RETRY_TAG,
      );
      return next;
    },
  );
}

async function endMembershipUnaudited(ctx: CoreContext, raw: unknown): Promise<Member> {
  const input = parseInput(endMembershipInput, raw);
  await authorize(ctx, 'member:write', { coopId: input.cooperativeId });
  return runMutation(
    ctx,
    coopSpec('endMembership', input, { targetId: input.memberId }),
    async (tx) => {
      const coop = await getCooperative(ctx, input.cooperativeId, 'input.cooperativeId');
      const m = await getMember(ctx, coop.id, input.memberId, 'input.memberId');
      if (m.status !== 'ACTIVE') throw new InvalidStateError(`the membership already ended (${m.status.toLowerCase()})`, `keanggotaan sudah berakhir (${STATUS_ID[m.status]})`);
      const exitDate = input.exitDate ?? localDate(ctx.clock.now(), coop.timeZone);
      if (exitDate < m.joinDate) throw ValidationError.field('input.exitDate', 'must not be before the join date', 'tidak boleh sebelum tanggal bergabung');
      const next: Member = { ...m, status: input.status, exitDate, version: m.version + 1 };
      // The NIK is free again: a former member may rejoin later, as a new membership with a new number.
      tx.delete(nikKey(m.coopId, m.nik), { expression: 'memberId = :id', values: { ':id': m.id } });
      tx.update(
        memberKey(m.coopId, m.id),
        { expression: 'SET #s = :s, exitDate = :d, version = :next', names: { '#s': 'status' }, values: { ':s': input.status, ':d': exitDate, ':next': next.version } },
        { expression: 'version = :prev', values: { ':prev': m.version } },
        RETRY_TAG,
      );
      activityHooks.memberLeft(ctx.db, tx, m.coopId, m.id);
      return next;
    },
  );
}

export const registerMember = audited('registerMember', coopOf(), registerMemberUnaudited);
export const updateMember = audited('updateMember', coopOf(), updateMemberUnaudited);
export const endMembership = audited('endMembership', coopOf(), endMembershipUnaudited);
