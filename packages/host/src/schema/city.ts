import { createCity, createKelurahan, getCity, listCities, listCooperatives, listKelurahan } from '@kkmp/core';
import type { Builder } from '@kkmp/plugin-sdk';
import { encodeId, one } from '../ids';
import { pageRequest, toConnection } from '@kkmp/plugin-sdk';
import { MUTATION_ERRORS, READ_ERRORS } from './errors';
import type { CoreRefs } from './refs';
import { IDEMPOTENCY_KEY_FIELD as idem } from './idempotency';


export function registerCitySchema(builder: Builder, refs: CoreRefs) {
  const { CityRef, KelurahanRef, CooperativeRef, TimeZoneEnum, CityKindEnum } = refs;
  CityRef.implement({
    description: 'A kota or kabupaten, whose Dinas Koperasi oversees the cooperatives of its kelurahan.',
    fields: (t) => ({
      id: t.id({ description: 'Opaque id.', resolve: (c) => encodeId('City', c.id) }),
      name: t.exposeString('name', { description: 'Name, e.g. "Kota Bandung".' }),
      kind: t.expose('kind', { type: CityKindEnum, description: 'KOTA (city) or KABUPATEN (regency).' }),
      regionCode: t.exposeString('regionCode', { description: 'Kemendagri region code without dots, e.g. 3273.' }),
      provinceName: t.exposeString('provinceName', { description: 'Province, e.g. Jawa Barat.' }),
      timeZone: t.expose('timeZone', { type: TimeZoneEnum, description: 'Local time zone; new cooperatives inherit it.' }),
      kelurahan: t.connection({
        type: KelurahanRef,
        description: 'Kelurahan of the city, in registration order.',
        resolve: async (c, args, ctx) => toConnection(await listKelurahan(ctx.core, c.id, pageRequest(args))),
      }),
      cooperatives: t.connection({
        type: CooperativeRef,
        description: 'Cooperatives of the city, by name. City admins and the platform only.',
        resolve: async (c, args, ctx) => toConnection(await listCooperatives(ctx.core, c.id, pageRequest(args))),
      }),
    }),
  });

  KelurahanRef.implement({
    description: 'A kelurahan (urban village): the area one Koperasi Kelurahan Merah Putih serves.',
    fields: (t) => ({
      id: t.id({ description: 'Opaque id.', resolve: (k) => encodeId('Kelurahan', k.cityId, k.id) }),
      name: t.exposeString('name', { description: 'Name, e.g. "Sukaluyu".' }),
      kecamatan: t.exposeString('kecamatan', { description: 'District (kecamatan) the kelurahan belongs to.' }),
      regionCode: t.exposeString('regionCode', { description: 'Kemendagri 10-digit code, e.g. 3273011001.' }),
      postalCode: t.exposeString('postalCode', { nullable: true, description: 'Postal code (kode pos).' }),
      city: t.field({ type: CityRef, description: 'The city.', resolve: (k, _a, ctx) => getCity(ctx.core, k.cityId) }),
    }),
  });

  builder.queryFields((t) => ({
    cities: t.connection({
      type: CityRef,
      nullable: true,
      description: 'Cities you administer: all for the platform admin, your own for a city admin.',
      resolve: async (_r, args, ctx) => toConnection(await listCities(ctx.core, pageRequest(args))),
    }),
    city: t.field({
      type: CityRef,
      description: 'One city by id.',
      errors: { types: READ_ERRORS, directResult: true },
      args: { id: t.arg.id({ description: 'City id.' }) },
      resolve: (_r, args, ctx) => getCity(ctx.core, one(args.id, 'City', 'id'), 'id'),
    }),
  }));

  const CreateCityInput = builder.inputType('CreateCityInput', {
    description: 'A new city or regency (platform admin).',
    fields: (t) => ({
      idempotencyKey: t.string(idem),
      name: t.string({ description: 'Name, e.g. "Kota Bandung".' }),
      kind: t.field({ type: CityKindEnum, description: 'KOTA or KABUPATEN.' }),
      regionCode: t.string({ description: '4-digit Kemendagri code, e.g. 3273.' }),
      provinceName: t.string({ description: 'Province name.' }),
      timeZone: t.field({ type: TimeZoneEnum, description: 'WIB, WITA or WIT.' }),
    }),
  });

  const CreateKelurahanInput = builder.inputType('CreateKelurahanInput', {
    description: 'A kelurahan of a city (city admin).',
    fields: (t) => ({
      idempotencyKey: t.string(idem),
      cityId: t.id({ description: 'City id.' }),
      name: t.string({ description: 'Kelurahan name.' }),
      kecamatan: t.string({ description: 'District name.' }),
      regionCode: t.string({ description: '10-digit Kemendagri code starting with the city code.' }),
      postalCode: t.string({ required: false, description: '5-digit postal code.' }),
    }),
  });

  builder.mutationFields((t) => ({
    createCity: t.field({
      type: CityRef,
      description: 'Register a city or regency. Platform admin only.',
      errors: { types: MUTATION_ERRORS },
      args: { input: t.arg({ type: CreateCityInput }) },
      resolve: (_r, { input }, ctx) => createCity(ctx.core, input),
    }),
    createKelurahan: t.field({
      type: KelurahanRef,
      description: 'Register a kelurahan in a city. City admin of that city.',
      errors: { types: MUTATION_ERRORS },
      args: { input: t.arg({ type: CreateKelurahanInput }) },
      resolve: (_r, { input }, ctx) => createKelurahan(ctx.core, { ...input, cityId: one(input.cityId, 'City', 'input.cityId') }),
    }),
  }));
}
