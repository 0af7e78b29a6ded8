import { NotFoundError, ValidationError, type Member } from '@kkmp/plugin-sdk';
import type { WriteCtx } from '../context';
import type { CustomerClass } from '../model/product';
import { normalizeNik } from '../rules/nik';

export interface Buyer {
  member?: Member;
  buyerNik?: string;
  customerClass: CustomerClass;
}

interface BuyerInput {
  memberNumber?: number | null;
  buyerNik?: string | null;
  paymentMethod: string;
}

/**
 * Who buys: a member (by id, by member number, or recognised by NIK) pays member prices and earns
 * patronage; anyone else is the public. A member's NIK is the buyer's NIK.
 */
export async function identifyBuyer(u: WriteCtx, input: BuyerInput, memberId: string | undefined, requireNik: boolean): Promise<Buyer> {
  let buyerNik = input.buyerNik ? normalizeNik(input.buyerNik, 'input.buyerNik', u.now()) : undefined;
  const field = memberId ? 'input.memberId' : input.memberNumber != null ? 'input.memberNumber' : 'input.buyerNik';
  let member: Member | undefined;
  if (memberId) {
    member = await u.members.get(memberId);
    if (!member) throw new NotFoundError('Member', memberId, field);
  } else if (input.memberNumber != null) {
    member = await u.members.findByNumber(input.memberNumber);
    if (!member) throw new NotFoundError('Member', String(input.memberNumber), field);
  } else if (buyerNik) {
    member = await u.members.findByNik(buyerNik);
  }
  if (member && field !== 'input.buyerNik' && buyerNik && buyerNik !== member.nik) {
    throw ValidationError.field('input.buyerNik', "is not this member's NIK", 'bukan NIK anggota ini');
  }
  if (member && member.status !== 'ACTIVE') throw ValidationError.field(field, 'is not an active member', 'bukan anggota aktif');
  if (member) buyerNik = member.nik;
  if (requireNik && !buyerNik) {
    throw ValidationError.field('input.buyerNik', "every sale here is recorded with the buyer's NIK", 'setiap penjualan di sini dicatat dengan NIK pembeli');
  }
  if (input.paymentMethod === 'MEMBER_CREDIT' && !member) {
    throw ValidationError.field('input.paymentMethod', 'only members can buy on credit', 'hanya anggota yang boleh berutang');
  }
  return { ...(member ? { member } : {}), ...(buyerNik ? { buyerNik } : {}), customerClass: member ? 'MEMBER' : 'NON_MEMBER' };
}
