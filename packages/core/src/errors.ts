/**
 * Expected failures. Each has a stable code for clients, an English and an Indonesian message (cashiers
 * read Indonesian), and where it concerns one input, the field path. The API layer maps these to typed
 * GraphQL errors; anything else is a bug and is masked.
 */
export interface FieldIssue {
  /** Input path, e.g. "input.nik" or "input.board.0.name". */
  field: string;
  messageEn: string;
  messageId: string;
}

export type ErrorCode =
  | 'VALIDATION'
  | 'NOT_FOUND'
  | 'FORBIDDEN'
  | 'UNAUTHENTICATED'
  | 'CONFLICT'
  | 'IDEMPOTENCY_KEY_REUSED'
  | 'INVALID_STATE'
  | 'UNIT_NOT_ENABLED'
  | 'UNIT_DEPENDENCY'
  | 'BUSINESS_RULE';

export abstract class DomainError extends Error {
  abstract readonly code: ErrorCode;
  constructor(
    readonly messageEn: string,
    readonly messageId: string,
  ) {
    super(messageEn);
    this.name = new.target.name;
  }
}

export class ValidationError extends DomainError {
  readonly code = 'VALIDATION' as const;
  constructor(readonly issues: FieldIssue[]) {
    const first = issues[0];
    super(
      first ? `${first.field}: ${first.messageEn}` : 'invalid input',
      first ? `${first.field}: ${first.messageId}` : 'masukan tidak valid',
    );
  }

  static field(field: string, messageEn: string, messageId: string): ValidationError {
    return new ValidationError([{ field, messageEn, messageId }]);
  }
}

export class NotFoundError extends DomainError {
  readonly code = 'NOT_FOUND' as const;
  constructor(
    readonly entity: string,
    readonly id: string,
    /** Input field that held the unknown id, when the id came from input. */
    readonly field?: string,
  ) {
    super(`${entity} ${id} not found`, `${entity} ${id} tidak ditemukan`);
  }
}

export class ForbiddenError extends DomainError {
  readonly code = 'FORBIDDEN' as const;
  /** `action` is a permission (e.g. "member:read"); `why` says it in words, each language whole. */
  constructor(
    readonly action: string,
    why?: { en: string; id: string },
  ) {
    super(why?.en ?? `you may not do ${action} here`, why?.id ?? `Anda tidak berhak melakukan ${action} di sini`);
  }
}

export class UnauthenticatedError extends DomainError {
  readonly code = 'UNAUTHENTICATED' as const;
  constructor() {
    super('sign in first: send a bearer token', 'silakan masuk dulu: kirim token bearer');
  }
}

/** The input collides with existing data (duplicate NIK, a second cooperative for a kelurahan, ...). */
export class ConflictError extends DomainError {
  readonly code = 'CONFLICT' as const;
  constructor(
    readonly field: string,
    messageEn: string,
    messageId: string,
  ) {
    super(messageEn, messageId);
  }
}

/** The operation is not allowed in the entity's current state (e.g. refund to an active member). */
export class InvalidStateError extends DomainError {
  readonly code = 'INVALID_STATE' as const;
  constructor(messageEn: string, messageId: string) {
    super(messageEn, messageId);
  }
}

export class IdempotencyKeyReusedError extends DomainError {
  readonly code = 'IDEMPOTENCY_KEY_REUSED' as const;
  readonly field = 'input.idempotencyKey';
  constructor() {
    super(
      'this idempotency key was already used for a different request',
      'kunci idempotensi ini sudah dipakai untuk permintaan lain',
    );
  }
}

/** A business unit's operation was called for a cooperative that has not enabled the unit. */
export class UnitNotEnabledError extends DomainError {
  readonly code = 'UNIT_NOT_ENABLED' as const;
  constructor(readonly unitId: string, unitNameEn: string, unitNameId: string) {
    super(
      `the ${unitNameEn} unit (${unitId}) is not enabled for this cooperative`,
      `unit usaha ${unitNameId} (${unitId}) belum diaktifkan untuk koperasi ini`,
    );
  }
}

/** Enabling needs other units enabled first, or disabling would strand units that depend on this one. */
export class UnitDependencyError extends DomainError {
  readonly code = 'UNIT_DEPENDENCY' as const;
  constructor(
    readonly unitId: string,
    /** The units in the way: missing dependencies (enable) or enabled dependants (disable). */
    readonly units: string[],
    kind: 'missing' | 'dependants',
  ) {
    super(
      kind === 'missing'
        ? `enable ${units.join(', ')} before ${unitId}`
        : `${units.join(', ')} depend on ${unitId}; disable them first`,
      kind === 'missing'
        ? `aktifkan ${units.join(', ')} sebelum ${unitId}`
        : `${units.join(', ')} bergantung pada ${unitId}; nonaktifkan dulu`,
    );
  }
}

/**
 * A unit's own rule refused the operation: stock too low, quota or allocation used up, price above the
 * HET, a compliance gate closed (water depot without a valid hygiene certificate), a loan over its limit.
 * `rule` is the unit's stable code for it (e.g. OUT_OF_STOCK), `details` any figures a client shows.
 */
export class BusinessRuleError extends DomainError {
  readonly code = 'BUSINESS_RULE' as const;
  constructor(
    readonly rule: string,
    messageEn: string,
    messageId: string,
    readonly options: { field?: string; details?: Record<string, unknown> } = {},
  ) {
    super(messageEn, messageId);
  }
  get field(): string | undefined {
    return this.options.field;
  }
  get details(): Record<string, unknown> | undefined {
    return this.options.details;
  }
}
