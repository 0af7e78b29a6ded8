import { UnitDependencyError } from '@kkmp/core';
import type { Builder } from '@kkmp/plugin-sdk';
import { one } from '../../ids';
import { disableUnit, enableUnit, updateUnitSettings, type UnitRegistry } from '../../units/enablement';
import { MUTATION_ERRORS } from '../errors';
import { IDEMPOTENCY_KEY_FIELD as idem } from '../idempotency';
import type { registerUnitTypes } from './types';

/** Enabling, configuring and disabling a unit for one cooperative. */
export function registerUnitMutations(builder: Builder, { EnabledUnitRef }: ReturnType<typeof registerUnitTypes>, registry: UnitRegistry) {
  const errors = [...MUTATION_ERRORS, UnitDependencyError];
  const UnitSettingsInput = builder.inputType('UnitSettingsInput', {
    description: 'A unit and its settings for one cooperative.',
    fields: (t) => ({
      idempotencyKey: t.string(idem),
      cooperativeId: t.id({ description: 'Cooperative id.' }),
      unitId: t.string({ description: 'Unit id from unitCatalog.' }),
      settings: t.field({ type: 'JSON', required: false, description: "Settings matching the unit's settingsSchema; defaults apply to absent fields." }),
    }),
  });
  const UnitTargetInput = builder.inputType('DisableUnitInput', {
    description: 'A unit of one cooperative.',
    fields: (t) => ({
      idempotencyKey: t.string(idem),
      cooperativeId: t.id({ description: 'Cooperative id.' }),
      unitId: t.string({ description: 'Unit id.' }),
    }),
  });

  builder.mutationFields((t) => ({
    enableUnit: t.field({
      type: EnabledUnitRef,
      description: 'Enable a unit for a cooperative with validated settings (errors name each bad settings field). Its dependencies must be enabled. Manager of the cooperative or its city admin.',
      errors: { types: errors },
      args: { input: t.arg({ type: UnitSettingsInput }) },
      resolve: (_r, { input }, ctx) =>
        enableUnit(ctx.core, registry, { ...input, cooperativeId: one(input.cooperativeId, 'Cooperative', 'input.cooperativeId') }),
    }),
    updateUnitSettings: t.field({
      type: EnabledUnitRef,
      description: 'Change the settings of an enabled unit. Manager of the cooperative or its city admin.',
      errors: { types: errors },
      args: { input: t.arg({ type: UnitSettingsInput }) },
      resolve: (_r, { input }, ctx) =>
        updateUnitSettings(ctx.core, registry, { ...input, cooperativeId: one(input.cooperativeId, 'Cooperative', 'input.cooperativeId') }),
    }),
    disableUnit: t.field({
      type: EnabledUnitRef,
      description: "Disable a unit: its operations are refused with UNIT_NOT_ENABLED; its data stays. Refused while enabled units depend on it.",
      errors: { types: errors },
      args: { input: t.arg({ type: UnitTargetInput }) },
      resolve: (_r, { input }, ctx) =>
        disableUnit(ctx.core, registry, { ...input, cooperativeId: one(input.cooperativeId, 'Cooperative', 'input.cooperativeId') }),
    }),
  }));
}
