import type { Cooperative, DomainError, Member, Principal } from '@kkmp/core';
import type { InterfaceRef, ObjectRef, InputFieldMap, InputFieldRef, InputShapeFromFields, TypeParam, ShapeFromTypeParam, FieldNullability, ArgBuilder } from '@pothos/core';
import type { z } from 'zod';
import type { BuilderTypes, Builder } from './builder';
import type { ApiContext } from './context';
import type { UnitDerivedWrites, UnitStore, UnitWrites } from './store-types';

type Types = PothosSchemaTypes.ExtendDefaultTypes<BuilderTypes>;

/** Core GraphQL types a unit may refer to in its own types (the host registers them). */
export interface CoreRefs {
  CooperativeRef: ObjectRef<Types, Cooperative>;
  MemberRef: ObjectRef<Types, Member>;
  /** The `Error` interface every typed error implements. */
  ErrorInterface: InterfaceRef<Types, DomainError>;
  /**
   * A member for a `member: Member` field on the unit's records (a link, not a bare id): batched with the
   * request's other reads, and refused (an error on that field alone: make it nullable) to a caller who
   * may not read that member. Null when the member does not exist.
   */
  member(ctx: ApiContext, coopId: string, memberId: string): Promise<Member | null>;
}

/** What a unit's resolver sees: its cooperative, settings, caller, clock, and storage scoped to it. */
export interface UnitContext<Settings> {
  unitId: string;
  cooperative: Cooperative;
  settings: Settings;
  principal: Principal;
  now(): Date;
  /** Today's date (YYYY-MM-DD) in the cooperative's time zone. */
  today(): string;
  store: UnitStore;
  /** Derived data and counters, written at once outside any transaction (see UnitDerivedWrites). */
  derived: UnitDerivedWrites;
  /** The cooperative's members, for sales to members (read-only). */
  members: {
    get(memberId: string): Promise<Member | undefined>;
    findByNik(nik: string): Promise<Member | undefined>;
    /** By member number (nomor anggota), as printed on the member card. */
    findByNumber(memberNumber: number): Promise<Member | undefined>;
  };
  /** Read-only figures from the cooperative's books (e.g. own capital for a limit), for the unit's rules. */
  books: UnitBooks;
  /** New sortable id. */
  newId(): string;
  /** Whether the caller holds one of the unit's permissions (never, for a device). */
  can(permission: string): boolean;
  /**
   * Set when a device credential made the call (only in a mutation declared `devices: true`). Then
   * `principal` is a stand-in (`userId` "device:<credentialId>", no unit permission) and the unit must
   * keep the device to what `device.scope` says, e.g. readings for its own pond only.
   */
  device?: UnitDevice;
}

/** The device credential behind a call (see UnitContext.device). */
export interface UnitDevice {
  credentialId: string;
  /** What the unit limited the credential to when it issued it. */
  scope: Record<string, string>;
}

/** A device credential as the host keeps it: its secret only as a SHA-256 hash. */
export interface UnitDeviceCredential {
  credentialId: string;
  label: string;
  scope: Record<string, string>;
  issuedAt: string;
  issuedBy: string;
  revokedAt?: string;
}

/**
 * Device credentials of the unit (a sensor that posts readings): issued and revoked by the unit's own
 * mutations, in their transaction. The secret is random (32 bytes), stored only as its SHA-256 hash,
 * and shown once: in the response of the mutation that issued it (`revealedToken`), never stored in the
 * idempotency record, so a replay answers without it.
 */
export interface UnitDeviceCredentials {
  /** A new credential for this cooperative and unit, limited to `scope`. */
  issue(args: { label: string; scope: Record<string, string> }): Promise<UnitDeviceCredential>;
  /** Revokes one of this unit's credentials in this cooperative (at once: the next request is refused). */
  revoke(credentialId: string): Promise<UnitDeviceCredential>;
}

/** A journal entry a unit posts: balanced, in whole rupiah, on core accounts or its own ("<unitId>.<code>"). */
export interface UnitJournalEntry {
  /**
   * The mutation's `businessDate` when absent (the usual case). Another date only for a period-end
   * posting the event stands for, e.g. a month's savings interest dated its last day.
   */
  date?: string;
  memo: string;
  /** Id of the unit's record behind the entry (a sale, a purchase, a ticket). */
  documentId: string;
  lines: { account: string; debit?: number; credit?: number; memo?: string }[];
  /** Member purchases to count for SHU jasa usaha (sales to members). */
  patronage?: { memberId: string; amount: number }[];
  /**
   * A purchase under a supply agreement the city brokered (its raw id): the books check that it is the
   * cooperative's agreement, in force on the date, and add `amount` to its volume in the same transaction.
   */
  supplyAgreement?: { id: string; amount: number };
}

/** A mutation resolver also writes, into the mutation's one transaction. */
export interface UnitMutationContext<Settings> extends UnitContext<Settings> {
  writes: UnitWrites;
  /**
   * The day the event happened (YYYY-MM-DD, the cooperative's zone): the client's `businessDate`, checked
   * by the host under the one rule, or today. Date-dependent rules (prices and HET in force, per-day,
   * -week or -month limits, as-of positions) follow it, not `today()`. Today in a mutation that is not a
   * business event.
   */
  businessDate: string;
  /**
   * Posts the entry in the same DynamoDB transaction as the unit's writes: the business record and the
   * books land together or not at all. Every line is segmented to this unit. Dated `businessDate`;
   * only a mutation declared `businessEvent` may post.
   */
  post(entry: UnitJournalEntry): Promise<{ entryId: string }>;
  /**
   * Runs once the mutation's transaction has committed (never for a refused or re-run attempt), e.g. to
   * materialise derived records with `derived`. It must be safe to repeat and should leave a marker in
   * the transaction that a reader can finish from, in case the process dies before it runs. Its
   * failure is logged, not returned: the mutation has already happened.
   */
  afterCommit(fn: () => Promise<void>): void;
  /** The unit's device credentials (issue, revoke), written in this mutation's transaction. */
  devices: UnitDeviceCredentials;
}

export interface UnitHookContext<Settings> {
  unitId: string;
  cooperative: Cooperative;
  settings: Settings;
  now(): Date;
  store: UnitStore;
  writes: UnitWrites;
}

export interface UnitQueryOptions<
  Settings,
  Type extends TypeParam<Types>,
  Args extends InputFieldMap,
  Nullable extends FieldNullability<Type>,
  Parsed = InputShapeFromFields<Args>,
> {
  type: Type;
  description: string;
  nullable?: Nullable;
  /** Permission the caller needs, e.g. "sembako:sell". */
  permission: string;
  args?: (t: ArgBuilder<Types>) => Args;
  /**
   * zod schema the arguments (all but `cooperativeId`) are parsed with before `resolve` runs, once the
   * gate has let the caller in. A refusal is a ValidationError naming each bad argument by its path
   * (`amount`, `lines.0.quantity`), in English and Indonesian; `resolve` gets the parsed output.
   */
  schema?: z.ZodType<Parsed>;
  /**
   * As a mutation's `prefetch`: keys `resolve` will read, read in the gate's BatchGetItem. Also the way
   * to read an item strictly before a later read (e.g. a marker saying a set of items is complete, then
   * the items): what the gate's wave read was read before anything `resolve` sends.
   */
  prefetch?: (args: Parsed, keys: UnitPrefetch<Settings>) => void;
  resolve: (args: Parsed, unit: UnitContext<Settings>) => Promise<ShapeFromTypeParam<Types, Type, Nullable>> | ShapeFromTypeParam<Types, Type, Nullable>;
}

export interface UnitMutationOptions<
  Settings,
  Type extends TypeParam<Types>,
  Fields extends Record<string, InputFieldRef<Types, unknown>>,
  Parsed = InputShapeFromFields<Fields>,
> {
  type: Type;
  description: string;
  permission: string;
  /** Fields of the generated input type; `cooperativeId` and `idempotencyKey` are added for you. */
  input: (t: PothosSchemaTypes.InputFieldBuilder<Types, 'InputObject'>) => Fields;
  /**
   * zod schema your input fields (without `cooperativeId` and `idempotencyKey`) are parsed with before
   * `resolve` runs, once the gate has let the caller in. A refusal is a ValidationError naming every bad
   * field by its path (`input.amount`, `input.lines.0.quantity`), in English and Indonesian, audited,
   * with nothing written; `resolve` gets the parsed output (trimmed, defaulted, typed). Optional GraphQL
   * fields arrive as null or absent: declare them `.nullish()`.
   */
  schema?: z.ZodType<Parsed>;
  /**
   * The mutation records a business event (a sale, a purchase, a payment, a count, a provision: anything
   * that moves money or stock). The host then adds the optional `businessDate` input field (the same
   * name and rule everywhere: not after today, not before the first financial year, not in a locked
   * period, within the caller's backdating window), refuses a bad one as a ValidationError naming it, and
   * hands the date to `resolve` as `u.businessDate`. Only business events may post to the books. A
   * mutation that takes money (a Rupiah field) but records no event (a price, a plan, an application)
   * says `false`; start-up refuses one that says neither.
   */
  businessEvent?: boolean;
  /**
   * Device credentials the unit issued (`u.devices.issue`) may call this mutation too, besides holders
   * of `permission`; they may call nothing else. `resolve` then gets `u.device` and must hold it to its
   * scope. Not for business events: a device moves no money.
   */
  devices?: boolean;
  /**
   * Declares what `resolve` will read by key, so those reads join the mutation's first read wave (the
   * gate's: cooperative, unit record, idempotency record) in one BatchGetItem instead of following it.
   * Called before the gate, synchronously, only with input the `schema` accepts (as parsed); it only
   * names keys (`keys.item(...)`, `keys.member(...)`), never sees what is read, and whatever it throws is
   * ignored: the gate, the input check and `resolve` refuse exactly as without it. `resolve` still reads
   * the same items the usual way (`u.store.get`, `u.members.get`); prefetched, those cost no round trip.
   */
  prefetch?: (input: Parsed, keys: UnitPrefetch<Settings>) => void;
  /** Must return plain JSON data: it is stored so a retry with the same idempotency key returns it. */
  resolve: (input: Parsed, unit: UnitMutationContext<Settings>) => Promise<ShapeFromTypeParam<Types, Type, false>>;
  /**
   * Typed errors for conditions your writes tag: `u.writes.create(key, item, 'plate')` failing becomes
   * `conflicts.plate()`, e.g. a ConflictError naming the input field. Untagged conditions re-run the mutation.
   */
  conflicts?: Record<string, () => DomainError>;
}

/** Keys a mutation's or query's `prefetch` names, read in the first wave (see UnitMutationOptions.prefetch). */
export interface UnitPrefetch<Settings = unknown> {
  /** The cooperative of the call (decoded from `cooperativeId`). */
  cooperativeId: string;
  /** The clock (e.g. to check a NIK's date before naming its key). */
  now(): Date;
  /**
   * The business dates the mutation may run on, for keys that carry a date or period: the `businessDate`
   * requested, else today in each of the country's time zones (the cooperative's is read with the gate):
   * one date, two near midnight.
   */
  dates: string[];
  /**
   * The unit's settings as this process last read them for the cooperative (absent after a cold start, and
   * possibly stale): for naming keys that depend on them (a buyer limit's period). Only a guess: a key
   * guessed wrong is read again where it is used (one round trip more), and the resolver decides with the
   * settings the gate read.
   */
  settingsSeen?: Settings | undefined;
  /** An item of the unit by key, as `u.store.get(schema, ...key)` will read it. */
  item(...key: string[]): void;
  /**
   * The unit's items under a key prefix, as `u.store.all(schema, ...)` will query them: the query starts
   * with the first wave, beside its BatchGetItem (a call of its own, but no round trip more).
   */
  query(...prefix: string[]): void;
  /** A member by id, as `u.members.get` will read it. */
  member(memberId: string): void;
  /** The NIK's member lookup, as `u.members.findByNik` will start it (the member record itself follows it). */
  memberByNik(nik: string): void;
  /** The member number's lookup, as `u.members.findByNumber` will start it. */
  memberByNumber(memberNumber: number): void;
}

/** Second argument of a unit's `schema(builder, unit)`. */
export interface UnitSchemaKit<Settings> {
  unitId: string;
  /** Type-name prefix every type of the unit must start with, e.g. "Sembako". */
  typePrefix: string;
  /** Core GraphQL types to refer to (Cooperative, Member, Error, ...). */
  core: CoreRefs;
  /** Adds `Query.<unitId><Name>(cooperativeId: ID!, ...)`, guarded by tenant, permission and enablement. */
  query<Type extends TypeParam<Types>, Args extends InputFieldMap = {}, Nullable extends FieldNullability<Type> = false, Parsed = InputShapeFromFields<Args>>(
    name: string,
    options: UnitQueryOptions<Settings, Type, Args, Nullable, Parsed>,
  ): void;
  /**
   * Adds `Mutation.<unitId><Name>(input: ...)`: guarded, input parsed, audited, idempotent, one
   * transaction, typed errors. A zod refusal escaping `resolve` (a `.parse` in a service) is a
   * ValidationError too, named under `input`, never an internal error.
   */
  mutation<Type extends TypeParam<Types>, Fields extends Record<string, InputFieldRef<Types, unknown>>, Parsed = InputShapeFromFields<Fields>>(
    name: string,
    options: UnitMutationOptions<Settings, Type, Fields, Parsed>,
  ): void;
  /**
   * For kits several units build on (the commerce kit): registers types shared by all of them once per
   * schema. The first call with a given `register` function runs it, on a builder that accepts only type
   * names starting with `prefix` (a capitalised name that no installed unit and no core type owns) and no
   * fields on other types; later calls with the same function, from any unit, return that first result.
   * Nobody else may add fields to the shared types. A unit's own types use `typePrefix`, never this.
   */
  shared<T>(prefix: string, register: (builder: Builder, core: CoreRefs) => T): T;
  /**
   * The token (`<credentialId>.<secret>`) of a device credential issued in this request, for the field
   * that shows it once; null in any other request (a replay, a later read). `ctx` is the resolver's context.
   */
  revealedDeviceToken(ctx: unknown, credentialId: string): string | null;
}

export type { Builder };

/**
 * What a unit's demo scenario gets: the demo cooperative, with the unit already enabled, and its
 * members. The demo speaks GraphQL like any client, so demo data is always what the API would accept.
 */
export interface UnitDemoContext {
  cooperativeId: string;
  /** The cooperative's demo members (ids are GraphQL ids). */
  members: { id: string; nik: string; name: string; memberNumber: string }[];
  /** Runs an operation as one of the cooperative's demo users; returns `data`, throws on any error. */
  gql<T = any>(query: string, variables?: Record<string, unknown>, as?: 'manager' | 'staff' | 'supervisor'): Promise<T>;
  /**
   * Runs one of the unit's mutations in the demo cooperative (`cooperativeId` added to the input) and
   * returns the `data` of its Success with the fields asked (default `__typename`); any refusal throws.
   */
  mutate<T = any>(field: string, input: Record<string, unknown>, opts?: { as?: 'manager' | 'staff' | 'supervisor'; fields?: string }): Promise<T>;
  /** Today in the cooperative's time zone (YYYY-MM-DD), as the demo clock has it. */
  today(): string;
  /** Moves the demo clock to a local date and time (e.g. '2026-11-17', '09:30'), for history such as a week of sales. */
  setTime(date: string, time?: string): void;
}

/**
 * Read-only figures from the cooperative's books for a unit's own rules, such as a lending limit tied
 * to own capital. They come from the maintained balances (cost grows with accounts and months, not
 * entries). A unit that shows them to callers gates them with its own permission.
 */
export interface UnitBooks {
  /** Balance of an account over all segments at the end of a date (today if none), in its normal direction. */
  balance(account: string, asOf?: string): Promise<number>;
  /**
   * Own capital (modal sendiri) at the end of a date: the equity accounts plus surplus not yet
   * distributed or closed, i.e. total equity as the statement of financial position shows it.
   */
  ownCapital(asOf?: string): Promise<number>;
}
