import { BusinessRuleError, NotFoundError, ValidationError, decodeId, type Member, type UnitContext, type UnitMutationContext } from '@kkmp/plugin-sdk';
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

/** Raw member id from a GraphQL Member id, or undefined if it is not one of this cooperative's. */
export function rawMemberId(u: Ctx, memberId: string): string | undefined {
  try {
    const [coopId, raw] = decodeId(memberId, 'Member', 'memberId', 2);
    return coopId === u.cooperative.id ? raw : undefined;
  } catch {
    return undefined;
  }
}

/**
 * Who acts, and when: what the pure rules need of the caller, so services can decide on plain data and
 * tests can call those rules directly.
 */
export interface Actor {
  userId: string;
  /** The caller's own member id, if the caller is a member (nobody approves their own loan). */
  memberId?: string;
  /** Business date in the cooperative's time zone. */
  today: string;
  /** The instant, ISO 8601. */
  at: string;
}

/** The day of the event: a mutation's business date (the client's `businessDate`, checked by the host), or today in a read. */
export const eventDay = (u: Ctx): string => ('businessDate' in u ? (u as MCtx).businessDate : u.today());

/** An event is not dated before what it acts on (an account's opening, a loan's approval): refused naming businessDate. */
export function notBefore(day: string, earliest: string, what: { en: string; id: string }): void {
  if (day < earliest) throw ValidationError.field('input.businessDate', `must not be before ${what.en} (${earliest})`, `tidak boleh sebelum ${what.id} (${earliest})`);
}

export const actorOf = (u: Ctx): Actor => ({ userId: u.principal.userId, ...(u.principal.memberId ? { memberId: u.principal.memberId } : {}), today: eventDay(u), at: u.now().toISOString() });

/** Who did what and when, for the loan's own history. */
export const stamp = (by: Actor, what: string) => ({ on: by.today, at: by.at, by: by.userId, what });
