export { table, type TableDefinition, type GlobalIndexName } from './table';
export { createDb, totalCalls, type Db, type StoreConfig } from './client';
export { pk, sk, skPrefix, part, tenantPrefix, type Key, type Tenant } from './keys';
export { ConditionFailed, TransactionContention, TransactionTooLarge, VersionConflict } from './errors';
export { Transaction, MAX_TRANSACTION_ACTIONS, type StoredItem, type UpdateInput, type ConditionInput } from './transaction';
export {
  update,
  cond,
  Update,
  checkCondition,
  conditionAttributes,
  renderUpdate,
  renderCondition,
  type UpdateAction,
  type Condition,
  type Comparison,
  type Expression,
} from './expressions';
export {
  getItem,
  parseItem,
  queryPage,
  queryAll,
  queryCount,
  encodeCursor,
  decodeCursor,
  InvalidCursor,
  MAX_PAGE,
  type Page,
  type PageRequest,
  type QuerySpec,
} from './repository';
export { createItemLoader } from './loader';
export { batchGet } from './batch-get';
export {
  idempotencyKey,
  readIdempotencyRecord,
  parseIdempotencyRecord,
  addIdempotencyRecord,
  digest,
  stableJson,
  IDEMPOTENCY_TAG,
  IDEMPOTENCY_TTL_SECONDS,
  type IdempotencyRecord,
} from './idempotency';
export { createTableInput, ensureTable } from './bootstrap';
export { nextNumber } from './counter';
export { putAll, deleteAll } from './batch';
export { scanAll } from './scan';
export { updateOne } from './single-update';
export { countAttempt } from './attempts';
export { logCalls, countRoundTrips, type CallLog } from './call-log';
export { injectFaults, seededRandom, type FaultInjector, type FaultKind, type FaultOptions } from './faults';
