import { ValidationError, idempotencyKeyField, validationErrorOf, type FieldIssue } from '@kkmp/core';
import { z } from 'zod';

/** Every issue of a failed parse, named under `root`; none for a success. */
function issuesOf(result: z.ZodSafeParseResult<unknown>, root: string): FieldIssue[] {
  return result.success ? [] : validationErrorOf(result.error, root).issues;
}

/**
 * A unit query's arguments (without `cooperativeId`) through the unit's schema, if it gave one. Paths
 * start with the argument name, as the client wrote it (`amount`, `lines.0.quantity`).
 */
export function parseUnitArgs(schema: z.ZodType | undefined, args: Record<string, unknown>): unknown {
  if (!schema) return args;
  const result = schema.safeParse(args);
  if (!result.success) throw validationErrorOf(result.error, '');
  return result.data;
}

/**
 * A unit mutation's input: the idempotency key the host adds (8-200 characters, like every core
 * mutation's) and the unit's own fields through its schema, if it gave one. Every bad field is listed
 * at once, under `input`.
 */
export function parseUnitInput(schema: z.ZodType | undefined, idempotencyKey: unknown, fields: Record<string, unknown>): unknown {
  const key = idempotencyKeyField.safeParse(idempotencyKey);
  const own = schema?.safeParse(fields);
  const issues = [...issuesOf(key, 'input.idempotencyKey'), ...(own ? issuesOf(own, 'input') : [])];
  if (issues.length > 0) throw new ValidationError(issues);
  return own ? own.data : fields;
}

/**
 * Runs a unit's resolver. A zod refusal escaping it (a `.parse` deep in a service) is the caller's bad
 * input, not an incident: it becomes a ValidationError named under `root` instead of being masked as
 * INTERNAL. (Stored items that fail their schema throw a plain Error in the store, and stay internal.)
 */
export async function refusingZodErrors<T>(root: string, resolve: () => Promise<T> | T): Promise<T> {
  try {
    return await resolve();
  } catch (err) {
    // $ZodError's instanceof checks the error's traits, so it holds for any copy of zod a unit loaded.
    if (err instanceof z.core.$ZodError) throw validationErrorOf(err, root);
    throw err;
  }
}
