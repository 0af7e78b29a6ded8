import { BusinessRuleError, RETRY_TAG, UnitNotEnabledError, audited, coopOf, mutationFirstReads, postEntry, postingReads, prefetch, resolveBusinessDate, runMutation, type CoreContext } from '@kkmp/core';
import type { Transaction } from '@kkmp/store';
import type { Builder } from '@kkmp/plugin-sdk';
import type { ApiContext } from '@kkmp/plugin-sdk';
import { typePrefix, type AnyUnit } from '@kkmp/plugin-sdk';
import { one } from '../ids';
import { MUTATION_ERRORS } from '../schema/index';
import { enterUnit, holds } from './guard';
import { deviceCoreContext, deviceOrUserGate } from './device-gate';
import { createUnitDeviceCredentials, revealedDeviceToken } from '../devices/credentials';
import { DEVICE_EXTENSION } from '../devices/scope';
import type { DeviceCaller } from '@kkmp/plugin-sdk';
import { unitRecordKey } from './records';
import type { CoreRefs, UnitJournalEntry, UnitSchemaKit } from '@kkmp/plugin-sdk';
import { createUnitWrites } from './store';
import { IDEMPOTENCY_KEY_FIELD as idem } from '../schema/idempotency';
import { BUSINESS_DATE_FIELD } from '../schema/business-date';
import { parseUnitArgs, parseUnitInput, refusingZodErrors } from './input';
import { startUnitPrefetch, startedQueries } from './prefetch';


/** A unit posts on core accounts or its own, never another unit's; every line carries its segment. */
async function postForUnit(core: CoreContext, tx: Transaction, unit: AnyUnit, coopId: string, businessDate: string, e: UnitJournalEntry) {
  e.lines.forEach((l, i) => {
    const own = l.account.startsWith(`${unit.id}.`);
    if (l.account.includes('.') && !own) {
      throw new Error(`${unit.id} may not post to ${l.account} (line ${i}): another unit's account`);
    }
  });
  const entry = await postEntry(core, tx, coopId, {
    date: e.date ?? businessDate,
    memo: e.memo,
    source: { kind: 'UNIT', unitId: unit.id, documentId: e.documentId },
    lines: e.lines.map((l) => ({ account: l.account, debit: l.debit ?? 0, credit: l.credit ?? 0, unitId: unit.id, ...(l.memo ? { memo: l.memo } : {}) })),
    ...(e.patronage?.length ? { patronage: e.patronage.map((p) => ({ ...p, unitId: unit.id })) } : {}),
    ...(e.supplyAgreement ? { supplyAgreement: e.supplyAgreement } : {}),
  });
  return { entryId: entry.id };
}

/**
 * Whether the caller's credentials alone may hold the permission in the cooperative (no read): a device of
 * this cooperative and unit, or a user whose token's role and tenant allow it (a city admin's city is
 * only known after a read; its prefetch is bounded like any). The gate decides; this only spares reads.
 */
function mayHold(core: CoreContext, device: DeviceCaller | null | undefined, devices: boolean | undefined, unit: AnyUnit, permission: string, coopId: string): boolean {
  if (devices && device) return device.coopId === coopId && device.unitId === unit.id;
  return !!core.principal && holds(core.principal, unit, permission, coopId, core.principal.cityId);
}

function logAfterCommitFailure(field: string, err: unknown) {
  // The mutation has committed; its marker lets a later reader finish the derived work.
  if (process.env.KKMP_LOG_ERRORS !== '0') console.error(`${field}: after-commit work failed`, err);
}

/** The field itself nullable; a list's items keep the nullability the unit chose. */
function outerNullable(nullable: unknown): boolean | { list: boolean; items: boolean } {
  return typeof nullable === 'object' && nullable !== null ? { ...(nullable as { items: boolean }), list: true } : true;
}

export const UNIT_MUTATION_ERRORS = [...MUTATION_ERRORS, UnitNotEnabledError, BusinessRuleError];

/**
 * The helpers a unit uses to add operations. They generate the field name from the unit id, take the
 * cooperative from the arguments, wrap the resolver in the unit gate (tenant, permission, enabled) and
 * parse the arguments with the unit's zod schema; mutations also get the idempotency key, the audit
 * entry and one DynamoDB transaction.
 */
export function createUnitKit<S>(builder: Builder, unit: AnyUnit, core: CoreRefs, problems: string[]): Omit<UnitSchemaKit<S>, 'shared'> {
  const declared = (permission: string, field: string) => {
    if (!unit.permissions[permission]) problems.push(`${unit.id}: ${field} uses undeclared permission "${permission}"`);
  };
  return {
    unitId: unit.id,
    typePrefix: typePrefix(unit.id),
    core,
    revealedDeviceToken,
    query(name, options) {
      const field = `${unit.id}${typePrefix(name)}`;
      declared(options.permission, field);
      // Pothos infers field types from literal options; the helper's generics already did that for the caller.
      builder.queryField(field, (t) =>
        t.field({
          type: options.type,
          // Any unit query may be refused (permission, unit not enabled): nullable, so a refusal nulls this
          // field only and the rest of the caller's answer survives.
          nullable: outerNullable(options.nullable),
          description: `${options.description} Needs ${options.permission}; the ${unit.name.en} unit must be enabled.`,
          extensions: { kkmpPermission: options.permission },
          args: { cooperativeId: t.arg.id({ description: 'Cooperative id.' }), ...(options.args?.(t.arg as never) ?? {}) },
          resolve: async (_root: unknown, args: Record<string, unknown>, ctx: ApiContext) => {
            const { cooperativeId, ...rest } = args;
            const coopId = one(String(cooperativeId), 'Cooperative', 'cooperativeId');
            // The unit record goes in the gate's first read (with the cooperative), not after it, and what the
            // unit named (only for a caller whose token may hold the permission, within PREFETCH_LIMITS).
            prefetch(ctx.core, [unitRecordKey(coopId, unit.id)]);
            if (mayHold(ctx.core, undefined, false, unit, options.permission, coopId)) startUnitPrefetch(ctx.core, coopId, unit.id, options.prefetch as never, options.schema, rest, undefined);
            const u = await enterUnit<S>(ctx.core, unit, coopId, options.permission);
            const parsed = parseUnitArgs(options.schema, rest);
            return refusingZodErrors('', () => options.resolve(parsed as never, u));
          },
        } as never),
      );
    },
    mutation(name, options) {
      const field = `${unit.id}${typePrefix(name)}`;
      declared(options.permission, field);
      const spec = unit.permissions[options.permission];
      if (spec?.roles.includes('SUPERVISOR') && !spec.supervisoryApproval) {
        problems.push(`${unit.id}: ${field} writes, but its permission "${options.permission}" is held by SUPERVISOR (supervisors write nothing)`);
      }
      const Input = builder.inputType(`${typePrefix(unit.id)}${typePrefix(name)}Input`, {
        description: `Input of ${field}.`,
        fields: (t) => ({
          idempotencyKey: t.string(idem),
          cooperativeId: t.id({ description: 'Cooperative id.' }),
          ...(options.businessEvent ? { businessDate: t.field(BUSINESS_DATE_FIELD) } : {}),
          ...options.input(t),
        }),
      });
      if (options.devices && options.businessEvent) problems.push(`${unit.id}: ${field} is open to devices, so it may not be a business event (a device moves no money)`);
      // Refusals (not permitted, not enabled, invalid) are audited in the cooperative like any mutation.
      const run = (device: DeviceCaller | null | undefined, requestContext: object) => audited(field, coopOf(), async (core, raw) => {
        const { idempotencyKey, cooperativeId, businessDate: requestedDate, ...rest } = raw as Record<string, unknown>;
        const coopId = String(cooperativeId);
        const spec = { operation: field, tenant: { kind: 'coop' as const, coopId }, idempotencyKey: idempotencyKey as string | null | undefined, input: { ...rest, ...(requestedDate ? { businessDate: requestedDate } : {}) }, ...(options.conflicts ? { conflicts: options.conflicts } : {}) };
        // One read wave for the gate, the idempotency check and (a business event) the business date and
        // posting: the cooperative, the unit record, the idempotency record, the period lock and the
        // activity summary in one BatchGetItem (the gate still refuses an outsider before anything is used).
        prefetch(core, [unitRecordKey(coopId, unit.id), ...mutationFirstReads(spec), ...(options.businessEvent ? postingReads(coopId) : [])]);
        // And what the unit said its resolver reads by key (a sale's products, stock, buyer), in the same
        // wave: only for a caller whose token may hold the permission here (no reads for an outsider's
        // input), and only this mutation's (a query an earlier field of the request left is not its to use).
        const queries = startedQueries(core);
        queries.clear();
        if (mayHold(core, device, options.devices, unit, options.permission, coopId)) startUnitPrefetch(core, coopId, unit.id, options.prefetch as never, options.schema, rest, requestedDate);
        let attempts = 0;
        // Nor is a query it left untaken for the result's fields, resolved after the writes (finally, below).
        try {
          const { context: u, recordVersion } = await deviceOrUserGate<S>(core, unit, coopId, options.permission, options.devices ? device : undefined);
          const input = parseUnitInput(options.schema, idempotencyKey, rest);
          return await runMutation(
            core,
            spec,
            async (tx, event) => {
              // A re-run reads afresh: runMutation clears the request's loader, and a query the last attempt
              // left untaken is dropped here.
              if (attempts++ > 0) queries.clear();
              // Disabled, or its settings changed, since the gate let us in: re-run (and be refused or use the new settings).
              tx.check(unitRecordKey(coopId, unit.id), { expression: 'enabled = :on AND version = :v', values: { ':on': true, ':v': recordVersion } }, RETRY_TAG);
              // Inside the body, after any idempotent replay: a retry of yesterday's sale returns it even if the period closed since.
              const businessDate = options.businessEvent ? await resolveBusinessDate(core, u.cooperative, u.principal.role, requestedDate as string | null | undefined) : u.today();
              if (options.businessEvent) event.businessDate = businessDate;
              return refusingZodErrors('input', () =>
                options.resolve(input as never, {
                  ...u,
                  businessDate,
                  writes: createUnitWrites(tx, coopId, unit.id, RETRY_TAG),
                  post: (e) => {
                    if (!options.businessEvent) throw new Error(`${field} posts to the books: declare it a businessEvent`);
                    return postForUnit(core, tx, unit, coopId, businessDate, e);
                  },
                  afterCommit: (fn) => tx.afterCommit(() => fn().catch((err) => logAfterCommitFailure(field, err))),
                  devices: createUnitDeviceCredentials(core, tx, coopId, unit.id, requestContext, u.principal.userId),
                }),
              );
            },
          );
        } finally {
          queries.clear();
        }
      });
      builder.mutationField(field, (t) =>
        t.field({
          type: options.type,
          description: `${options.description} Needs ${options.permission}; the ${unit.name.en} unit must be enabled.${options.businessEvent ? ' A business event: dated by `businessDate` (default today).' : ''}${options.devices ? " The unit's device credentials may call it too (`Authorization: Device <token>`)." : ''}`,
          extensions: { kkmpPermission: options.permission, ...(options.businessEvent !== undefined ? { kkmpBusinessEvent: options.businessEvent } : {}), ...(options.devices ? { [DEVICE_EXTENSION]: unit.id } : {}) },
          errors: { types: UNIT_MUTATION_ERRORS },
          args: { input: t.arg({ type: Input }) },
          resolve: (_root: unknown, args: { input: Record<string, unknown> }, ctx: ApiContext) =>
            run(ctx.device, ctx)(options.devices ? deviceCoreContext(ctx.core, ctx.device) : ctx.core, { ...args.input, cooperativeId: one(String(args.input.cooperativeId), 'Cooperative', 'input.cooperativeId') }),
        } as never),
      );
    },
  };
}
