import { ValidationError, isoDate, msg, z } from '@kkmp/plugin-sdk';

/**
 * The zod pieces the unit's input schemas are built from. The kit parses every operation's input with
 * its schema before the service runs, so a refusal names the field (`input.amount`) in English and
 * Indonesian. Rules that need stored data or settings (a product's limits, the rate cap) stay in the
 * services, with the same wording.
 */

const POSITIVE = msg('must be a positive whole rupiah amount', 'harus rupiah bulat positif');

/** A positive amount of whole rupiah (the Rupiah scalar already refuses fractions). */
export const positiveAmount = z.number().int(POSITIVE).positive(POSITIVE);

const wholeInMessage = (min: number, max: number) => msg(`must be a whole number from ${min} to ${max}`, `harus bilangan bulat ${min} sampai ${max}`);

/** A whole number from min to max. */
export function wholeIn(min: number, max: number) {
  const message = wholeInMessage(min, max);
  return z.number().int(message).min(min, message).max(max, message);
}

/** Free text, trimmed, of 1 to max characters. */
export function textUpTo(max: number) {
  const message = msg(`must be 1-${max} characters`, `harus 1-${max} karakter`);
  return z.string().trim().min(1, message).max(max, message);
}

/** An optional GraphQL field (null or absent) that takes a default. */
export function withDefault<T>(schema: z.ZodType<T>, fallback: T) {
  return schema.nullish().transform((value) => value ?? fallback);
}

/** An optional GraphQL field (null or absent) with no default: absent in the output. */
export function optional<T>(schema: z.ZodType<T>) {
  return schema.nullish().transform((value) => value ?? undefined);
}

/** An opaque id as the client sent it (decoded by the service, which names the field if it is not one). */
export const id = z.string();

/** An optional calendar date argument (YYYY-MM-DD). */
export const optionalDate = isoDate.nullish();

/**
 * A whole number from min to max that depends on stored data (a product's term limits): checked by the
 * service, worded like `wholeIn`. `fallback` stands in for an absent value.
 */
export function checkWholeIn(value: number | null | undefined, field: string, min: number, max: number, fallback?: number): number {
  const v = value ?? fallback;
  if (v == null || !Number.isInteger(v) || v < min || v > max) {
    throw ValidationError.field(field, `must be a whole number from ${min} to ${max}`, `harus bilangan bulat ${min} sampai ${max}`);
  }
  return v;
}

/** The same check inside a schema's cross-field rule: adds the issue instead of throwing. */
export function wholeInIssue(ctx: z.RefinementCtx, path: string, value: number | null | undefined, min: number, max: number) {
  if (value == null || !Number.isInteger(value) || value < min || value > max) {
    ctx.addIssue({ code: 'custom', path: [path], message: wholeInMessage(min, max) });
  }
}
