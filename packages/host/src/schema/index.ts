import type { Builder } from '@kkmp/plugin-sdk';
import { registerCitySchema } from './city';
import { registerCityViewSchema } from './city-view/index';
import { registerBudgetSchema } from './budget/index';
import { registerCooperativeSchema } from './cooperative/index';
import { registerLedgerSchema } from './ledger/index';
import { registerErrorTypes } from './errors';
import { registerMeSchema } from './me';
import { registerMemberSchema } from './member/index';
import { createCoreRefs } from './refs';
import { registerScalars } from './scalars';
import { registerShuSchema } from './shu/index';
import { registerPeopleSchema } from './people/index';

/** Registers the core schema (scalars, errors, cities, cooperatives, members) on a builder. */
export function registerCoreSchema(builder: Builder) {
  registerScalars(builder);
  const errors = registerErrorTypes(builder);
  const refs = createCoreRefs(builder);
  registerMeSchema(builder, refs);
  registerCitySchema(builder, refs);
  registerCooperativeSchema(builder, refs);
  registerMemberSchema(builder, refs);
  const ledger = registerLedgerSchema(builder, refs);
  registerBudgetSchema(builder, { ...refs, ...ledger });
  registerShuSchema(builder, refs);
  registerCityViewSchema(builder, refs);
  registerPeopleSchema(builder, refs);
  return { ...refs, ...errors };
}

export type CoreSchemaRefs = ReturnType<typeof registerCoreSchema>;
export { MUTATION_ERRORS, READ_ERRORS } from './errors';

