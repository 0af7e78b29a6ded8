import { makeNik } from '@kkmp/core';
import { platformAdmin, type TestApi } from './api';

export const ops = {
  createCity: `mutation($input: CreateCityInput!) { createCity(input: $input) {
    __typename ... on CreateCitySuccess { data { id name regionCode timeZone } } ... on Error { code messageEn messageId } } }`,
  createKelurahan: `mutation($input: CreateKelurahanInput!) { createKelurahan(input: $input) {
    __typename ... on CreateKelurahanSuccess { data { id name regionCode } } ... on Error { code messageEn messageId } } }`,
  createCooperative: `mutation($input: CreateCooperativeInput!) { createCooperative(input: $input) {
    __typename ... on CreateCooperativeSuccess { data { id name status equitySettings { simpananPokok simpananWajib } } }
    ... on Error { code messageEn messageId } } }`,
  registerMember: `mutation($input: RegisterMemberInput!) { registerMember(input: $input) {
    __typename ... on RegisterMemberSuccess { data { id memberNumber nik name sex birthDate status joinDate } }
    ... on ValidationError { code fields { field messageEn messageId } }
    ... on ConflictError { code field messageEn messageId }
    ... on Error { code messageEn messageId } } }`,
  recordEquityPayment: `mutation($input: RecordEquityPaymentInput!) { recordEquityPayment(input: $input) {
    __typename ... on RecordEquityPaymentSuccess { data { payment { id kind amount paidOn } member { id } } }
    ... on ValidationError { code fields { field messageEn messageId } }
    ... on Error { code messageEn messageId } } }`,
};

let seq = 0;
/** A distinct valid NIK per call (Kota Bandung district codes, births in the 1980s). */
export function nextNik(sex: 'MALE' | 'FEMALE' = 'MALE'): string {
  seq += 1;
  const day = String(1 + (seq % 28)).padStart(2, '0');
  return makeNik({ provinceCode: '32', regencyCode: '73', districtCode: '10', birthDate: `1985-04-${day}`, sex, sequence: seq });
}

let code = 3000;
/** A city with one kelurahan and one cooperative, made through the API as the platform and the city admin. */
export async function cityWithCoop(api: TestApi, name = 'Kota Uji') {
  const admin = await api.token(platformAdmin);
  code += 1;
  const regionCode = String(code);
  const city = await api.gql(ops.createCity, { input: { name, kind: 'KOTA', regionCode, provinceName: 'Jawa Barat', timeZone: 'WIB' } }, admin);
  const cityId: string = city.data.createCity.data.id;
  const rawCityId = Buffer.from(cityId, 'base64url').toString().split(':')[1]!;
  const cityAdmin = await api.token({ userId: `city-admin-${regionCode}`, role: 'CITY_ADMIN', cityId: rawCityId });
  const kel = await api.gql(
    ops.createKelurahan,
    { input: { cityId, name: 'Sukamaju', kecamatan: 'Sukajadi', regionCode: `${regionCode}011001` } },
    cityAdmin,
  );
  const kelurahanId: string = kel.data.createKelurahan.data.id;
  const coop = await api.gql(
    ops.createCooperative,
    { input: { kelurahanId, name: `KKMP Sukamaju ${regionCode}`, legalName: `Koperasi Kelurahan Merah Putih Sukamaju ${regionCode}` } },
    cityAdmin,
  );
  const coopId: string = coop.data.createCooperative.data.id;
  const rawCoopId = Buffer.from(coopId, 'base64url').toString().split(':')[1]!;
  const manager = await api.token({ userId: `manager-${regionCode}`, role: 'COOP_MANAGER', coopId: rawCoopId });
  return { admin, cityId, rawCityId, cityAdmin, kelurahanId, coopId, rawCoopId, manager };
}

export function rawIds(id: string): string[] {
  return Buffer.from(id, 'base64url').toString().split(':').slice(1);
}
