import type { Builder, CoreRefs } from '@kkmp/plugin-sdk';
import { registerEnums } from './enums';
import { registerLoanTypes } from './loan-types';
import { registerReportTypes } from './report-types';
import { registerSavingsTypes } from './savings-types';

/** All the unit's GraphQL types, built once and shared by the operation modules. */
export function registerTypes(b: Builder, core: CoreRefs) {
  const enums = registerEnums(b);
  const savings = registerSavingsTypes(b, enums, core);
  const loans = registerLoanTypes(b, enums, core);
  return { ...enums, ...savings, ...loans, ...registerReportTypes(b, enums, loans, savings) };
}

export type Refs = ReturnType<typeof registerTypes>;
