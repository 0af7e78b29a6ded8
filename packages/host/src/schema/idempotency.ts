/** Options of every mutation input's `idempotencyKey` field: one wording, everywhere. */
export const IDEMPOTENCY_KEY_FIELD = {
  required: false,
  description: 'Client-chosen key (8-200 chars); a retry with the same key returns the first result and writes nothing more.',
} as const;
