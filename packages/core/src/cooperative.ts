import { pk, queryPage, sk, type PageRequest } from '@kkmp/store';
import { z } from 'zod';
import { authorize } from './authorize';
import { getCity } from './city';
import type { CoreContext } from './context';
import { ConflictError, InvalidStateError, NotFoundError, ValidationError } from './errors';
import { newId } from './ids';
import { RETRY_TAG, audited, cityOf, coopOf, runMutation, coopSpec } from './mutation';
import { getKelurahan } from './kelurahan';
import { rupiah } from './money';
import { emptyPositionItem } from './ledger/position';

import type { Role } from './principal';
import { TIME_ZONES, localDate, type IndonesianTimeZone } from './time';
import { idempotencyKeyField, msg, parseInput, text } from './validation';

/**
 * Lifecycle of a KKMP: FORMED (deed signed at the founding meeting), LEGAL_ENTITY (badan hukum registered,
 * registration number known), OPERATING (at least one business unit trading). Only forward moves.
 */
export const COOP_STATUSES = ['FORMED', 'LEGAL_ENTITY', 'OPERATING'] as const;
export type CoopStatus = (typeof COOP_STATUSES)[number];

export const BOARD_POSITIONS = ['KETUA', 'WAKIL_KETUA', 'SEKRETARIS', 'BENDAHARA', 'ANGGOTA'] as const;

const officer = z.object({
  name: text(100),
  position: z.enum(BOARD_POSITIONS),
});
export type Officer = z.infer<typeof officer>;

export const equitySettingsSchema = z.object({
  /** Simpanan pokok: one-time amount, equal for every member. */
  simpananPokok: rupiah,
  /** Default simpanan wajib per month for new members (each member may have their own). */
  simpananWajib: rupiah,
});
export type EquitySettings = z.infer<typeof equitySettingsSchema>;

export const backdatingSchema = z.object({
  /** Days back a cashier or operator (COOP_STAFF) may date an event. */
  staffDays: z.number().int().min(0).max(366),
  /** Days back a manager may date an event; null: any day of an open period. */
  managerDays: z.number().int().min(0).max(3660).nullable(),
});
export type Backdating = z.infer<typeof backdatingSchema>;
/** A week for staff (a collector's round, a power cut), open periods for managers. */
export const DEFAULT_BACKDATING: Backdating = { staffDays: 7, managerDays: null };

/** Minimum age to join, from the AD/ART; 17 (the age of a KTP) unless the cooperative sets otherwise. */
export const DEFAULT_MINIMUM_MEMBER_AGE = 17;

export const cooperativeSchema = z.object({
  id: z.string(),
  cityId: z.string(),
  kelurahanId: z.string(),
  name: z.string(),
  legalName: z.string(),
  registrationNumber: z.string().optional(),
  status: z.enum(COOP_STATUSES),
  statusChangedAt: z.string(),
  board: z.array(officer),
  supervisors: z.array(officer),
  equity: equitySettingsSchema,
  minimumMemberAge: z.number().int().min(15).max(25).optional(),
  /** Share of members needed for a valid RAT decision, in basis points (AD/ART; default 1/5). */
  ratQuorumBasisPoints: z.number().int().min(1).max(10_000).optional(),
  timeZone: z.enum(Object.keys(TIME_ZONES) as [IndonesianTimeZone, ...IndonesianTimeZone[]]),
  /** First financial year the books cover; absent: the year the cooperative was created (see business-date.ts). */
  firstFinancialYear: z.number().int().optional(),
  /** How far back staff and managers may date a business event; absent: DEFAULT_BACKDATING. */
  backdating: backdatingSchema.optional(),
  /**
   * Ids of every unit the cooperative ever enabled (its unit records), kept with each first enabling, so a
   * page of cooperatives reads their unit records by key. Absent: not indexed yet (listed by a query).
   */
  unitIds: z.array(z.string()).optional(),
  createdAt: z.string(),
  version: z.number().int(),
});
export type Cooperative = z.infer<typeof cooperativeSchema>;

const registrationNumber = z
  .string()
  .trim()
  .regex(/^[A-Z0-9./-]{5,60}$/i, msg('must be the AHU registration number (letters, digits, . / -)', 'harus nomor badan hukum AHU (huruf, angka, . / -)'));

const financialYear = z
  .number()
  .int()
  .min(2000, msg('must be 2000 or later', 'harus 2000 atau sesudahnya'))
  .max(9999, msg('must be a year', 'harus berupa tahun'));

export const createCooperativeInput = z.object({
  idempotencyKey: idempotencyKeyField,
  cityId: z.string().min(1),
  kelurahanId: z.string().min(1),
  name: text(150),
  legalName: text(200),
  board: z.array(officer).max(15).default([]),
  supervisors: z.array(officer).max(7).default([]),
  equity: equitySettingsSchema.default({ simpananPokok: 50_000, simpananWajib: 20_000 }),
  firstFinancialYear: financialYear.optional().nullable(),
  backdating: backdatingSchema.optional().nullable(),
});

export const updateCooperativeInput = z.object({
  idempotencyKey: idempotencyKeyField,
  cooperativeId: z.string().min(1),
  name: text(150).optional().nullable(),
  legalName: text(200).optional().nullable(),
  board: z.array(officer).max(15).optional().nullable(),
  supervisors: z.array(officer).max(7).optional().nullable(),
  equity: equitySettingsSchema.optional().nullable(),
  minimumMemberAge: z.number().int().min(15, msg('must be 15 to 25', 'harus 15 sampai 25')).max(25, msg('must be 15 to 25', 'harus 15 sampai 25')).optional().nullable(),
  firstFinancialYear: financialYear.optional().nullable(),
  backdating: backdatingSchema.optional().nullable(),
});

export const changeStatusInput = z.object({
  idempotencyKey: idempotencyKeyField,
  cooperativeId: z.string().min(1),
  status: z.enum(COOP_STATUSES),
  registrationNumber: registrationNumber.optional().nullable(),
});

export const coopTenant = (coopId: string) => ({ kind: 'coop', coopId }) as const;
export const coopKey = (coopId: string) => ({ pk: pk(coopTenant(coopId)), sk: sk('PROFILE') });
const cityCoopsIndex = (cityId: string) => pk({ kind: 'city', cityId }, 'COOPS');

/** The stored item of a cooperative (with its place in the city's index); for batch writers such as the demo seed. */
export function cooperativeItem(coop: Cooperative) {
  return { ...coopKey(coop.id), type: 'Cooperative', ...coop, gsi1pk: cityCoopsIndex(coop.cityId), gsi1sk: `${coop.name.toLowerCase()}#${coop.id}` };
}

async function createCooperativeUnaudited(ctx: CoreContext, raw: unknown): Promise<Cooperative> {
  const input = parseInput(createCooperativeInput, raw);
  await authorize(ctx, 'city:write', { cityId: input.cityId });
  const city = await getCity(ctx, input.cityId, 'input.cityId');
  const kel = await getKelurahan(ctx, city.id, input.kelurahanId, 'input.kelurahanId');
  const spec = {
    operation: 'createCooperative',
    tenant: { kind: 'city', cityId: city.id } as const,
    idempotencyKey: input.idempotencyKey,
    input,
    conflicts: {
      kelCoop: () =>
        new ConflictError('input.kelurahanId', `kelurahan ${kel.name} already has a cooperative`, `kelurahan ${kel.name} sudah punya koperasi`),
    },
  };
  return runMutation(ctx, spec, async (tx) => {
    const now = ctx.clock.now();
    checkFirstYear(input.firstFinancialYear, localDate(now, city.timeZone), 'input.firstFinancialYear');
    const coop: Cooperative = {
      id: newId(now),
      cityId: city.id,
      kelurahanId: kel.id,
      name: input.name,
      legalName: input.legalName,
      status: 'FORMED',
      statusChangedAt: now.toISOString(),
      board: input.board,
      supervisors: input.supervisors,
      equity: input.equity,
      timeZone: city.timeZone,
      ...(input.firstFinancialYear ? { firstFinancialYear: input.firstFinancialYear } : {}),
      ...(input.backdating ? { backdating: input.backdating } : {}),
      unitIds: [],
      createdAt: now.toISOString(),
      version: 1,
    };
    tx.create(cooperativeItem(coop));
    // Its position totals start complete (no postings yet): the city page reads them by key.
    tx.create(emptyPositionItem(coop.id));
    // The program forms one cooperative per kelurahan.
    tx.create({ pk: pk({ kind: 'city', cityId: city.id }), sk: sk('KELCOOP', kel.id), type: 'Unique', coopId: coop.id }, 'kelCoop');
    return coop;
  });
}

export async function getCooperative(ctx: CoreContext, coopId: string, field?: string): Promise<Cooperative> {
  await authorize(ctx, 'coop:read', { coopId });
  const coop = await loadCooperative(ctx, coopId);
  if (!coop) throw new NotFoundError('Cooperative', coopId, field);
  return coop;
}

export async function loadCooperative(ctx: CoreContext, coopId: string): Promise<Cooperative | undefined> {
  const item = await ctx.items.load(coopKey(coopId));
  return item ? cooperativeSchema.parse(item) : undefined;
}

export async function listCooperatives(ctx: CoreContext, cityId: string, page: PageRequest) {
  // Listing a city's cooperatives is the city's view; people of one cooperative do not browse the others.
  await authorize(ctx, 'city:write', { cityId });
  const found = await queryPage(ctx.db, { index: 'gsi1', partition: cityCoopsIndex(cityId) }, cooperativeSchema, page);
  // The page's fields (authorization's city of each cooperative, its unit ids) read the profiles through
  // the request's loader: give it the items just listed (the index holds whole items), not a second read.
  for (const coop of found.items) ctx.items.prime(coopKey(coop.id), cooperativeItem(coop));
  return found;
}

async function updateCooperativeUnaudited(ctx: CoreContext, raw: unknown): Promise<Cooperative> {
  const input = parseInput(updateCooperativeInput, raw);
  await authorize(ctx, 'coop:write', { coopId: input.cooperativeId });
  // Membership rules (equity amounts, minimum age) are the members' own business, set by their board.
  if (input.equity || input.minimumMemberAge) await authorize(ctx, 'member:write', { coopId: input.cooperativeId });
  // How far back the books take events is the board's bookkeeping policy, not the city's profile data.
  if (input.firstFinancialYear || input.backdating) await authorize(ctx, 'ledger:write', { coopId: input.cooperativeId });
  return runMutation(
    ctx,
    coopSpec('updateCooperative', input, { targetId: input.cooperativeId }),
    async (tx) => {
      const current = await getCooperative(ctx, input.cooperativeId, 'input.cooperativeId');
      checkFirstYear(input.firstFinancialYear, localDate(ctx.clock.now(), current.timeZone), 'input.firstFinancialYear');
      const next: Cooperative = {
        ...current,
        ...(input.name ? { name: input.name } : {}),
        ...(input.legalName ? { legalName: input.legalName } : {}),
        ...(input.board ? { board: input.board } : {}),
        ...(input.supervisors ? { supervisors: input.supervisors } : {}),
        ...(input.equity ? { equity: input.equity } : {}),
        ...(input.minimumMemberAge ? { minimumMemberAge: input.minimumMemberAge } : {}),
        ...(input.firstFinancialYear ? { firstFinancialYear: input.firstFinancialYear } : {}),
        ...(input.backdating ? { backdating: input.backdating } : {}),
      };
      tx.replace(cooperativeItem(next), current.version, RETRY_TAG);
      return { ...next, version: current.version + 1 };
    },
  );
}

const NEXT: Record<CoopStatus, CoopStatus | undefined> = { FORMED: 'LEGAL_ENTITY', LEGAL_ENTITY: 'OPERATING', OPERATING: undefined };

async function changeCooperativeStatusUnaudited(ctx: CoreContext, raw: unknown): Promise<Cooperative> {
  const input = parseInput(changeStatusInput, raw);
  await authorize(ctx, 'coop:write', { coopId: input.cooperativeId });
  return runMutation(
    ctx,
    coopSpec('changeCooperativeStatus', input, { targetId: input.cooperativeId }),
    async (tx) => {
      const current = await getCooperative(ctx, input.cooperativeId, 'input.cooperativeId');
      if (NEXT[current.status] !== input.status) {
        throw new InvalidStateError(
          `a ${current.status} cooperative can only move to ${NEXT[current.status] ?? 'no other status'}`,
          `koperasi berstatus ${current.status} hanya bisa menjadi ${NEXT[current.status] ?? 'tidak ada status lain'}`,
        );
      }
      const regNo = input.registrationNumber ?? current.registrationNumber;
      if (input.status === 'LEGAL_ENTITY' && !regNo) {
        throw ValidationError.field('input.registrationNumber', 'is required to become a legal entity', 'wajib diisi untuk menjadi badan hukum');
      }
      const now = ctx.clock.now();
      const next: Cooperative = { ...current, status: input.status, statusChangedAt: now.toISOString(), ...(regNo ? { registrationNumber: regNo } : {}) };
      tx.replace(cooperativeItem(next), current.version, RETRY_TAG);
      return { ...next, version: current.version + 1 };
    },
  );
}

export const createCooperative = audited('createCooperative', cityOf(), createCooperativeUnaudited);
export const updateCooperative = audited('updateCooperative', coopOf(), updateCooperativeUnaudited);
export const changeCooperativeStatus = audited('changeCooperativeStatus', coopOf(), changeCooperativeStatusUnaudited);

/** The first financial year of the books: as set, or the year the cooperative was created (in its zone). */
export function firstFinancialYearOf(coop: Cooperative): number {
  return coop.firstFinancialYear ?? Number(localDate(new Date(coop.createdAt), coop.timeZone).slice(0, 4));
}

/** How many days back a caller of this role may date a business event (null: no limit in open periods). */
export function backdatingDaysFor(coop: Cooperative, role: Role): number | null {
  const window = coop.backdating ?? DEFAULT_BACKDATING;
  return role === 'COOP_STAFF' ? window.staffDays : window.managerDays;
}

/** A first financial year cannot lie in the future: the books would start after the events they hold. */
function checkFirstYear(year: number | null | undefined, today: string, field: string) {
  const current = Number(today.slice(0, 4));
  if (year && year > current) throw ValidationError.field(field, `must not be after this year (${current})`, `tidak boleh setelah tahun ini (${current})`);
}
