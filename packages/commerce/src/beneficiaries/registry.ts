import { BusinessRuleError, ConflictError, InvalidStateError, NotFoundError, ValidationError, parseInput, type Member } from '@kkmp/plugin-sdk';
import type { ReadCtx, WriteCtx } from '../context';
import { beneficiarySchema, type Beneficiary } from '../model/beneficiary';
import { keys } from '../model/keys';
import { maskNik, normalizeNik } from '../rules/nik';
import { reasonInput, registerInput, updateInput, verifyInput, type BuyerTypes } from './inputs';

/** The registered buyer with this NIK, if any. */
export async function findBeneficiary(u: ReadCtx, nik: string): Promise<Beneficiary | undefined> {
  return u.store.get(beneficiarySchema, ...keys.beneficiary(nik));
}

async function loadBeneficiary(u: ReadCtx, rawNik: string, field: string): Promise<Beneficiary> {
  const nik = normalizeNik(rawNik, field, u.now());
  const found = await findBeneficiary(u, nik);
  if (!found) throw new NotFoundError('Beneficiary', maskNik(nik), field);
  return found;
}

/** The active member with this NIK: a member buys as a member (prices, SHU) and needs no name typed. */
export async function memberWithNik(u: ReadCtx, nik: string): Promise<Member | undefined> {
  const member = await u.members.findByNik(nik);
  return member?.status === 'ACTIVE' ? member : undefined;
}

/** A new entry, named after the member when the NIK is a member's and no name was given. */
export function newBeneficiary(u: ReadCtx, row: { nik: string; name?: string | null; buyerType: string; note?: string | null }, member: Member | undefined, field: string): Beneficiary {
  const name = row.name ?? member?.name;
  if (!name) throw ValidationError.field(field, 'give the name of a buyer who is not a member', 'isi nama pembeli yang bukan anggota');
  const now = u.now().toISOString();
  return {
    id: u.newId(),
    nik: row.nik,
    name,
    buyerType: row.buyerType,
    ...(member ? { memberId: member.id } : {}),
    ...(row.note ? { note: row.note } : {}),
    registered: { at: now, by: u.principal.userId },
    updatedAt: now,
    version: 1,
  };
}

/** Registers a buyer by NIK (checked for structure and date); one entry per NIK. */
export async function registerBeneficiary(u: WriteCtx, raw: unknown, types: BuyerTypes): Promise<Beneficiary> {
  const input = parseInput(registerInput(types), raw);
  const nik = normalizeNik(input.nik, 'input.nik', u.now());
  if (await findBeneficiary(u, nik)) throw new ConflictError('input.nik', 'this NIK is already registered', 'NIK ini sudah terdaftar');
  const entry = newBeneficiary(u, { ...input, nik }, await memberWithNik(u, nik), 'input.name');
  // Two cashiers registering one NIK at once: the loser re-runs and meets the check above.
  u.writes.create(keys.beneficiary(nik), entry);
  return entry;
}

function save(u: WriteCtx, entry: Beneficiary, changes: Partial<Beneficiary>): Beneficiary {
  const next: Beneficiary = { ...entry, ...changes, updatedAt: u.now().toISOString(), version: entry.version + 1 };
  u.writes.replace(keys.beneficiary(entry.nik), next, entry.version);
  return next;
}

/** Corrects the name, buyer type or note; the NIK never changes (another NIK is another buyer). */
export async function updateBeneficiary(u: WriteCtx, nik: string, raw: unknown, types: BuyerTypes): Promise<Beneficiary> {
  const input = parseInput(updateInput(types), raw);
  const entry = await loadBeneficiary(u, nik, 'input.nik');
  return save(u, entry, {
    ...(input.name ? { name: input.name } : {}),
    ...(input.buyerType ? { buyerType: input.buyerType } : {}),
    ...(input.note ? { note: input.note } : {}),
  });
}

/** Records that the documents were checked (KTP + KK, NIB and a photo of the business, a government list). */
export async function verifyBeneficiary(u: WriteCtx, nik: string, raw: unknown): Promise<Beneficiary> {
  const { reference } = parseInput(verifyInput, raw);
  const entry = await loadBeneficiary(u, nik, 'input.nik');
  return save(u, entry, { verified: { at: u.now().toISOString(), by: u.principal.userId, reference } });
}

/** Stops a buyer from buying (a false registration, resale to retailers) until unblocked. */
export async function blockBeneficiary(u: WriteCtx, nik: string, raw: unknown): Promise<Beneficiary> {
  const { reason } = parseInput(reasonInput, raw);
  const entry = await loadBeneficiary(u, nik, 'input.nik');
  if (entry.blocked) throw new InvalidStateError('this buyer is already blocked', 'pembeli ini sudah diblokir');
  return save(u, entry, { blocked: { at: u.now().toISOString(), by: u.principal.userId, reason } });
}

/** Lets a blocked buyer buy again; the buyer is verified again only if verified before. */
export async function unblockBeneficiary(u: WriteCtx, nik: string, raw: unknown): Promise<Beneficiary> {
  const { reason } = parseInput(reasonInput, raw);
  const entry = await loadBeneficiary(u, nik, 'input.nik');
  if (!entry.blocked) throw new InvalidStateError('this buyer is not blocked', 'pembeli ini tidak diblokir');
  const { blocked: _blocked, ...rest } = entry;
  return save(u, rest, { unblocked: { at: u.now().toISOString(), by: u.principal.userId, reason } });
}

/** What a sale needs from the registry: nothing, a registered buyer, or a verified one. */
export type SaleNeeds = 'REGISTERED' | 'VERIFIED' | undefined;

/**
 * The registry at the counter: a blocked buyer never buys; without an entry, or without a
 * verification, the sale is refused when the unit requires one. Returns the entry for the unit's rules.
 */
export async function beneficiaryForSale(u: ReadCtx, nik: string, needs: SaleNeeds, read?: Promise<Beneficiary | undefined>): Promise<Beneficiary | undefined> {
  const entry = await (read ?? findBeneficiary(u, nik));
  const field = 'input.buyerNik';
  if (!entry) {
    if (needs) throw new BusinessRuleError('NOT_REGISTERED', 'this NIK is not registered as a buyer here', 'NIK ini belum terdaftar sebagai pembeli di sini', { field });
    return undefined;
  }
  if (entry.blocked) throw new BusinessRuleError('BENEFICIARY_BLOCKED', `this buyer is blocked: ${entry.blocked.reason}`, `pembeli ini diblokir: ${entry.blocked.reason}`, { field });
  if (needs === 'VERIFIED' && !entry.verified) {
    throw new BusinessRuleError('NOT_VERIFIED', "this buyer's documents have not been verified yet", 'dokumen pembeli ini belum diverifikasi', { field });
  }
  return entry;
}
