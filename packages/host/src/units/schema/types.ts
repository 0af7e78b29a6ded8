import { JSONResolver } from 'graphql-scalars';
import { z } from 'zod';
import type { Builder } from '@kkmp/plugin-sdk';
import type { AnyUnit } from '@kkmp/plugin-sdk';
import type { UnitRegistry } from '../enablement';
import { listUnitRecords, type UnitRecord } from '../records';
import type { CoreRefs } from '../../schema/refs';

/** The unit catalog (what is installed) and `Cooperative.units` (what a cooperative enabled). */
export function registerUnitTypes(builder: Builder, refs: CoreRefs & { ErrorInterface: unknown }, registry: UnitRegistry) {
  builder.addScalarType('JSON', JSONResolver, { description: 'Any JSON value (unit settings and their JSON Schema).' });

  const BilingualRef = builder.objectRef<{ id: string; en: string }>('BilingualText').implement({
    description: 'Text in Indonesian and English.',
    fields: (t) => ({
      id: t.exposeString('id', { description: 'Bahasa Indonesia.' }),
      en: t.exposeString('en', { description: 'English.' }),
    }),
  });

  const PermissionRef = builder.objectRef<{ name: string; description: string; roles: string[] }>('UnitPermission').implement({
    description: 'A permission a unit defines, and the roles that hold it in a cooperative.',
    fields: (t) => ({
      name: t.exposeString('name', { description: 'e.g. sembako:sell.' }),
      description: t.exposeString('description', { description: 'What it allows.' }),
      roles: t.exposeStringList('roles', { description: 'Roles holding it (COOP_STAFF only for units named in their token).' }),
    }),
  });

  const AccountRef = builder.objectRef<NonNullable<AnyUnit['accounts']>[number]>('UnitAccount').implement({
    description: 'A ledger account the unit posts to.',
    fields: (t) => ({
      code: t.exposeString('code', { description: 'Code within the unit.' }),
      name: t.field({ type: BilingualRef, description: 'Name.', resolve: (a) => a.name }),
      kind: t.expose('kind', { type: refs.AccountKindEnum, description: 'Heading: asset, liability, equity, revenue or expense.' }),
    }),
  });

  const UnitInfoRef = builder.objectRef<AnyUnit>('UnitInfo').implement({
    description: 'A business unit installed in this deployment (a plugin). Cooperatives enable the ones that fit their kelurahan.',
    fields: (t) => ({
      id: t.exposeString('id', { description: 'Unit id, e.g. sembako; prefixes its operations (sembakoSell) and types (SembakoDailySummary).' }),
      name: t.field({ type: BilingualRef, description: 'Name.', resolve: (u) => u.name }),
      description: t.field({ type: BilingualRef, description: 'What the unit does.', resolve: (u) => u.description }),
      version: t.exposeString('version', { description: 'Plugin version.' }),
      dependsOn: t.stringList({ description: 'Units that must be enabled first.', resolve: (u) => u.dependsOn ?? [] }),
      permissions: t.field({
        type: [PermissionRef],
        description: 'Permissions it defines.',
        resolve: (u) => Object.entries(u.permissions).map(([name, p]) => ({ name, description: p.description, roles: p.roles })),
      }),
      accounts: t.field({ type: [AccountRef], description: 'Ledger accounts it posts to.', resolve: (u) => u.accounts ?? [] }),
      settingsSchema: t.field({
        type: 'JSON',
        description: 'JSON Schema of its settings (draft 2020-12), to render a settings form.',
        resolve: (u) => z.toJSONSchema(u.settings, { io: 'input', unrepresentable: 'any' }),
      }),
      sampleSettings: t.field({ type: 'JSON', description: 'An example of valid settings.', resolve: (u) => u.sampleSettings }),
    }),
  });

  const EnabledUnitRef = builder.objectRef<UnitRecord>('CooperativeUnit').implement({
    description: "A unit's state in one cooperative.",
    fields: (t) => ({
      unitId: t.exposeString('unitId', { description: 'Unit id.' }),
      unit: t.field({ type: UnitInfoRef, nullable: true, description: 'The unit (null if its plugin was uninstalled).', resolve: (r) => registry.get(r.unitId) ?? null }),
      enabled: t.exposeBoolean('enabled', { description: 'Whether its operations are open.' }),
      settings: t.field({ type: 'JSON', description: 'Settings in force.', resolve: (r) => r.settings }),
      enabledAt: t.expose('enabledAt', { type: 'DateTime', nullable: true, description: 'Last enabled.' }),
      disabledAt: t.expose('disabledAt', { type: 'DateTime', nullable: true, description: 'Last disabled.' }),
    }),
  });

  builder.queryField('unitCatalog', (t) =>
    t.field({
      type: [UnitInfoRef],
      description: 'Business units installed in this deployment, with their settings form (JSON Schema). Open to any signed-in user.',
      authScopes: { authenticated: true },
      resolve: () => [...registry.values()],
    }),
  );

  builder.objectField(refs.CooperativeRef, 'units', (t) =>
    t.field({
      type: [EnabledUnitRef],
      description: 'Units of this cooperative with their settings: the enabled ones, or all it ever enabled.',
      args: { includeDisabled: t.arg.boolean({ required: false, description: 'Also list disabled units.' }) },
      resolve: async (coop, args, ctx) =>
        (await listUnitRecords(ctx.core, coop)).filter((r) => r.enabled || args.includeDisabled),
    }),
  );

  return { EnabledUnitRef };
}
