import {
  ConflictError,
  DomainError,
  ForbiddenError,
  IdempotencyKeyReusedError,
  InvalidStateError,
  NotFoundError,
  UnauthenticatedError,
  BusinessRuleError,
  UnitDependencyError,
  UnitNotEnabledError,
  ValidationError,
  type FieldIssue,
} from '@kkmp/core';
import type { Builder } from '@kkmp/plugin-sdk';

export function registerErrorTypes(builder: Builder) {
  /** The interface every typed error implements; clients can always select code and both messages. */
  const ErrorInterface = builder.interfaceRef<DomainError>('Error').implement({
    description: 'An expected failure. Nothing was written. `code` is stable for programs; the messages are for people.',
    fields: (t) => ({
      code: t.exposeString('code', { description: 'Stable machine-readable code, e.g. VALIDATION, NOT_FOUND, FORBIDDEN.' }),
      message: t.exposeString('messageEn', { description: 'English message (same as messageEn).' }),
      messageEn: t.exposeString('messageEn', { description: 'Message in English.' }),
      messageId: t.exposeString('messageId', { description: 'Pesan dalam Bahasa Indonesia (for cashiers and members).' }),
    }),
  });

  const FieldIssueRef = builder.objectRef<FieldIssue>('FieldIssue').implement({
    description: 'One invalid input field.',
    fields: (t) => ({
      field: t.exposeString('field', { description: 'Path of the field in the operation\'s arguments, e.g. "input.nik".' }),
      messageEn: t.exposeString('messageEn', { description: 'What is wrong, in English.' }),
      messageId: t.exposeString('messageId', { description: 'Apa yang salah, dalam Bahasa Indonesia.' }),
    }),
  });

  builder.objectType(ValidationError, {
    name: 'ValidationError',
    description: 'Some input is invalid; `fields` lists each bad field. Nothing was written.',
    interfaces: [ErrorInterface],
    isTypeOf: (e) => e instanceof ValidationError,
    fields: (t) => ({
      fields: t.field({ type: [FieldIssueRef], description: 'Every invalid field with its message.', resolve: (e) => e.issues }),
    }),
  });

  builder.objectType(NotFoundError, {
    name: 'NotFoundError',
    description: 'A referenced record does not exist (or is not visible to you).',
    interfaces: [ErrorInterface],
    isTypeOf: (e) => e instanceof NotFoundError,
    fields: (t) => ({
      entity: t.exposeString('entity', { description: 'Kind of record, e.g. Member.' }),
      field: t.exposeString('field', { nullable: true, description: 'Input field that held the unknown id, if any.' }),
    }),
  });

  builder.objectType(ForbiddenError, {
    name: 'ForbiddenError',
    description: "Your role or tenant does not allow this. Every role is confined to its own city or cooperative.",
    interfaces: [ErrorInterface],
    isTypeOf: (e) => e instanceof ForbiddenError,
    fields: (t) => ({ action: t.exposeString('action', { description: 'The permission that was missing, e.g. member:write.' }) }),
  });

  builder.objectType(UnauthenticatedError, {
    name: 'UnauthenticatedError',
    description: 'No valid bearer token was sent.',
    interfaces: [ErrorInterface],
    isTypeOf: (e) => e instanceof UnauthenticatedError,
    fields: () => ({}),
  });

  builder.objectType(ConflictError, {
    name: 'ConflictError',
    description: 'The input collides with existing data, e.g. a NIK already registered in this cooperative.',
    interfaces: [ErrorInterface],
    isTypeOf: (e) => e instanceof ConflictError,
    fields: (t) => ({ field: t.exposeString('field', { description: 'Input field that collides.' }) }),
  });

  builder.objectType(InvalidStateError, {
    name: 'InvalidStateError',
    description: 'Not allowed in the record\'s current state, e.g. refunding equity to a member who has not left.',
    interfaces: [ErrorInterface],
    isTypeOf: (e) => e instanceof InvalidStateError,
    fields: () => ({}),
  });

  builder.objectType(IdempotencyKeyReusedError, {
    name: 'IdempotencyKeyReusedError',
    description: 'The idempotency key was used before for a different operation or input. Use a fresh key per intended change.',
    interfaces: [ErrorInterface],
    isTypeOf: (e) => e instanceof IdempotencyKeyReusedError,
    fields: (t) => ({ field: t.exposeString('field', { description: 'Always input.idempotencyKey.' }) }),
  });
  builder.objectType(UnitNotEnabledError, {
    name: 'UnitNotEnabledError',
    description: "The cooperative has not enabled this business unit. Its data is kept; a manager can enable it again.",
    interfaces: [ErrorInterface],
    isTypeOf: (e) => e instanceof UnitNotEnabledError,
    fields: (t) => ({ unitId: t.exposeString('unitId', { description: 'The unit, e.g. sembako.' }) }),
  });

  builder.objectType(UnitDependencyError, {
    name: 'UnitDependencyError',
    description: 'Units depend on each other: enable dependencies first; disable dependants first.',
    interfaces: [ErrorInterface],
    isTypeOf: (e) => e instanceof UnitDependencyError,
    fields: (t) => ({
      unitId: t.exposeString('unitId', { description: 'The unit being enabled or disabled.' }),
      units: t.exposeStringList('units', { description: 'Units in the way: missing dependencies, or enabled dependants.' }),
    }),
  });

  builder.objectType(BusinessRuleError, {
    name: 'BusinessRuleError',
    description: "A business unit's rule refused the operation (out of stock, quota used up, price above HET, compliance gate closed, ...). Nothing was written.",
    interfaces: [ErrorInterface],
    isTypeOf: (e) => e instanceof BusinessRuleError,
    fields: (t) => ({
      rule: t.exposeString('rule', { description: "The unit's code for the rule, e.g. OUT_OF_STOCK or QUOTA_EXCEEDED." }),
      field: t.string({ nullable: true, description: 'Input field concerned, if one.', resolve: (e) => e.field ?? null }),
      details: t.field({ type: 'JSON', nullable: true, description: 'Figures behind the refusal (e.g. { "available": 2 }).', resolve: (e) => e.details ?? null }),
    }),
  });

  return { ErrorInterface };
}

/** Errors any mutation can answer with. */
export const MUTATION_ERRORS = [
  ValidationError,
  NotFoundError,
  ForbiddenError,
  UnauthenticatedError,
  ConflictError,
  InvalidStateError,
  IdempotencyKeyReusedError,
];

/** Errors a read by id can answer with. */
export const READ_ERRORS = [ValidationError, NotFoundError, ForbiddenError, UnauthenticatedError];
