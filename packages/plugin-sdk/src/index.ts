/**
 * @kkmp/plugin-sdk: everything a business-unit plugin needs. A unit is `defineUnit({...})` in its own
 * package under plugins/<id>, depending on this package only. See docs/writing-a-unit.md.
 */
export { defineUnit, SDK_VERSION, typePrefix, type UnitExample, type UnitDefinition, type AnyUnit, type Bilingual, type UnitPermission, type UnitAccount, type AccountKind } from './define';
export type { Builder, BuilderTypes } from './builder';
export type { UnitContext, UnitMutationContext, UnitHookContext, UnitSchemaKit, UnitQueryOptions, UnitMutationOptions, UnitJournalEntry, UnitDemoContext } from './units/kit-types';
export type { UnitStore, UnitWrites, UnitDerivedWrites } from './units/store';
export { pageRequest, toConnection } from './host/schema/connection';
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
  msg,
  text,
  isoDate,
  parseInput,
  type Rupiah,
  type Cooperative,
  type Member,
  type Principal,
  type Role,
} from '@kkmp/core';
export type { Page, PageRequest } from '@kkmp/store';
/** zod, re-exported so every unit validates with the same instance the host uses. */
export { z } from 'zod';
