/**
 * @kkmp/plugin-sdk: the contract between a business-unit plugin and the host. A unit is `defineUnit({...})`
 * in its own package under plugins/<id>, depending on this package (and, for shop-like units, on
 * @kkmp/commerce). The host that runs units is @kkmp/host; their tests use @kkmp/unit-testing.
 * See docs/writing-a-unit.md.
 */
export { defineUnit, SDK_VERSION, typePrefix, type UnitExample, type DemoValues, type UnitDefinition, type AnyUnit, type Bilingual, type UnitPermission, type UnitAccount, type AccountKind } from './define';
export type { Builder, BuilderTypes } from './builder';
/** Pothos' input field type, for kits (such as @kkmp/commerce) that take extra input fields from a unit. */
/** Pothos reference types a unit or kit names in its own signatures (the builder's types, not a second dependency). */
export type { EnumRef, FieldRef, InputFieldRef, InterfaceRef, ObjectRef } from '@pothos/core';
export type { ApiContext, DeviceCaller } from './context';
export type {
  CoreRefs,
  UnitBooks,
  UnitContext,
  UnitMutationContext,
  UnitHookContext,
  UnitSchemaKit,
  UnitQueryOptions,
  UnitMutationOptions,
  UnitPrefetch,
  UnitJournalEntry,
  UnitDemoContext,
  UnitDevice,
  UnitDeviceCredential,
  UnitDeviceCredentials,
} from './kit-types';
export type { UnitStore, UnitWrites, UnitDerivedWrites } from './store-types';
/** Typed update and condition expressions for `UnitWrites` (dependency-free: no AWS SDK is loaded). */
export { update, cond, Update, type UpdateAction, type Condition, type Comparison } from '@kkmp/store/expressions';
export { pageRequest, toConnection, resolveTotalCount, CONNECTION_TOTAL_COUNT, MAX_PAGE, type Page, type PageRequest } from './connection';
export { encodeId, decodeId } from './ids';
export {
  DomainError,
  ValidationError,
  NotFoundError,
  ForbiddenError,
  ConflictError,
  InvalidStateError,
  UnitNotEnabledError,
  BusinessRuleError,
  rupiah,
  positiveRupiah,
  formatRupiah,
  formatRupiahEn,
  msg,
  text,
  isoDate,
  idempotencyKeyField,
  TEXT_KINDS,
  textKindOf,
  textProblem,
  type TextKind,
  parseInput,
  validationErrorOf,
  parseNik,
  ACCOUNTS,
  type CoreAccountCode,
  type Rupiah,
  type Principal,
  type Role,
} from '@kkmp/core/kernel';
export type { Cooperative, Member } from '@kkmp/core';
/** zod, re-exported so every unit validates with the same instance the host uses. */
export { z } from 'zod';
/**
 * CSV (RFC 4180) from a maintained library, for the files units hand out and take in (the LPG
 * logbook, a list of registered buyers): never by string concatenation. Synchronous: a unit's files are small.
 */
export { stringify as csvStringify } from 'csv-stringify/sync';
export { parse as csvParse } from 'csv-parse/sync';
