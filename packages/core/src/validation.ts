import { z } from 'zod';
import { ValidationError, type FieldIssue } from './errors';
import { idempotencyKeyProblem, textProblem } from './text-rule';

const indonesian = z.locales.id();

/**
 * Parses input with a zod schema; failures become one ValidationError listing every bad field with its
 * path under "input". Custom messages carry both languages (see `msg`); zod's own messages get their
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

/** One zod issue as a field issue under `root`, each language whole. */
export function toFieldIssue(issue: z.core.$ZodIssue, root: string): FieldIssue {
  const field = [root, ...issue.path.map(String)].filter((part) => part !== '').join('.');
  const both = splitMessage(issue.message);
  if (both) return { field, messageEn: both.en, messageId: both.id };
  const translated = indonesian.localeError(issue as never);
  const messageId = typeof translated === 'string' ? translated : (translated?.message ?? issue.message);
  return { field, messageEn: issue.message, messageId };
}

/**
 * zod carries one message string per issue, so `msg` packs the two languages around a control character
 * (ASCII unit separator) that no message people write contains; `splitMessage` unpacks them whole. Any
 * text, " / " included, survives in both languages.
 */
const SEPARATOR = '\u001f';

/** Bilingual message for a custom zod check: English and Indonesian, each whole. */
export function msg(en: string, id: string): string {
  return `${en}${SEPARATOR}${id}`;
}

/** The two languages of a message made by `msg`, or undefined for any other message. */
export function splitMessage(message: string): { en: string; id: string } | undefined {
  const at = message.indexOf(SEPARATOR);
  return at < 0 ? undefined : { en: message.slice(0, at), id: message.slice(at + 1) };
}

/**
 * Trimmed non-empty text with a length cap; every free-text input uses it. It refuses what the one text
 * rule always refuses (control characters but line breaks and tabs, text-direction overrides, unpaired
 * surrogates: see text-rule.ts); whether line breaks are allowed is the field kind's rule, checked by the
 * host for every argument before any resolver runs.
 */
export function text(max = 200) {
  return z
    .string()
    .trim()
    .min(1, msg('must not be empty', 'tidak boleh kosong'))
    .max(max, msg(`at most ${max} characters`, `paling banyak ${max} karakter`))
    .superRefine((value, ctx) => {
      // The length is .max's to report; this adds only what the characters break.
      const problem = textProblem(value, { max: Number.POSITIVE_INFINITY, multiline: true });
      if (problem) ctx.addIssue({ code: 'custom', message: msg(problem.en, problem.id) });
    });
}

/** Calendar date as YYYY-MM-DD. */
export const isoDate = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, msg('must be a date YYYY-MM-DD', 'harus tanggal TTTT-BB-HH'))
  .refine((d) => {
    const t = new Date(`${d}T00:00:00Z`);
    return !Number.isNaN(t.getTime()) && t.toISOString().slice(0, 10) === d;
  }, msg('is not a real calendar date', 'bukan tanggal yang ada'));

/** The idempotency key every mutation takes: the one rule (8-200 characters, no control characters). */
export const idempotencyKeyField = z
  .string()
  .superRefine((value, ctx) => {
    const problem = idempotencyKeyProblem(value);
    if (problem) ctx.addIssue({ code: 'custom', message: msg(problem.en, problem.id) });
  })
  .optional()
  .nullable();
