import { msg, z } from '@kkmp/plugin-sdk';
import type { Ctx, MCtx } from '../context';
import { interestMethodSchema, penaltyMethodSchema, savingsProductSchema, type Product } from '../items';
import { optional, textUpTo, wholeIn, withDefault } from './inputs';

const MAX = Number.MAX_SAFE_INTEGER;

export const createLoanProductInput = z
  .object({
    // Up to 300 characters are accepted and the name kept to 80, as shown to members.
    name: textUpTo(300).transform((name) => name.slice(0, 80)),
    interestMethod: interestMethodSchema,
    annualRateBp: wholeIn(0, 10_000),
    minAmount: wholeIn(1, MAX),
    maxAmount: wholeIn(1, MAX),
    minTermMonths: wholeIn(1, 120),
    maxTermMonths: wholeIn(1, 120),
    maxGraceMonths: withDefault(wholeIn(0, 119), 0),
    adminFeeBp: withDefault(wholeIn(0, 10_000), 0),
    adminFeeFixed: withDefault(wholeIn(0, MAX), 0),
    adminFeeDeducted: withDefault(z.boolean(), false),
    penaltyMethod: withDefault(penaltyMethodSchema, 'NONE'),
    penaltyRateBp: withDefault(wholeIn(0, 10_000), 0),
    // Optional caps on penalties: absent (null) means none.
    maxPenaltyAmount: optional(wholeIn(0, MAX)),
    maxPenaltyDays: optional(wholeIn(1, 3_650)),
    instalmentMultiple: withDefault(wholeIn(1, 100_000), 1),
    maxLoanToSavingsBp: withDefault(wholeIn(0, 1_000_000), 0),
  })
  .superRefine((p, ctx) => {
    const issue = (path: string, en: string, id: string) => ctx.addIssue({ code: 'custom', path: [path], message: msg(en, id) });
    if (p.maxAmount < p.minAmount) issue('maxAmount', 'must not be below minAmount', 'tidak boleh di bawah minAmount');
    if (p.maxTermMonths < p.minTermMonths) issue('maxTermMonths', 'must not be below minTermMonths', 'tidak boleh di bawah minTermMonths');
    if (p.maxGraceMonths >= p.minTermMonths) issue('maxGraceMonths', 'must be less than minTermMonths', 'harus kurang dari minTermMonths');
  });
export type CreateLoanProductInput = z.output<typeof createLoanProductInput>;

/** A loan product: its method, rate and limits, as parsed. */
export async function createLoanProduct(u: MCtx, input: CreateLoanProductInput): Promise<Product> {
  const product: Product = { id: u.newId(), kind: 'LOAN', active: true, createdAt: u.now().toISOString(), createdBy: u.principal.userId, ...input };
  u.writes.create(['PRODUCT', product.id], product);
  return product;
}

export async function loanProducts(u: Ctx): Promise<Product[]> {
  return (await u.store.all(savingsProductSchema, ['PRODUCT'])).filter((p) => p.kind === 'LOAN');
}
