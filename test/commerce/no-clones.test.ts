import { installedUnits } from '@kkmp/api';
import { buildHostSchema } from '@kkmp/host';
import { defineUnit, z, type AnyUnit } from '@kkmp/plugin-sdk';
import { isEnumType } from 'graphql';
import { describe, expect, it } from 'vitest';
import { clonedTypes, operationEnvelopes, ownerOf } from './clones';
import depot from './fixture-depot';
import outlet from './fixture-outlet';

/** A unit declaring its own copy of a shape, as every shop unit once did with its payment methods. */
const copycat = (id: string): AnyUnit =>
  defineUnit({
    id,
    name: { id, en: id },
    description: { id, en: id },
    version: '1.0.0',
    compatibility: '^1',
    settings: z.object({}),
    sampleSettings: {},
    permissions: { [`${id}:read`]: { description: 'Read.', roles: ['COOP_MANAGER'] } },
    schema(b, unit) {
      const P = unit.typePrefix;
      const Method = b.enumType(`${P}PaymentMethod`, { description: 'How.', values: { CASH: { description: 'Cash.' }, QRIS: { description: 'QRIS.' } } });
      const Price = b.objectRef<{ amount: number }>(`${P}Price`).implement({ description: 'A price.', fields: (t) => ({ amount: t.exposeInt('amount', { description: 'Amount.' }) }) });
      unit.query('methods', { type: [Method], description: 'Methods.', permission: `${id}:read`, resolve: () => ['CASH' as const] });
      unit.query('price', { type: Price, description: 'A price.', permission: `${id}:read`, resolve: () => ({ amount: 1 }) });
    },
  });

const ownTypes = (names: string[], units: readonly AnyUnit[], unitId: string) => names.filter((n) => ownerOf(n, units) === unitId);

describe('a second shop-like unit adds no cloned enum or type', () => {
  const units = [...installedUnits, outlet, depot];
  const full = buildHostSchema(units).schema;

  it('no two owners (core, the commerce kit, each unit) define a type of the same shape in the full schema', () => {
    expect(clonedTypes(full, units)).toEqual([]);
  });

  it('finds the clones when units declare their own copies (so the check above can fail)', () => {
    const pair = [copycat('copya'), copycat('copyb')];
    expect(clonedTypes(buildHostSchema(pair).schema, pair)).toEqual([
      ['CopyaPaymentMethod', 'CopybPaymentMethod'],
      ['CopyaPrice', 'CopybPrice'],
    ]);
  });

  it('an LPG-like outlet adds only what is its own (buyer types, registry entries, its sale fields); a depot adds nothing but its operations', () => {
    const before = new Set(Object.keys(buildHostSchema(installedUnits).schema.getTypeMap()));
    const envelopes = operationEnvelopes(full);
    const added = Object.keys(full.getTypeMap()).filter((n) => !before.has(n) && !envelopes.has(n));
    expect(ownTypes(added, units, 'outlet').sort()).toEqual(['OutletBeneficiary', 'OutletBeneficiaryConnection', 'OutletBeneficiaryEdge', 'OutletBeneficiaryRowInput', 'OutletBuyerType', 'OutletSale']);
    expect(ownTypes(added, units, 'depot')).toEqual([]);
    const enums = added.filter((n) => isEnumType(full.getType(n)) && ownerOf(n, units) !== 'kit Commerce');
    expect(enums).toEqual(['OutletBuyerType']);
  });

  it("every shop unit's products and sales answer one interface, so one fragment reads any of them", () => {
    for (const unit of ['sembako', 'lpg', 'airminum', 'pupuk', 'outlet', 'depot']) {
      const query = full.getQueryType()!.getFields();
      expect(String(query[`${unit}Sale`]!.type)).toBe('CommerceSale'); // nullable: unit queries may be refused alone
      expect(String(query[`${unit}Product`]!.type)).toBe('CommerceProduct');
    }
    expect(full.getPossibleTypes(full.getType('CommerceSale') as never).map((t) => t.name).sort()).toEqual(['AirminumSale', 'CommerceStandardSale', 'LpgSale', 'OutletSale', 'PupukSale']);
  });
});
