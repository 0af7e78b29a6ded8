import { z, type Builder, type UnitSchemaKit } from '@kkmp/plugin-sdk';
import { IMPORT_COLUMNS, MAX_IMPORT_ROWS, importBuyersCsv } from '../services/import';
import { buyer, registerBuyer, registerBuyerInput, type LpgBuyer } from '../services/buyers';
import type { LpgSettings } from '../settings';

/** `lpgRegisterBuyer` (a household with its KK number, a micro business with its NIB) and `lpgBuyer`. */
export function registerBuyers(b: Builder, unit: UnitSchemaKit<LpgSettings>): void {
  const Ref = b.objectRef<LpgBuyer>('LpgBuyer').implement({
    description: 'A registered LPG 3 kg buyer with the document number of its type.',
    fields: (t) => ({
      nikMasked: t.exposeString('nikMasked', { description: 'NIK, masked (3205**********01).' }),
      name: t.exposeString('name', { description: 'Name.' }),
      buyerType: t.exposeString('buyerType', { description: 'RUMAH_TANGGA, USAHA_MIKRO, PETANI or NELAYAN.' }),
      status: t.exposeString('status', { description: 'REGISTERED, VERIFIED or BLOCKED.' }),
      kkNumber: t.exposeString('kkNumber', { nullable: true, description: 'Family card (KK) number of a household.' }),
      nib: t.exposeString('nib', { nullable: true, description: 'Business id (NIB) of a micro business.' }),
    }),
  });
  unit.mutation('registerBuyer', {
    type: Ref,
    description: 'Registers a household (KTP + KK number) or a micro business (KTP + NIB) at the counter; farmers and fishers are imported from the government list.',
    permission: 'lpg:sell',
    input: (t) => ({
      nik: t.string({ description: 'NIK, 16 digits.' }),
      name: t.string({ required: false, description: 'Name (a member\'s is taken from the member list).' }),
      buyerType: t.string({ description: 'RUMAH_TANGGA or USAHA_MIKRO.' }),
      kkNumber: t.string({ required: false, description: 'KK number (16 digits), for a household.' }),
      nib: t.string({ required: false, description: 'NIB (13 digits), for a micro business.' }),
      note: t.string({ required: false, description: 'Note.' }),
    }),
    schema: registerBuyerInput,
    resolve: (input, u) => registerBuyer(u, input),
  });
  const Imported = b.objectRef<{ imported: number }>('LpgBuyerImport').implement({
    description: 'What a CSV import of buyers wrote.',
    fields: (t) => ({ imported: t.exposeInt('imported', { description: 'Buyers registered.' }) }),
  });
  unit.mutation('importBuyersCsv', {
    type: Imported,
    description: `Imports registered buyers from a CSV file (header: ${IMPORT_COLUMNS.join(', ')}; at most ${MAX_IMPORT_ROWS} rows), all or nothing: every bad row is reported with its line number (field input.csv.<line>.<column>).`,
    permission: 'lpg:manage',
    input: (t) => ({ csv: t.string({ description: 'The CSV file, UTF-8.' }) }),
    schema: z.object({ csv: z.string().max(100_000) }),
    resolve: async (input, u) => ({ imported: await importBuyersCsv(u, input.csv) }),
  });
  unit.query('buyer', {
    type: Ref,
    nullable: true,
    description: 'A buyer by NIK with the document numbers; null when not registered.',
    permission: 'lpg:read',
    args: (t) => ({ nik: t.string({ required: true, description: 'NIK.' }) }),
    resolve: (args, u) => buyer(u, args.nik),
  });
}
