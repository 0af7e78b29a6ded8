import { z } from 'zod';
import { ValidationError, type FieldIssue } from './errors';

const indonesian = z.locales.id();

/**
 * Parses input with a zod schema; failures become one ValidationError listing every bad field with its
 * path under "input". Custom messages are written "English / Indonesia"; zod's own messages get their
 * Indonesian twin from zod's id locale.
 */
export function parseInput<S extends z.ZodType>(schema: S, input: unknown, root = 'input'): z.output<S> {
  const result = schema.safeParse(input);
  if (result.success) return result.data;
  throw validationErrorOf(result.error, root);
}

/**
 * A zod refusal as one ValidationError, each issue named by its path under `root` ("input" for a
 * mutation's input, "" for a query's arguments, whose paths start with the argument name).
 */
export function validationErrorOf(error: z.core.$ZodError, root = 'input'): ValidationError {
  return new ValidationError(error.issues.map((issue) => toFieldIssue(issue, root)));
}

function toFieldIssue(issue: z.core.$ZodIssue, root: string): FieldIssue {
  const field = [root, ...issue.path.map(String)].filter((part) => part !== '').join('.');
  const [en, id] = issue.message.split(' / ');
  if (id !== undefined && en !== undefined) return { field, messageEn: en, messageId: id };
  const translated = indonesian.localeError(issue as never);
  const messageId = typeof translated === 'string' ? translated : (translated?.message ?? issue.message);
  return { field, messageEn: issue.message, messageId };
}

/** Bilingual message for a custom zod check, in the "English / Indonesia" form parseInput splits. */
export function msg(en: string, id: string): string {
  return `${en} / ${id}`;
}

/** Trimmed non-empty text with a length cap; every free-text input uses it. */
export function text(max = 200) {
  return z
    .string()
    .trim()
    .min(1, msg('must not be empty', 'tidak boleh kosong'))
    .max(max, msg(`at most ${max} characters`, `paling banyak ${max} karakter`));
}

/** Calendar date as YYYY-MM-DD. */
export const isoDate = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, msg('must be a date YYYY-MM-DD', 'harus tanggal TTTT-BB-HH'))
  .refine((d) => {
    const t = new Date(`${d}T00:00:00Z`);
    return !Number.isNaN(t.getTime()) && t.toISOString().slice(0, 10) === d;
  }, msg('is not a real calendar date', 'bukan tanggal yang ada'));

export const idempotencyKeyField = z
  .string()
  .min(8, msg('idempotency key must be 8 to 200 characters', 'kunci idempotensi harus 8 sampai 200 karakter'))
  .max(200, msg('idempotency key must be 8 to 200 characters', 'kunci idempotensi harus 8 sampai 200 karakter'))
  .optional()
  .nullable();
