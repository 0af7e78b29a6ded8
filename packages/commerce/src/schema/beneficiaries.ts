import { pageRequest, toConnection } from '@kkmp/plugin-sdk';
import { importBeneficiaries } from '../beneficiaries/import';
import type { BuyerTypes } from '../beneficiaries/inputs';
import { blockBeneficiary, findBeneficiary, registerBeneficiary, unblockBeneficiary, updateBeneficiary, verifyBeneficiary } from '../beneficiaries/registry';
import type { ReadCtx } from '../context';
import { beneficiarySchema, beneficiaryStatus, type Beneficiary } from '../model/beneficiary';
import { keys } from '../model/keys';
import type { BeneficiaryOptions } from '../options';
import { normalizeNik } from '../rules/nik';
import type { EnumOf, ObjectOf } from './pothos';
import type { BeneficiaryView } from './shared/beneficiaries';
import type { Shop } from './shop';

interface Registry {
  types: BuyerTypes;
  BuyerType: EnumOf<string>;
  Entry: ObjectOf<BeneficiaryView>;
  Connection: ObjectOf<unknown>;
  view(u: ReadCtx, entry: Beneficiary): BeneficiaryView;
}

/**
 * The beneficiary registry: `<unit>RegisterBeneficiary` (at the counter), `<unit>UpdateBeneficiary`,
 * `<unit>VerifyBeneficiary`, `<unit>BlockBeneficiary`, `<unit>UnblockBeneficiary`,
 * `<unit>ImportBeneficiaries` (a list, 50 rows a call), `<unit>Beneficiary(nik)` and `<unit>Beneficiaries`.
 * The unit's buyer types are its own enum `<Unit>BuyerType`, on its own type `<Unit>Beneficiary`.
 */
export function registerBeneficiaries<S>(shop: Shop<S>, options: BeneficiaryOptions): EnumOf<string> {
  const { b, unit, kit } = shop;
  const P = unit.typePrefix;
  const types = Object.keys(options.buyerTypes) as [string, ...string[]];
  if (types.length === 0) throw new Error('beneficiaries: give at least one buyer type');
  const BuyerType = b.enumType(`${P}BuyerType`, {
    description: `Buyer types of the ${unit.unitId} unit's beneficiary registry.`,
    values: Object.fromEntries(Object.entries(options.buyerTypes).map(([v, description]) => [v, { description }])),
  }) as EnumOf<string>;
  const Entry = b.objectRef<BeneficiaryView>(`${P}Beneficiary`).implement({
    description: `A buyer registered by NIK with the ${unit.unitId} unit.`,
    interfaces: [kit.beneficiaries().Beneficiary],
    fields: (t) => ({ buyerType: t.field({ type: BuyerType, description: 'The buyer type it is registered as.', resolve: (v) => v.buyerType }) }),
  });
  const view = (u: ReadCtx, entry: Beneficiary): BeneficiaryView => ({ ...entry, idPrefix: P, typename: `${P}Beneficiary`, coopId: u.cooperative.id });
  const Connection = b.connectionObject(
    { type: Entry, name: `${P}BeneficiaryConnection`, description: `A page of the ${unit.unitId} unit's registered buyers.` } as never,
    { name: `${P}BeneficiaryEdge`, description: 'A registered buyer in a page.' } as never,
  ) as ObjectOf<unknown>;
  const registry: Registry = { types, BuyerType, Entry, Connection, view };
  registerEntryWrites(shop, registry);
  registerStatusWrites(shop, registry);
  registerImport(shop, registry);
  registerReads(shop, registry);
  return BuyerType;
}

function registerEntryWrites<S>({ unit, perm }: Shop<S>, { types, BuyerType, Entry, view }: Registry): void {
  unit.mutation('registerBeneficiary', {
    type: Entry,
    description: "Registers a buyer by NIK with a buyer type (at the counter); a member's NIK links the member.",
    permission: perm.sell,
    input: (t) => ({
      nik: t.string({ description: 'NIK, 16 digits.' }),
      name: t.string({ required: false, description: "Name as on the KTP (default: the member's name)." }),
      buyerType: t.field({ type: BuyerType, description: 'Buyer type.' }),
      note: t.string({ required: false, description: 'Note (e.g. the KK number seen).' }),
    }),
    resolve: async (input, u) => view(u, await registerBeneficiary(u, input, types)),
  });
  unit.mutation('updateBeneficiary', {
    type: Entry,
    description: 'Corrects the name, buyer type or note of a registered buyer.',
    permission: perm.sell,
    input: (t) => ({
      nik: t.string({ description: 'NIK of the registered buyer.' }),
      name: t.string({ required: false, description: 'New name.' }),
      buyerType: t.field({ type: BuyerType, required: false, description: 'New buyer type.' }),
      note: t.string({ required: false, description: 'New note.' }),
    }),
    resolve: async ({ nik, ...rest }, u) => view(u, await updateBeneficiary(u, nik, rest, types)),
  });
}

function registerStatusWrites<S>({ unit, perm }: Shop<S>, { Entry, view }: Registry): void {
  unit.mutation('verifyBeneficiary', {
    type: Entry,
    description: "Records that a buyer's documents were checked (KTP + KK, NIB and a photo of the business, a government list).",
    permission: perm.manage,
    input: (t) => ({ nik: t.string({ description: 'NIK of the registered buyer.' }), reference: t.string({ description: 'What was checked.' }) }),
    resolve: async ({ nik, ...rest }, u) => view(u, await verifyBeneficiary(u, nik, rest)),
  });
  unit.mutation('blockBeneficiary', {
    type: Entry,
    description: 'Stops a registered buyer from buying until unblocked (a false registration, resale to retailers).',
    permission: perm.manage,
    input: (t) => ({ nik: t.string({ description: 'NIK of the registered buyer.' }), reason: t.string({ description: 'Why.' }) }),
    resolve: async ({ nik, ...rest }, u) => view(u, await blockBeneficiary(u, nik, rest)),
  });
  unit.mutation('unblockBeneficiary', {
    type: Entry,
    description: 'Lets a blocked buyer buy again.',
    permission: perm.manage,
    input: (t) => ({ nik: t.string({ description: 'NIK of the blocked buyer.' }), reason: t.string({ description: 'Why.' }) }),
    resolve: async ({ nik, ...rest }, u) => view(u, await unblockBeneficiary(u, nik, rest)),
  });
}

function registerImport<S>({ b, unit, perm, kit }: Shop<S>, { types, BuyerType }: Registry): void {
  const Row = b.inputType(`${unit.typePrefix}BeneficiaryRowInput`, {
    description: `A buyer to import into the ${unit.unitId} unit's registry.`,
    fields: (t) => ({
      nik: t.string({ description: 'NIK, 16 digits.' }),
      name: t.string({ required: false, description: "Name (default: the member's name)." }),
      buyerType: t.field({ type: BuyerType, description: 'Buyer type.' }),
      note: t.string({ required: false, description: 'Note.' }),
      verifiedReference: t.string({ required: false, description: 'The documents already checked by whoever made the list: the buyer comes in verified.' }),
    }),
  });
  unit.mutation('importBeneficiaries', {
    type: kit.beneficiaries().Import,
    description: 'Imports up to 50 buyers (a registration file, a farmer group list). Safe to repeat; a bad row is refused on its own, naming its field.',
    permission: perm.manage,
    input: (t) => ({ rows: t.field({ type: [Row], description: 'The buyers, at most 50.' }) }),
    resolve: async ({ rows }, u) => importBeneficiaries(u, rows, types),
  });
}

function registerReads<S>({ unit, perm, kit }: Shop<S>, { Entry, Connection, view }: Registry): void {
  unit.query('beneficiary', {
    type: Entry,
    nullable: true,
    description: 'The registered buyer with this NIK, or null.',
    permission: perm.read,
    args: (t) => ({ nik: t.string({ required: true, description: 'NIK, 16 digits.' }) }),
    resolve: async (args, u) => {
      const entry = await findBeneficiary(u, normalizeNik(args.nik, 'nik', u.now()));
      return entry ? view(u, entry) : null;
    },
  });
  unit.query('beneficiaries', {
    type: Connection,
    description: 'Registered buyers in NIK order, optionally only those in one status.',
    permission: perm.read,
    args: (t) => ({
      status: t({ type: kit.beneficiaries().Status, required: false, description: 'Only buyers in this status.' }),
      first: t.int({ required: false, description: 'Page size (1-100, default 50).' }),
      after: t.string({ required: false, description: 'Cursor from the previous page.' }),
    }),
    resolve: async (args, u) => {
      const page = await u.store.page(beneficiarySchema, keys.beneficiaryPrefix, pageRequest(args));
      const shown = page.items.map((e, i) => [e, page.cursors[i]!] as const).filter(([e]) => !args.status || beneficiaryStatus(e) === args.status);
      return toConnection({ ...page, items: shown.map(([e]) => view(u, e)), cursors: shown.map(([, c]) => c) }) as never;
    },
  });
}
