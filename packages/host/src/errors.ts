import { BusinessRuleError, DomainError, ValidationError } from '@kkmp/core';
import { InvalidCursor } from '@kkmp/store';
import { GraphQLError } from 'graphql';

/**
 * Errors that escape a field without a typed union (nested fields, lists) still reach the client with
 * their code and both messages in `extensions`; anything unexpected is masked to "Unexpected error."
 * (code INTERNAL; http/request-id.ts adds the request id and writes the log line).
 */
// By name, not instanceof: graphql ships CJS and ESM builds, and a library may load the other one.
const isGraphQLError = (e: unknown): e is GraphQLError => e instanceof Error && e.name === 'GraphQLError';

export function maskError(error: unknown, message: string): Error {
  const original = isGraphQLError(error) ? (error.originalError ?? error) : error;
  const domain = original instanceof InvalidCursor ? ValidationError.field('after', 'invalid pagination cursor', 'kursor halaman tidak valid') : original;
  if (domain instanceof DomainError) {
    const path = isGraphQLError(error) ? error.path : undefined;
    return new GraphQLError(domain.messageEn, {
      ...(path ? { path } : {}),
      extensions: {
        code: domain.code,
        messageEn: domain.messageEn,
        messageId: domain.messageId,
        ...('field' in domain && domain.field ? { field: domain.field } : {}),
        ...(domain instanceof ValidationError ? { fields: domain.issues } : {}),
        ...('unitId' in domain ? { unitId: domain.unitId } : {}),
        ...(domain instanceof BusinessRuleError ? { rule: domain.rule, ...(domain.details ? { details: domain.details } : {}) } : {}),
        http: { status: 200 },
      },
    });
  }
  // Errors graphql-js raises about the request itself (syntax, unknown fields, variables that do not
  // coerce, such as a fractional Rupiah) are the client's to see.
  if (isGraphQLError(error) && (!error.originalError || isGraphQLError(error.originalError))) {
    return error.extensions.code
      ? error
      : new GraphQLError(error.message, { nodes: error.nodes, positions: error.positions, path: error.path, extensions: { ...error.extensions, code: 'BAD_REQUEST' } });
  }
  // The real error rides along (never serialized): the request-id plugin logs it with the request's id.
  const path = isGraphQLError(error) ? error.path : undefined;
  return new GraphQLError(message, { ...(path ? { path } : {}), extensions: { code: 'INTERNAL' }, ...(original instanceof Error ? { originalError: original } : {}) });
}
