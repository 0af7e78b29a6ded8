import { isoDate, z, type Builder, type UnitSchemaKit } from '@kkmp/plugin-sdk';
import { hetOn, seasonOf, type Season } from '../services/seasons';
import { fertilizerTypes, type HetRow, type PupukSettings } from '../settings';
import type { FertilizerTypeRef } from './refs';

interface HetView extends HetRow {
  sackKg: number;
  sku: string;
}

/** `pupukHet` (the HET per type in force on a date) and `pupukSeason` (the season of a date). */
export function registerTables(b: Builder, unit: UnitSchemaKit<PupukSettings>, Type: FertilizerTypeRef): void {
  const Het = b.objectRef<HetView>('PupukHet').implement({
    description: 'The HET of a subsidized type in force on a day.',
    fields: (t) => ({
      type: t.field({ type: Type, description: 'Fertilizer type.', resolve: (h) => h.type }),
      sku: t.exposeString('sku', { description: 'SKU of its subsidized product (sold per kg).' }),
      perKg: t.expose('perKg', { type: 'Rupiah', description: 'HET per kg.' }),
      sackKg: t.exposeInt('sackKg', { description: 'kg in a sack (50; 40 for organic).' }),
      perSack: t.field({ type: 'Rupiah', description: 'HET of a sack (perKg × sackKg).', resolve: (h) => h.perKg * h.sackKg }),
      effectiveFrom: t.expose('effectiveFrom', { type: 'Date', description: 'In force from.' }),
      reference: t.exposeString('reference', { description: 'The decree.' }),
    }),
  });
  const SeasonRef = b.objectRef<Season>('PupukSeason').implement({
    description: 'A planting season of the e-RDKK allocations.',
    fields: (t) => ({
      code: t.exposeString('code', { description: 'Code, e.g. 2025-MT1.' }),
      name: t.exposeString('name', { description: 'Name from the settings, e.g. MT1.' }),
      from: t.expose('from', { type: 'Date', description: 'First day.' }),
      to: t.expose('to', { type: 'Date', description: 'Last day.' }),
    }),
  });
  const onDate = z.object({ date: isoDate.nullish() });
  unit.query('het', {
    type: [Het],
    description: 'The HET per type in force on a date (today unless given), from the effective-dated table in the settings.',
    permission: 'pupuk:read',
    args: (t) => ({ date: t({ type: 'Date', required: false, description: 'YYYY-MM-DD; default today.' }) }),
    schema: onDate,
    resolve: (args, u) => {
      const date = args.date ?? u.today();
      return fertilizerTypes.flatMap((type) => {
        const row = hetOn(u.settings.het, type, date);
        return row ? [{ ...row, sackKg: u.settings.sackKg[type], sku: u.settings.skus[type] }] : [];
      });
    },
  });
  unit.query('season', {
    type: SeasonRef,
    description: 'The season a date (today unless given) falls in.',
    permission: 'pupuk:read',
    args: (t) => ({ date: t({ type: 'Date', required: false, description: 'YYYY-MM-DD; default today.' }) }),
    schema: onDate,
    resolve: (args, u) => seasonOf(args.date ?? u.today(), u.settings.seasons),
  });
}
