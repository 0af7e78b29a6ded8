import { ValidationError, msg, z } from '@kkmp/plugin-sdk';
import type { Ctx, MCtx } from '../context';
import { balanceMethodSchema, earlyWithdrawalSchema, savingsProductSchema, type Product } from '../items';
import { textUpTo, withDefault } from './inputs';

const NOT_NEGATIVE = msg('must not be negative', 'tidak boleh negatif');
const PENALTY_BP = msg('must be 0 to 10000 basis points', 'harus 0 sampai 10000 basis poin');

export const createSavingsProductInput = z
  .object({
    name: textUpTo(80),
    kind: z.enum(['SAVINGS', 'TIME_DEPOSIT']),
    // Capped by the settings: checked by the service, which knows them.
    annualRateBp: z.number().int(),
    balanceMethod: balanceMethodSchema.nullish(),
    minBalance: withDefault(z.number().int(NOT_NEGATIVE).min(0, NOT_NEGATIVE), 0),
    termMonths: z.number().int().nullish(),
    earlyWithdrawal: earlyWithdrawalSchema.nullish(),
    earlyPenaltyBp: withDefault(z.number().int(PENALTY_BP).min(0, PENALTY_BP).max(10_000, PENALTY_BP), 0),
  })
  .superRefine((p, ctx) => {
    if (p.kind === 'TIME_DEPOSIT' && (p.termMonths == null || p.termMonths < 1 || p.termMonths > 60)) {
      ctx.addIssue({ code: 'custom', path: ['termMonths'], message: msg('a time deposit needs a term of 1 to 60 months', 'simpanan berjangka perlu jangka 1 sampai 60 bulan') });
    }
  });
export type CreateSavingsProductInput = z.output<typeof createSavingsProductInput>;

/** Savings and time-deposit interest may not exceed the cap in the settings (9% a year by default). */
export function checkSavingsRate(annualRateBp: number, capBp: number, field: string) {
  if (!Number.isInteger(annualRateBp) || annualRateBp < 0 || annualRateBp > capBp) {
    throw ValidationError.field(field, `must be 0 to ${capBp} basis points a year (the cap in the settings)`, `harus 0 sampai ${capBp} basis poin per tahun (batas di pengaturan)`);
  }
}

/** The product's own terms: a time deposit's term and early-withdrawal rule, or savings' balance method. */
function termsOf(input: CreateSavingsProductInput) {
  return input.kind === 'TIME_DEPOSIT'
    ? { termMonths: input.termMonths!, earlyWithdrawal: input.earlyWithdrawal ?? 'FORFEIT_INTEREST', earlyPenaltyBp: input.earlyPenaltyBp }
    : { balanceMethod: input.balanceMethod ?? 'MINIMUM' };
}

export async function createSavingsProduct(u: MCtx, input: CreateSavingsProductInput): Promise<Product> {
  checkSavingsRate(input.annualRateBp, u.settings.maxSavingsRateBp, 'input.annualRateBp');
  const product: Product = {
    id: u.newId(),
    kind: input.kind,
    name: input.name,
    active: true,
    createdAt: u.now().toISOString(),
    createdBy: u.principal.userId,
    annualRateBp: input.annualRateBp,
    minBalance: input.minBalance,
    ...termsOf(input),
  };
  u.writes.create(['PRODUCT', product.id], product);
  return product;
}

export async function savingsProducts(u: Ctx): Promise<Product[]> {
  return (await u.store.all(savingsProductSchema, ['PRODUCT'])).filter((p) => p.kind !== 'LOAN');
}
