/**
 * The pure part of the kernel: errors, money, dates and time zones, NIK, principals and input parsing.
 * Nothing here touches storage, so the plugin SDK can build on it without loading the DynamoDB client.
 */
export * from './errors';
export * from './money';
export * from './clock';
export * from './time';
export * from './nik';
export * from './business-date';
export * from './principal';
export { parseInput, validationErrorOf, msg, text, isoDate, idempotencyKeyField } from './validation';
export { TEXT_KINDS, textKindOf, textProblem, idempotencyKeyProblem, IDEMPOTENCY_KEY_RULE, type TextKind, type TextRule, type TextProblem } from './text-rule';
/** Codes of the core chart's accounts by role (cash, bank, inventory, revenue from members, ...). */
export { ACCOUNTS, type CoreAccountCode } from './ledger/codes';
