import type { Role } from '@kkmp/core';
import type { z } from 'zod';
import type { Builder } from './builder';
import type { UnitDemoContext, UnitHookContext, UnitSchemaKit } from './kit-types';

/** Text in both languages the users read: Indonesian (id) and English (en). */
export interface Bilingual {
  id: string;
  en: string;
}

export interface UnitPermission {
  description: string;
  /**
   * Roles that hold the permission inside the cooperative. COOP_STAFF holds it only when the unit is in
   * the staff member's token (`units` claim): a sembako cashier does not sell LPG.
   */
  roles: Role[];
  /**
   * Supervisors (pengawas) write nothing, so a mutation's permission may not list SUPERVISOR; this flag
   * is the one narrow exception: a permission whose mutation only records the supervisors' own
   * endorsement of a decision the law gives them (e.g. approving a loan to a board member). Nothing
   * else may use such a permission.
   */
  supervisoryApproval?: boolean;
}

export type AccountKind = 'ASSET' | 'LIABILITY' | 'EQUITY' | 'REVENUE' | 'EXPENSE';

/** A ledger account the unit posts to; the core owns the chart and segments it by unit. */
export interface UnitAccount {
  /** Short code, unique within the unit, e.g. "inventory", "sales". */
  code: string;
  name: Bilingual;
  kind: AccountKind;
  /** Where cash moved against it shows in the cash-flow statement (OPERATING by default). */
  cashFlow?: 'OPERATING' | 'INVESTING' | 'FINANCING';
}

/**
 * A ready operation for front-end developers: a GraphiQL tab in local development (`npm run dev`).
 * The host validates it against the schema at start-up, so an example cannot go stale.
 */
export interface UnitExample {
  /** Tab title, e.g. "Sell at the cashier". */
  name: string;
  description?: string;
  /** One named operation. */
  query: string;
  /**
   * Variables as JSON. The strings "$cooperativeId", "$cityId" and "$memberId" (anywhere in it) become
   * the demo data's ids; "$today" and "$monthStart" become dates; "$<unit id>.<name>" becomes the value
   * the unit's `demo` returned under that name (a product id for a sale tab), so every tab runs as shipped.
   */
  variables?: Record<string, unknown>;
  /** Demo user whose token the tab sends: platform, city, manager (default), staff, supervisor, member. */
  as?: string;
}

export interface UnitDefinition<S extends z.ZodType = z.ZodType> {
  /** Lowercase letters and digits, e.g. "sembako". Prefixes its permissions, keys, fields and types. */
  id: string;
  name: Bilingual;
  description: Bilingual;
  /** The plugin's own version (semver). */
  version: string;
  /** Host SDK versions it works with (semver range, e.g. "^1"). */
  compatibility: string;
  /** Other units that must be enabled first, by id. */
  dependsOn?: string[];
  /** Per-cooperative settings, validated on enable; shown to clients as JSON Schema. */
  settings: S;
  /** A valid settings value, used by docs, the conformance suite and demo data. */
  sampleSettings: z.input<S>;
  /** Permission name ("<unit>:<action>") -> who holds it. */
  permissions: Record<string, UnitPermission>;
  accounts?: UnitAccount[];
  /** Adds the unit's GraphQL types and operations to the shared builder. */
  schema(builder: Builder, unit: UnitSchemaKit<z.output<S>>): void;
  /** Runs when a cooperative enables the unit; must be idempotent (it runs again after a re-enable). */
  onEnable?(ctx: UnitHookContext<z.output<S>>): Promise<void>;
  /** Runs when a cooperative disables the unit; must be idempotent. Disabling hides, never deletes. */
  onDisable?(ctx: UnitHookContext<z.output<S>>): Promise<void>;
  /**
   * Demo data for `npm run dev`: runs once on a fresh local database, after the unit is enabled with
   * `sampleSettings` in the demo cooperative. Uses the public API only (see UnitDemoContext). Returns
   * the ids (or other values) its examples need, by name: `{ productId }` is "$<unit id>.productId".
   */
  demo?(ctx: UnitDemoContext): Promise<void | DemoValues>;
  /** Example operations shown in GraphiQL (one tab each); the main flows of the unit. */
  examples?: UnitExample[];
}

export type AnyUnit = UnitDefinition<z.ZodType>;

/** Values a unit's demo hands to its examples, by name (ids of demo records, a demo buyer's NIK). */
export type DemoValues = Record<string, string>;

/** Declares a business unit. Identity function: it exists for type inference and discoverability. */
export function defineUnit<S extends z.ZodType>(definition: UnitDefinition<S>): UnitDefinition<S> {
  return definition;
}

/** Version of the plugin contract this host implements; units declare a compatible range. */
export const SDK_VERSION = '1.0.0';

export function typePrefix(unitId: string): string {
  return unitId.slice(0, 1).toUpperCase() + unitId.slice(1);
}
