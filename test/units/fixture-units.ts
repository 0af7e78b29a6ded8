import { BusinessRuleError, ValidationError, defineUnit, z, type AnyUnit } from '@kkmp/plugin-sdk';

/** Small units used to test the plugin system itself (real units live under plugins/). */
const noteSchema = z.object({ id: z.string(), text: z.string(), createdAt: z.string(), createdBy: z.string() });
type Note = z.infer<typeof noteSchema>;

export const notes = defineUnit({
  id: 'notes',
  name: { id: 'Catatan', en: 'Notes' },
  description: { id: 'Catatan harian koperasi.', en: "The cooperative's daily notes." },
  version: '1.0.0',
  compatibility: '^1',
  settings: z.object({
    maxLength: z.number().int().min(10).max(1000).default(200),
    title: z.string().min(3).default('Catatan'),
  }),
  sampleSettings: { maxLength: 100, title: 'Catatan harian' },
  permissions: {
    'notes:read': { description: 'Read notes.', roles: ['COOP_MANAGER', 'COOP_STAFF', 'SUPERVISOR'] },
    'notes:write': { description: 'Write notes.', roles: ['COOP_MANAGER', 'COOP_STAFF'] },
  },
  schema(b, unit) {
    const NoteRef = b.objectRef<Note>('NotesNote').implement({
      description: 'A note.',
      fields: (t) => ({
        id: t.exposeString('id', { description: 'Id.' }),
        text: t.exposeString('text', { description: 'Text.' }),
        createdBy: t.exposeString('createdBy', { description: 'Author.' }),
      }),
    });
    unit.query('list', {
      type: [NoteRef],
      description: 'All notes, oldest first.',
      permission: 'notes:read',
      resolve: (_args, u) => u.store.all(noteSchema, ['NOTE']),
    });
    unit.mutation('add', {
      type: NoteRef,
      description: 'Add a note.',
      permission: 'notes:write',
      input: (t) => ({ text: t.string({ description: 'Text.' }) }),
      resolve: async (input, u) => {
        if (input.text.length > u.settings.maxLength) {
          throw ValidationError.field('input.text', `at most ${u.settings.maxLength} characters`, `paling banyak ${u.settings.maxLength} karakter`);
        }
        const note: Note = { id: u.newId(), text: input.text, createdAt: u.now().toISOString(), createdBy: u.principal.userId };
        u.writes.create(['NOTE', note.id], note);
        return note;
      },
    });
  },
  // Idempotent: a re-enable finds the welcome note and writes nothing.
  async onEnable(ctx) {
    if (await ctx.store.get(noteSchema, 'NOTE', '00WELCOME')) return;
    ctx.writes.create(['NOTE', '00WELCOME'], { id: '00WELCOME', text: `Selamat datang di ${ctx.settings.title}`, createdAt: ctx.now().toISOString(), createdBy: 'system' });
  },
});

export const digest = defineUnit({
  id: 'digest',
  name: { id: 'Ringkasan', en: 'Digest' },
  description: { id: 'Ringkasan catatan.', en: 'A digest built on notes.' },
  version: '1.0.0',
  compatibility: '^1',
  dependsOn: ['notes'],
  accounts: [{ code: 'deposit', name: { id: 'Titipan ringkasan', en: 'Digest deposits' }, kind: 'LIABILITY' }],
  settings: z.object({ hour: z.number().int().min(0).max(23).default(17) }),
  sampleSettings: { hour: 17 },
  permissions: {
    'digest:read': { description: 'Read the digest settings.', roles: ['COOP_MANAGER'] },
    // Only cashiers send it: the conformance suite must call it as one.
    'digest:send': { description: 'Send the digest now.', roles: ['COOP_STAFF'] },
  },
  schema(_b, unit) {
    unit.query('hour', { type: 'Int', description: 'Hour the digest goes out.', permission: 'digest:read', resolve: (_a, u) => u.settings.hour });
    unit.mutation('send', {
      type: 'String',
      description: 'Send the digest now (not before the configured hour).',
      permission: 'digest:send',
      input: (t) => ({ hour: t.int({ description: 'Current hour.' }) }),
      resolve: async (input, u) => {
        if (input.hour < u.settings.hour) {
          throw new BusinessRuleError('TOO_EARLY', `the digest goes out from ${u.settings.hour}:00`, `ringkasan dikirim mulai pukul ${u.settings.hour}.00`, { field: 'input.hour', details: { from: u.settings.hour } });
        }
        return 'sent';
      },
    });
  },
});

/** A unit with one thing wrong, made from notes by overriding parts of it. */
export function broken(over: Partial<AnyUnit>): AnyUnit {
  return { ...(notes as AnyUnit), ...over };
}
