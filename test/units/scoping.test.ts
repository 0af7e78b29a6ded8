import { ScanCommand } from '@aws-sdk/lib-dynamodb';
import { ConflictError, cond, defineUnit, update, z, type AnyUnit, type Update } from '@kkmp/plugin-sdk';
import { startUnitTestHost, type UnitTestHost } from '@kkmp/unit-testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { notes } from './fixture-units';

/**
 * A unit that tries every way out of its (cooperative, unit) partition it can reach through the SDK.
 * Each attempt is a mode of one mutation; the test then proves nothing landed outside the partition.
 */
const seen: Record<string, unknown> = {};
const evil = defineUnit({
  id: 'evil',
  name: { id: 'Jahat', en: 'Evil' },
  description: { id: 'Mencoba keluar dari partisinya.', en: 'Tries to leave its partition.' },
  version: '1.0.0',
  compatibility: '^1',
  settings: z.object({}),
  sampleSettings: {},
  permissions: { 'evil:try': { description: 'Try.', roles: ['COOP_MANAGER'] } },
  schema(_b, unit) {
    unit.mutation('try', {
      type: 'String',
      description: 'Attempt an escape.',
      permission: 'evil:try',
      input: (t) => ({ mode: t.string({ description: 'Which attempt.' }) }),
      conflicts: { once: () => new ConflictError('input.mode', 'already done once', 'sudah pernah') },
      resolve: async ({ mode }, u) => {
        seen.contextKeys = Object.keys(u).sort();
        seen.storeKeys = Object.keys(u.store).sort();
        switch (mode) {
          case 'separator-in-key':
            u.writes.create(['X#COOP#other'], { a: 1 });
            break;
          case 'keys-in-item':
            // pk/sk/index keys smuggled in the item are overwritten by the SDK.
            u.writes.put(['SMUGGLE'], { pk: `COOP#${String(seen.otherCoop)}`, sk: 'MEMBER#x', gsi1pk: 'CITIES', gsi1sk: 'x', a: 1 });
            break;
          case 'read-other-unit':
            seen.read = await u.store.all(z.object({ text: z.string() }), ['NOTE']);
            break;
          case 'separator-in-read':
            await u.store.get(z.object({}), 'A#B');
            break;
          case 'index-key-in-update':
            // An update naming the index keys would list this item in another tenant's index.
            u.writes.update(['X'], update().set('gsi1pk', 'CITY#x#COOPS').set('gsi1sk', 'a'));
            break;
          case 'partition-key-in-update':
            u.writes.update(['X'], update().set('a', 1).set('pk', `COOP#${String(seen.otherCoop)}`));
            break;
          case 'bookkeeping-in-update':
            u.writes.update(['X'], update().set('a', 1).set('type', 'Member'));
            break;
          case 'reserved-in-condition':
            u.writes.update(['X'], update().set('a', 1), cond.or(cond.exists('a'), cond.not(cond.eq('type', 'Member'))));
            break;
          case 'reserved-in-check':
            // Holds on any item of the unit's, so only the guard can refuse it.
            u.writes.check(['X'], cond.notExists('expiresAt'));
            break;
          case 'forged-update':
            // A hand-made object in the builder's shape is read by its structure, not trusted as text.
            u.writes.update(['X'], { actions: [{ kind: 'set', name: 'gsi1pk', value: 'CITY#x#COOPS' }] } as unknown as Update);
            break;
          case 'expression-string':
            // The string form is gone: an object carrying expression text is refused, not run.
            u.writes.update(['X'], { expression: 'SET gsi1pk = :p', values: { ':p': 'CITY#x#COOPS' } } as unknown as Update);
            break;
          case 'counter':
            u.writes.update(['COUNTER'], update().add('n', 1));
            break;
          case 'tagged-twice':
            u.writes.create(['ONCE'], { a: 1 }, 'once');
            break;
        }
        return mode;
      },
    });
  },
});

let host: UnitTestHost;
beforeAll(async () => {
  host = await startUnitTestHost([notes, evil] as AnyUnit[]);
  seen.otherCoop = host.b.rawId;
  await host.enable(host.a, 'evil', {});
  await host.enable(host.a, 'notes', {});
});
afterAll(() => host.close());

const attempt = (mode: string) =>
  host.gql(`mutation($input: EvilTryInput!) { evilTry(input: $input) { __typename ... on EvilTrySuccess { data } ... on Error { code } } }`, { input: { cooperativeId: host.a.id, mode } }, host.a.manager);

async function scan() {
  const res = await host.db.doc.send(new ScanCommand({ TableName: host.db.tableName }));
  return res.Items ?? [];
}

describe('a unit cannot address another tenant\'s or another unit\'s items', () => {
  it('gets no database handle: only its scoped store and writes', async () => {
    await attempt('read-other-unit');
    expect(seen.contextKeys).not.toContain('db');
    expect(seen.contextKeys).not.toContain('core');
    expect(seen.storeKeys).toEqual(['all', 'count', 'get', 'getMany', 'page', 'range']);
    // notes wrote a welcome note on enable; evil, reading "NOTE" keys, sees only its own partition: nothing.
    expect(seen.read).toEqual([]);
  });

  it('refuses key parts that carry the separator, and writes nothing', async () => {
    const before = await scan();
    expect((await attempt('separator-in-key')).errors?.[0]?.extensions?.code).toBe('INTERNAL');
    expect((await attempt('separator-in-read')).errors?.[0]?.extensions?.code).toBe('INTERNAL');
    const after = await scan();
    expect(after.filter((i) => !String(i.sk).startsWith('AUDIT#'))).toEqual(before.filter((i) => !String(i.sk).startsWith('AUDIT#')));
  });

  it('overrides keys smuggled inside an item', async () => {
    expect((await attempt('keys-in-item')).data.evilTry.data).toBe('keys-in-item');
    const items = await scan();
    const written = items.filter((i) => i.unit === 'evil');
    expect(written).toHaveLength(1);
    expect(written[0]).toMatchObject({ pk: `COOP#${host.a.rawId}#U#evil`, sk: 'SMUGGLE', a: 1 });
    expect(written[0]!.gsi1pk).toBeUndefined();
    expect(items.some((i) => i.pk === `COOP#${host.b.rawId}` && i.sk === 'MEMBER#x')).toBe(false);
  });

  it('refuses updates and conditions that name keys, index keys or bookkeeping attributes, however built, and marks items updates create', async () => {
    const before = await scan();
    for (const mode of ['index-key-in-update', 'partition-key-in-update', 'bookkeeping-in-update', 'reserved-in-condition', 'reserved-in-check', 'forged-update', 'expression-string']) {
      expect((await attempt(mode)).errors?.[0]?.extensions?.code, mode).toBe('INTERNAL');
    }
    expect((await scan()).filter((i) => !String(i.sk).startsWith('AUDIT#'))).toEqual(before.filter((i) => !String(i.sk).startsWith('AUDIT#')));
    expect((await attempt('counter')).data.evilTry.data).toBe('counter');
    const counter = (await scan()).find((i) => i.sk === 'COUNTER');
    expect(counter).toMatchObject({ pk: `COOP#${host.a.rawId}#U#evil`, unit: 'evil', n: 1 });
  });

  it('a tagged condition becomes the typed error the unit declared', async () => {
    expect((await attempt('tagged-twice')).data.evilTry.data).toBe('tagged-twice');
    expect((await attempt('tagged-twice')).data.evilTry).toMatchObject({ __typename: 'ConflictError', code: 'CONFLICT' });
  });
});
