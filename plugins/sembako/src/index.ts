import { ValidationError, defineUnit, z } from '@kkmp/plugin-sdk';

/** One record the unit keeps. Replace with your unit's own (a sale, a reading, a ticket, ...). */
const recordSchema = z.object({
  id: z.string(),
  title: z.string(),
  amount: z.number().int(),
  createdAt: z.string(),
  createdBy: z.string(),
});
type SembakoRecord = z.infer<typeof recordSchema>;

export default defineUnit({
  id: 'sembako',
  name: { id: 'Sembako', en: 'Sembako' },
  description: { id: 'Unit usaha sembako.', en: 'The sembako business unit.' },
  version: '0.1.0',
  compatibility: '^1',
  settings: z.object({
    /** Largest amount one record may carry, in whole rupiah. */
    maxAmount: z.number().int().positive().default(1_000_000),
  }),
  sampleSettings: { maxAmount: 500_000 },
  permissions: {
    'sembako:read': { description: 'See records.', roles: ['COOP_MANAGER', 'COOP_STAFF', 'SUPERVISOR'] },
    'sembako:write': { description: 'Add records.', roles: ['COOP_MANAGER', 'COOP_STAFF'] },
  },
  schema(b, unit) {
    const Record = b.objectRef<SembakoRecord>('SembakoRecord').implement({
      description: 'A record of the sembako unit.',
      fields: (t) => ({
        id: t.exposeString('id', { description: 'Id.' }),
        title: t.exposeString('title', { description: 'What it is.' }),
        amount: t.expose('amount', { type: 'Rupiah', description: 'Amount in whole rupiah.' }),
        createdAt: t.expose('createdAt', { type: 'DateTime', description: 'When it was recorded.' }),
      }),
    });

    unit.query('records', {
      type: [Record],
      description: 'Records of the cooperative, oldest first.',
      permission: 'sembako:read',
      resolve: (_args, u) => u.store.all(recordSchema, ['RECORD']),
    });

    unit.mutation('addRecord', {
      type: Record,
      description: 'Add a record.',
      permission: 'sembako:write',
      input: (t) => ({
        title: t.string({ description: 'What it is.' }),
        amount: t.field({ type: 'Rupiah', description: 'Amount in whole rupiah.' }),
      }),
      resolve: async (input, u) => {
        if (input.amount > u.settings.maxAmount) {
          throw ValidationError.field('input.amount', `at most ${u.settings.maxAmount} rupiah`, `paling banyak Rp${u.settings.maxAmount}`);
        }
        const record: SembakoRecord = { id: u.newId(), title: input.title, amount: input.amount, createdAt: u.now().toISOString(), createdBy: u.principal.userId };
        u.writes.create(['RECORD', record.id], record);
        return record;
      },
    });
  },
});
