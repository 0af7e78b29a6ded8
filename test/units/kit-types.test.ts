import { buildHostSchema, UnitSetError } from '@kkmp/host';
import { defineUnit, z, type AnyUnit, type Builder } from '@kkmp/plugin-sdk';
import { describe, expect, it } from 'vitest';

/** A small kit: one shared enum, registered through unit.shared, counting how often it really registers. */
let registrations = 0;
function kitTypes(b: Builder) {
  registrations += 1;
  const Color = b.enumType('PaletteColor', { description: 'A colour.', values: { RED: { description: 'Red.' }, BLUE: { description: 'Blue.' } } });
  const Swatch = b.objectRef<{ hex: string }>('PaletteSwatch').implement({ description: 'A swatch.', fields: (t) => ({ hex: t.exposeString('hex', { description: 'Hex.' }) }) });
  return { Color, Swatch };
}

function unitOn(id: string, schema: (b: Builder, unit: Parameters<AnyUnit['schema']>[1]) => void): AnyUnit {
  return defineUnit({
    id,
    name: { id, en: id },
    description: { id, en: id },
    version: '1.0.0',
    compatibility: '^1',
    settings: z.object({}),
    sampleSettings: {},
    permissions: { [`${id}:read`]: { description: 'Read.', roles: ['COOP_MANAGER'] } },
    schema,
  });
}

/** A unit on the kit: a query answering the shared enum. */
const painter = (id: string, prefix = 'Palette', register: (b: Builder) => Pick<ReturnType<typeof kitTypes>, 'Color'> = kitTypes) =>
  unitOn(id, (_b, unit) => {
    const { Color } = unit.shared(prefix, register);
    unit.query('color', { type: Color, description: 'A colour.', permission: `${id}:read`, resolve: () => 'RED' as const });
  });

function problemsOf(units: AnyUnit[]): string {
  try {
    buildHostSchema(units);
  } catch (err) {
    expect(err).toBeInstanceOf(UnitSetError);
    return (err as UnitSetError).message;
  }
  throw new Error('the plugin set was accepted');
}

describe('unit.shared: a kit registers its types once per schema under a prefix no one else owns', () => {
  it('registers once for every unit on the kit, and each unit answers the same type', () => {
    registrations = 0;
    const { schema } = buildHostSchema([painter('walls'), painter('doors')]);
    expect(registrations).toBe(1);
    const q = schema.getQueryType()!.getFields();
    // The same kit type for both (unit queries are nullable: a refusal nulls that field alone).
    expect(String(q.wallsColor!.type)).toBe('PaletteColor');
    expect(String(q.doorsColor!.type)).toBe('PaletteColor');
    registrations = 0;
    buildHostSchema([painter('walls')]);
    expect(registrations).toBe(1);
  });

  it('refuses a prefix that a unit or a core type owns, or that is not a capitalised name', () => {
    expect(problemsOf([painter('walls'), painter('palette')])).toMatch(/kit prefix "Palette" overlaps the type names of unit "palette"/);
    expect(problemsOf([painter('walls', 'Member')])).toMatch(/kit prefix "Member" owns the core type "Member/);
    expect(problemsOf([painter('walls', 'palette')])).toMatch(/kit prefix "palette" must be 3-24 letters or digits/);
  });

  it('keeps the kit inside its prefix: no type outside it, no field on any other type', () => {
    const stray = (b: Builder) => ({ Color: b.enumType('Colour', { description: 'Stray.', values: { RED: { description: 'Red.' }, BLUE: { description: 'Blue.' } } }) });
    expect(problemsOf([painter('walls', 'Palette', stray)])).toMatch(/kit Palette: type "Colour" must start with "Palette"/);
    const extender = (b: Builder) => {
      b.queryField('paletteAll', (t) => t.string({ description: 'x', resolve: () => 'x' }));
      return kitTypes(b);
    };
    expect(problemsOf([painter('walls', 'Palette', extender)])).toMatch(/kit Palette: field Query\.paletteAll: a kit adds no fields to types it does not own/);
  });

  it("closes a kit's types to every unit's fields", () => {
    const meddler = unitOn('walls', (b, unit) => {
      const { Swatch } = unit.shared('Palette', kitTypes);
      b.objectField(Swatch, 'wallsShade', (t) => t.string({ description: 'Shade.', resolve: () => 'dark' }));
      unit.query('swatch', { type: Swatch, description: 'A swatch.', permission: 'walls:read', resolve: () => ({ hex: '#fff' }) });
    });
    expect(problemsOf([meddler])).toMatch(/walls: field PaletteSwatch\.wallsShade: the types a kit shares are closed to other fields/);
  });
});
