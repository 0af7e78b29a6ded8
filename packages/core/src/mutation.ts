import {
  ConditionFailed,
  Transaction,
  TransactionContention,
  TransactionTooLarge,
  addIdempotencyRecord,
  digest,
  idempotencyKey,
  parseIdempotencyRecord,
  readIdempotencyRecord,
  type IdempotencyRecord,
  type Key,
  type Tenant,
} from '@kkmp/store';
import { recordAudit, auditItem, type AuditSubject } from './audit';
import type { CoreContext } from './context';
import { ConflictError, DomainError, ForbiddenError, IdempotencyKeyReusedError, ValidationError } from './errors';

/** Tag for optimistic-concurrency conditions: a failure re-runs the mutation body from fresh reads. */
export const RETRY_TAG = 'retry';
const MAX_ATTEMPTS = 10;

export interface MutationSpec extends AuditSubject {
  idempotencyKey?: string | null;
  /** Raw input, digested for the audit log and for idempotency-key reuse detection. */
  input: unknown;
  /** Domain errors for tagged conditions of the body's writes (e.g. a uniqueness marker that exists). */
  conflicts?: Record<string, () => DomainError>;
}

/** What the body tells the audit log about the event it recorded. */
export interface MutationEvent {
  /** The business date of the event (checked by resolveBusinessDate), kept beside the instant it was recorded. */
  businessDate?: string;
}

/**
 * Runs a mutation body exactly once per idempotency key, in one DynamoDB transaction together with its
 * audit entry and idempotency record. The body reads, checks, and adds its writes to `tx`; it returns a
 * plain-JSON result which is stored, so a retry with the same key returns the very first result.
 * Bodies must be free of side effects besides `tx` because optimistic conflicts re-run them.
 */
export async function runMutation<T>(
  ctx: CoreContext,
  spec: MutationSpec,
  body: (tx: Transaction, event: MutationEvent) => Promise<T>,
): Promise<T> {
  const inputDigest = digest(spec.input);
  // Keys are scoped per tenant (the cooperative), not per caller: a manager retrying a cashier's stuck
  // sale with its key gets the cashier's result instead of selling twice. Callers are authorized before
  // runMutation, so a replayed answer only goes to someone allowed to make the same mutation.
  const idemKey = spec.idempotencyKey ? idempotencyKey(spec.tenant, spec.idempotencyKey) : undefined;

  // The first check reads through the request's loader, so a caller that asked for the key in its first
  // wave of reads (see prefetchMutationReads) pays no round trip for it; a twin's answer is read afresh.
  const replay = async (fresh: boolean): Promise<T | undefined> => {
    if (!idemKey) return undefined;
    const record: IdempotencyRecord | undefined = fresh ? await readIdempotencyRecord(ctx.db, idemKey) : parseIdempotencyRecord(await ctx.items.load(idemKey));
    if (!record) return undefined;
    if (record.operation !== spec.operation || record.inputDigest !== inputDigest) throw new IdempotencyKeyReusedError();
    return record.result as T;
  };

  const earlier = await replay(false);
  if (earlier !== undefined) return earlier;

  for (let attempt = 1; ; attempt++) {
    const tx = new Transaction(ctx.db);
    try {
      const event: MutationEvent = {};
      const result = await body(tx, event);
      const now = ctx.clock.now();
      if (idemKey) addIdempotencyRecord(tx, idemKey, { operation: spec.operation, inputDigest, result }, now);
      tx.create(auditItem(ctx, spec, inputDigest, 'OK', now, event.businessDate));
      await tx.commit();
      // Loaders may hold the pre-write state of what this mutation changed.
      ctx.items.clearAll();
      return result;
    } catch (err) {
      // A twin request with the same key may have committed while this one ran: whatever this attempt
      // concluded (a refusal it would not have met first, or a conflict), the twin's answer is the answer.
      if (idemKey && (err instanceof DomainError || err instanceof ConditionFailed)) {
        const twin = await replay(true);
        if (twin !== undefined) return twin;
      }
      if (err instanceof ConditionFailed) {
        const known = err.failedTags.find((t) => spec.conflicts?.[t]);
        if (known) {
          const domainError = spec.conflicts![known]!();
          await auditFailure(ctx, spec, inputDigest, domainError);
          throw domainError;
        }
        if (err.failedTags.every((t) => t === RETRY_TAG)) {
          if (attempt < MAX_ATTEMPTS) {
            ctx.items.clearAll();
            // Exponential backoff with full jitter spreads competing writers apart.
            await new Promise((r) => setTimeout(r, Math.random() * Math.min(1000, 10 * 2 ** attempt)));
            continue;
          }
          const busy = new ConflictError('input', 'too many people are changing this at the same moment; try again', 'terlalu banyak perubahan bersamaan; coba lagi');
          await auditFailure(ctx, spec, inputDigest, busy);
          throw busy;
        }
      }
      if (err instanceof TransactionContention) {
        const busy = new ConflictError('input', 'too many people are changing this at the same moment; try again', 'terlalu banyak perubahan bersamaan; coba lagi');
        await auditFailure(ctx, spec, inputDigest, busy);
        throw busy;
      }
      if (err instanceof TransactionTooLarge) {
        const tooLarge = ValidationError.field('input', `this changes too many records at once (${err.actions}, at most 100); split it`, `terlalu banyak catatan sekaligus (${err.actions}, maks. 100); pecah menjadi beberapa`);
        await auditFailure(ctx, spec, inputDigest, tooLarge);
        throw tooLarge;
      }
      if (err instanceof DomainError) await auditFailure(ctx, spec, inputDigest, err);
      throw err;
    }
  }
}

/** The keys runMutation reads before its body (the idempotency record), for a caller's first wave of reads. */
export function mutationFirstReads(spec: Pick<MutationSpec, 'tenant' | 'idempotencyKey'>): Key[] {
  return spec.idempotencyKey ? [idempotencyKey(spec.tenant, spec.idempotencyKey)] : [];
}

/**
 * Starts loading items through the request's loader without waiting: loads started in the same tick as
 * other loads go in one BatchGetItem, so the later `ctx.items.load` of these keys costs no round trip.
 * A failure is left for that later load to meet.
 */
export function prefetch(ctx: CoreContext, keys: readonly Key[]): void {
  for (const k of keys) ctx.items.load(k).catch(() => undefined);
}

/** The usual spec of a cooperative's mutation: its partition, the input, and the input's idempotency key. */
export function coopSpec(
  operation: string,
  input: { cooperativeId: string; idempotencyKey?: string | null | undefined },
  extra: Pick<MutationSpec, 'targetId' | 'conflicts'> = {},
): MutationSpec {
  return { operation, tenant: { kind: 'coop', coopId: input.cooperativeId }, idempotencyKey: input.idempotencyKey, input, ...extra };
}

const AUDITED = Symbol('audited');

async function auditFailure(ctx: CoreContext, spec: AuditSubject, inputDigest: string, err: DomainError) {
  if ((err as { [AUDITED]?: boolean })[AUDITED]) return;
  (err as { [AUDITED]?: boolean })[AUDITED] = true;
  await recordAudit(ctx, spec, inputDigest, err.code);
}

/**
 * Wraps a mutation service so that refusals before its transaction (invalid input, no permission) are
 * audited too, in the tenant the caller aimed at: supervisors see attempts, not only successes.
 */
export function audited<R>(
  operation: string,
  tenantOf: (raw: Record<string, unknown>) => Tenant,
  service: (ctx: CoreContext, raw: unknown) => Promise<R>,
): (ctx: CoreContext, raw: unknown) => Promise<R> {
  return async (ctx, raw) => {
    try {
      return await service(ctx, raw);
    } catch (err) {
      if (err instanceof DomainError && raw && typeof raw === 'object') {
        let tenant: Tenant | undefined;
        try {
          // A refused outsider's attempt is filed in the caller's own tenant: nobody can fill another
          // tenant's log (or make up partitions) by failing at it.
          tenant = err instanceof ForbiddenError ? homeTenant(ctx) : tenantOf(raw as Record<string, unknown>);
        } catch {
          // No usable tenant in the input: nowhere to file the attempt.
        }
        if (tenant) await auditFailure(ctx, { operation, tenant }, digest(raw), err);
      }
      throw err;
    }
  };
}

function homeTenant(ctx: CoreContext): Tenant | undefined {
  const p = ctx.principal;
  if (!p) return undefined;
  if (p.coopId) return { kind: 'coop', coopId: p.coopId };
  if (p.cityId) return { kind: 'city', cityId: p.cityId };
  return { kind: 'platform' };
}

/** Tenant helpers for audited(): the id field must be a non-empty string. */
export const coopOf = (field = 'cooperativeId') => (raw: Record<string, unknown>): Tenant => ({ kind: 'coop', coopId: idField(raw, field) });
export const cityOf = (field = 'cityId') => (raw: Record<string, unknown>): Tenant => ({ kind: 'city', cityId: idField(raw, field) });
export const platform = () => (): Tenant => ({ kind: 'platform' });

function idField(raw: Record<string, unknown>, field: string): string {
  const v = raw[field];
  if (typeof v !== 'string' || !v) throw new Error(`no ${field}`);
  return v;
}
