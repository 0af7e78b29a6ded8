/**
 * The one rule for text that callers send (core and every unit): a length limit per kind of text, and no
 * characters that corrupt what people later read. Names, addresses and references end on receipts,
 * cashier screens, CSV exports and the audit log, so these are refused, never stored:
 *
 * - C0 and C1 control characters (NUL, ESC of ANSI escapes, ...) and DEL; a text that may span lines
 *   (an address, a note, a CSV file) may hold line feed, carriage return and tab;
 * - bidirectional overrides and isolates (U+202A-U+202E, U+2066-U+2069), which reorder what a receipt
 *   shows ("the right-to-left override");
 * - unpaired surrogates (not text at all: they cannot be encoded as UTF-8).
 *
 * The host applies it to every String and ID argument of every operation before the resolver runs
 * (packages/plugin-sdk/src/input-guard.ts), so neither the core nor a unit can forget it; zod schemas
 * use the same check through `text()`. Pure: no I/O.
 */

export interface TextRule {
  /** Most characters (UTF-16 code units, as JavaScript and zod count). */
  max: number;
  /** May hold line feeds, carriage returns and tabs. */
  multiline: boolean;
}

/** The kinds of text and their limits; docs/api.md ("Text inputs") shows the same table. */
export const TEXT_KINDS = {
  /** Names and titles: a person, a cooperative, a product, a session. */
  name: { max: 200, multiline: false },
  /** Addresses, places and contact details. */
  address: { max: 500, multiline: true },
  /** Free notes: memos, reasons, terms, decisions. */
  note: { max: 2000, multiline: true },
  /** References and numbers people copy from paper: invoices, SKUs, registrations, NIK, phone. */
  reference: { max: 100, multiline: false },
  /** Sign-in names (a phone number or an e-mail address) and passwords. */
  credential: { max: 254, multiline: false },
  /** Opaque tokens the API handed out: refresh tokens, page cursors, ids. */
  token: { max: 1000, multiline: false },
  /** A whole CSV file in one field. */
  csv: { max: 2_000_000, multiline: true },
  /** Any other text: short, one line. */
  other: { max: 500, multiline: false },
} as const satisfies Record<string, TextRule>;

export type TextKind = keyof typeof TEXT_KINDS;

/**
 * Input field and argument names by kind (String fields; any ID is a `token`). A field not named here is `other`; a field may declare its own
 * rule instead (`extensions: { kkmpText: 'note' }` on the input field or argument).
 */
const KIND_OF_NAME: Record<string, TextKind> = {
  ...names('name', 'name legalName tenantName buyerName title venue position packName species lab issuer label kecamatan provinceName fileName category region space farmerGroup en id'),
  ...names('address', 'address deliveryAddress location contact'),
  ...names('note', 'note notes memo reason purpose terms obligations decisions offers goods actions'),
  ...names('reference', 'reference invoiceNumber paymentReference proofReference ratReference registrationNumber verifiedReference number sku kkNumber nib nik buyerNik phone regionCode postalCode code'),
  ...names('credential', 'login password'),
  ...names('token', 'refreshToken after before'),
  ...names('csv', 'csv'),
};

function names(kind: TextKind, list: string): Record<string, TextKind> {
  return Object.fromEntries(list.split(' ').map((n) => [n, kind]));
}

/** The kind of a field by its name (the last segment of its path). */
export function textKindOf(fieldName: string): TextKind {
  return KIND_OF_NAME[fieldName] ?? 'other';
}

// Controls except tab, LF and CR; DEL and C1. Then the same three for single-line text.
const ALWAYS_REFUSED = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f]/;
const LINE_BREAKS = /[\t\n\r]/;
const BIDI_CONTROLS = /[\u202a-\u202e\u2066-\u2069]/;
const LONE_SURROGATE = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;

export interface TextProblem {
  en: string;
  id: string;
}

/** What is wrong with a text under a rule, each language whole; undefined when nothing is. */
export function textProblem(value: string, rule: TextRule): TextProblem | undefined {
  // Length first: a 2 MB value is refused without scanning it.
  if (value.length > rule.max) return { en: `at most ${rule.max} characters`, id: `paling banyak ${rule.max} karakter` };
  if (ALWAYS_REFUSED.test(value) || (!rule.multiline && LINE_BREAKS.test(value))) {
    return rule.multiline
      ? { en: 'must not contain control characters', id: 'tidak boleh berisi karakter kontrol' }
      : { en: 'must be one line without control characters (no tabs or line breaks)', id: 'harus satu baris tanpa karakter kontrol (tanpa tab atau baris baru)' };
  }
  if (BIDI_CONTROLS.test(value)) {
    return { en: 'must not contain text-direction control characters (U+202A-U+202E, U+2066-U+2069)', id: 'tidak boleh berisi karakter pengatur arah teks (U+202A-U+202E, U+2066-U+2069)' };
  }
  if (LONE_SURROGATE.test(value)) return { en: 'contains an invalid character (an unpaired surrogate)', id: 'berisi karakter yang tidak sah (surrogate tanpa pasangan)' };
  return undefined;
}

/** Idempotency keys: 8-200 characters, one line, no control characters, in every mutation. */
export const IDEMPOTENCY_KEY_RULE = { min: 8, max: 200 } as const;

/** What is wrong with an idempotency key, or undefined. */
export function idempotencyKeyProblem(value: string): TextProblem | undefined {
  if (value.length < IDEMPOTENCY_KEY_RULE.min || value.length > IDEMPOTENCY_KEY_RULE.max) {
    return { en: 'idempotency key must be 8 to 200 characters', id: 'kunci idempotensi harus 8 sampai 200 karakter' };
  }
  return textProblem(value, { max: IDEMPOTENCY_KEY_RULE.max, multiline: false });
}
