import { buildHostSchema, UnitSetError } from '@kkmp/host';
import { z, type AnyUnit } from '@kkmp/plugin-sdk';
import { describe, expect, it } from 'vitest';
import { broken, digest, notes } from './fixture-units';

function problemsOf(units: AnyUnit[], hostVersion?: string): string {
  try {
    buildHostSchema(units, hostVersion);
  } catch (err) {
    expect(err).toBeInstanceOf(UnitSetError);
    return (err as UnitSetError).message;
  }
  throw new Error('the broken plugin set was accepted');
}

describe('the host validates the installed plugin set at start-up and fails fast', () => {
  it('accepts a valid set and puts every unit in one schema', () => {
    const { schema } = buildHostSchema([notes, digest] as AnyUnit[]);
    const q = schema.getQueryType()!.getFields();
    expect(Object.keys(q)).toEqual(expect.arrayContaining(['notesList', 'digestHour', 'unitCatalog', 'cooperative']));
    expect(schema.getType('NotesNote')).toBeDefined();
  });

  const cases: { name: string; units: () => AnyUnit[]; message: RegExp; hostVersion?: string }[] = [
    { name: 'duplicate ids', units: () => [notes, notes] as AnyUnit[], message: /unit id "notes" is installed 2 times/ },
    {
      name: 'a mutation that takes money without saying whether it is a business event',
      units: () => [
        broken({
          schema(_b, unit) {
            unit.mutation('pay', {
              type: 'String',
              description: 'Takes money.',
              permission: 'notes:write',
              input: (t) => ({ amount: t.field({ type: 'Rupiah', description: 'Amount.' }) }),
              resolve: async () => 'ok',
            });
          },
        }),
      ],
      message: /notesPay takes money \(a Rupiah field\): declare businessEvent: true .* or false/,
    },
    {
      name: 'a mutation open to device credentials that is a business event',
      units: () => [
        broken({
          schema(_b, unit) {
            unit.mutation('meter', { type: 'String', description: 'A meter posts a sale.', permission: 'notes:write', devices: true, businessEvent: true, input: (t) => ({ amount: t.field({ type: 'Rupiah', description: 'Amount.' }) }), resolve: async () => 'ok' });
          },
        }),
      ],
      message: /notesMeter is open to devices, so it may not be a business event/,
    },
    { name: 'unknown dependency', units: () => [digest as AnyUnit], message: /digest: depends on "notes", which is not installed/ },
    {
      name: 'cyclic dependencies',
      units: () => [broken({ dependsOn: ['digest'] }), digest as AnyUnit],
      message: /dependency cycle: (notes -> digest -> notes|digest -> notes -> digest)/,
    },
    {
      name: 'permission not prefixed with the unit',
      units: () => [broken({ permissions: { ...notes.permissions, 'sell:all': { description: 'x', roles: ['COOP_MANAGER'] } } })],
      message: /notes: permission "sell:all" must be named "notes:<action>"/,
    },
    { name: 'incompatible host version', units: () => [broken({ compatibility: '^2' })], message: /notes: needs host \^2, this host is 1\.0\.0/ },
    { name: 'invalid unit id', units: () => [broken({ id: 'Sembako-Shop' })], message: /unit id "Sembako-Shop" must be/ },
    {
      name: 'an account declared twice',
      units: () => [broken({ accounts: [{ code: 'cash', name: { id: 'Kas', en: 'Cash' }, kind: 'ASSET' }, { code: 'cash', name: { id: 'Kas', en: 'Cash' }, kind: 'ASSET' }] })],
      message: /notes: account "cash" is declared twice/,
    },
    {
      name: 'sample settings that fail the schema',
      units: () => [broken({ sampleSettings: { maxLength: 1 } })],
      message: /notes: sampleSettings do not match/,
    },
    {
      name: 'type name not prefixed',
      units: () => [broken({ schema: (b) => void b.objectRef<{ a: string }>('Product').implement({ description: 'x', fields: (t) => ({ a: t.exposeString('a', { description: 'a' }) }) }) })],
      message: /notes: type "Product" must start with "Notes"/,
    },
    {
      name: 'root field not prefixed',
      units: () => [broken({ schema: (b) => void b.queryField('products', (t) => t.string({ description: 'x', resolve: () => 'x' })) })],
      message: /notes: field Query\.products must start with "notes"/,
    },
    {
      name: 'field shadowing a core field',
      units: () => [
        broken({
          schema: (b, unit) => void b.objectField(unit.core.CooperativeRef, 'members', (t) => t.string({ description: 'x', resolve: () => 'x' })),
        }),
      ],
      message: /notes: field Cooperative\.members shadows a core field/,
    },
    {
      name: 'field on a core type not prefixed',
      units: () => [broken({ schema: (b, unit) => void b.objectFields(unit.core.MemberRef, (t) => ({ balance2: t.int({ description: 'x', resolve: () => 1 }) })) })],
      message: /notes: field Member\.balance2 must start with "notes"/,
    },
    {
      name: "names of another unit whose id starts the same ('notes' taking 'Notesmall...')",
      units: () => [broken({ schema: (b) => void b.objectRef<{ a: string }>('NotesmallItem').implement({ description: 'x', fields: (t) => ({ a: t.exposeString('a', { description: 'a' }) }) }) })],
      message: /notes: type "NotesmallItem" must start with "Notes" followed by a capital/,
    },
    {
      name: 'a mutation whose permission supervisors hold',
      units: () => [
        broken({
          permissions: { 'notes:edit': { description: 'x', roles: ['COOP_MANAGER', 'SUPERVISOR'] } },
          schema: (_b, unit) => unit.mutation('edit', { type: 'String', description: 'x', permission: 'notes:edit', input: (t) => ({ a: t.string({ description: 'a' }) }), resolve: async () => 'x' }),
        }),
      ],
      message: /notes: notesEdit writes, but its permission "notes:edit" is held by SUPERVISOR/,
    },
    {
      name: 'an operation using an undeclared permission',
      units: () => [broken({ schema: (_b, unit) => unit.query('count', { type: 'Int', description: 'x', permission: 'notes:count', resolve: () => 1 }) })],
      message: /notes: notesCount uses undeclared permission "notes:count"/,
    },
  ];

  it.each(cases)('refuses $name with a clear message', (c) => {
    expect(problemsOf(c.units(), c.hostVersion)).toMatch(c.message);
  });

  it('lists every problem at once', () => {
    const message = problemsOf([broken({ compatibility: '^3', permissions: { bad: { description: 'x', roles: [] } } }), digest as AnyUnit, digest as AnyUnit]);
    expect(message).toMatch(/needs host \^3/);
    expect(message).toMatch(/permission "bad"/);
    expect(message).toMatch(/"digest" is installed 2 times/);
  });

  it('settings schemas become JSON Schema for clients', () => {
    expect(z.toJSONSchema(notes.settings, { io: 'input' })).toMatchObject({ type: 'object', properties: { maxLength: { type: 'integer', minimum: 10 } } });
  });
});
