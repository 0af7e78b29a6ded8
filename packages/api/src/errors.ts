import { DomainError, ValidationError } from '@kkmp/core';
import { InvalidCursor } from '@kkmp/store';
import { GraphQLError } from 'graphql';

/**
 * Errors that escape a field without a typed union (nested fields, lists) still reach the client with
 * their code and both messages in `extensions`; anything unexpected is masked to "Unexpected error."
 */
export function maskError(error: unknown, message: string): Error {
  const original = error instanceof GraphQLError ? (error.originalError ?? error) : error;
  const domain = original instanceof InvalidCursor ? ValidationError.field('after', 'invalid pagination cursor', 'kursor halaman tidak valid') : original;
  if (domain instanceof DomainError) {
    const path = error instanceof GraphQLError ? error.path : undefined;
    return new GraphQLError(domain.messageEn, {
      ...(path ? { path } : {}),
      extensions: {
        code: domain.code,
        messageEn: domain.messageEn,
        messageId: domain.messageId,
        ...('field' in domain && domain.field ? { field: domain.field } : {}),
        ...(domain instanceof ValidationError ? { fields: domain.issues } : {}),
        http: { status: 200 },
      },
    });
  }
  if (error instanceof GraphQLError && !error.originalError) return error;
  if (process.env.KKMP_LOG_ERRORS !== '0') console.error('[kkmp] unexpected error', original);
  return new GraphQLError(message, { extensions: { code: 'INTERNAL' } });
}
