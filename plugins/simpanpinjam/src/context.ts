import { BusinessRuleError, NotFoundError, ValidationError, decodeId, encodeId, type Member, type UnitContext, type UnitMutationContext } from '@kkmp/plugin-sdk';
import type { SimpanpinjamSettings } from './settings';

export type Ctx = UnitContext<SimpanpinjamSettings>;
export type MCtx = UnitMutationContext<SimpanpinjamSettings>;

/** A member of this cooperative by GraphQL Member id; only active members open accounts or borrow. */
export async function memberOf(u: Ctx, memberId: string, field: string, mustBeActive = true): Promise<Member> {
  const [coopId, raw] = decodeId(memberId, 'Member', field, 2) as [string, string];
  const member = coopId === u.cooperative.id ? await u.members.get(raw) : undefined;
  if (!member) throw new NotFoundError('Member', memberId, field);
  if (mustBeActive && member.status !== 'ACTIVE') {
    throw new BusinessRuleError('MEMBER_NOT_ACTIVE', 'the membership has ended: savings and loans serve active members only', 'keanggotaan sudah berakhir: simpan pinjam hanya untuk anggota aktif', { field });
  }
  return member;
}

export const memberGqlId = (u: Ctx, rawMemberId: string) => encodeId('Member', u.cooperative.id, rawMemberId);

/** Raw member id from a GraphQL Member id, or undefined if it is not one of this cooperative's. */
export function rawMemberId(u: Ctx, memberId: string): string | undefined {
  try {
    const [coopId, raw] = decodeId(memberId, 'Member', 'memberId', 2);
    return coopId === u.cooperative.id ? raw : undefined;
  } catch {
    return undefined;
  }
}

export function positiveAmount(amount: number, field: string) {
  if (!Number.isSafeInteger(amount) || amount <= 0) throw ValidationError.field(field, 'must be a positive whole rupiah amount', 'harus rupiah bulat positif');
}

export function checkDate(value: string | null | undefined, field: string): string | undefined {
  if (value == null) return undefined;
  if (!/^\d{4}-\d{2}-\d{2}$/.test(value) || Number.isNaN(Date.parse(`${value}T00:00:00Z`))) {
    throw ValidationError.field(field, 'must be a date YYYY-MM-DD', 'harus tanggal TTTT-BB-HH');
  }
  return value;
}

/** Who did what and when, for the loan's own history. */
export const stamp = (u: Ctx, what: string) => ({ on: u.today(), at: u.now().toISOString(), by: u.principal.userId, what });
