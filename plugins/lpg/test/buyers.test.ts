import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startOutlet, type Outlet } from './support';

describe('lpg: registering buyers at the counter', () => {
  let o: Outlet;
  beforeAll(async () => {
    o = await startOutlet({});
  });
  afterAll(() => o.close());

  it('a household needs its KK number, a micro business its NIB; farmers are not registered at the counter', async () => {
    const noKk = await o.run('lpgRegisterBuyer', { nik: '3205014501900001', name: 'Bu Siti', buyerType: 'RUMAH_TANGGA' }, o.coop.staff);
    expect(noKk).toMatchObject({ __typename: 'ValidationError', fields: [{ field: 'input.kkNumber', messageEn: 'a household needs its KK number', messageId: 'rumah tangga perlu nomor KK' }] });
    const badNib = await o.run('lpgRegisterBuyer', { nik: '3205010101800005', name: 'Warung', buyerType: 'USAHA_MIKRO', nib: '12' }, o.coop.staff);
    expect(badNib.fields.map((f: any) => f.field)).toEqual(['input.nib']);
    const farmer = await o.run('lpgRegisterBuyer', { nik: '3205010101800006', name: 'Pak Tani', buyerType: 'PETANI' }, o.coop.staff);
    expect(farmer.fields[0].field).toBe('input.buyerType');
    const lookup = async (nik: string) => (await o.host.gql(`query($c: ID!, $n: String!) { lpgBuyer(cooperativeId: $c, nik: $n) { name status kkNumber nib } }`, { c: o.coop.id, n: nik }, o.coop.supervisor)).data.lpgBuyer;
    expect(await lookup('3205014501900001')).toBeNull();

    const ok = await o.ok('lpgRegisterBuyer', { nik: '3205014501900001', name: 'Bu Siti', buyerType: 'RUMAH_TANGGA', kkNumber: '3205010101200001' }, o.coop.staff);
    expect(ok).toEqual({ nikMasked: '3205**********01', name: 'Bu Siti', buyerType: 'RUMAH_TANGGA', status: 'REGISTERED', kkNumber: '3205010101200001', nib: null });
    await o.ok('lpgRegisterBuyer', { nik: '3205010101800005', name: 'Warung Pak Dedi', buyerType: 'USAHA_MIKRO', nib: '1234567890123' }, o.coop.staff);
    expect(await lookup('3205010101800005')).toEqual({ name: 'Warung Pak Dedi', status: 'REGISTERED', kkNumber: null, nib: '1234567890123' });
    const again = await o.run('lpgRegisterBuyer', { nik: '3205014501900001', name: 'Lagi', buyerType: 'RUMAH_TANGGA', kkNumber: '3205010101200009' }, o.coop.staff);
    expect(again).toMatchObject({ code: 'CONFLICT' });
    expect(await lookup('3205014501900001')).toMatchObject({ kkNumber: '3205010101200001' });
  });
});

describe('lpg: importing registered buyers from CSV', () => {
  let o: Outlet;
  beforeAll(async () => {
    o = await startOutlet({});
  });
  afterAll(() => o.close());
  const importCsv = (csv: string) =>
    o.host.gql(
      `mutation($input: LpgImportBuyersCsvInput!) { lpgImportBuyersCsv(input: $input) { __typename ... on LpgImportBuyersCsvSuccess { data { imported } } ... on ValidationError { fields { field messageEn messageId } } } }`,
      { input: { cooperativeId: o.coop.id, csv } },
      o.coop.manager,
    );
  const lookup = async (nik: string) => (await o.host.gql(`query($c: ID!, $n: String!) { lpgBuyer(cooperativeId: $c, nik: $n) { name buyerType status kkNumber nib } }`, { c: o.coop.id, n: nik }, o.coop.manager)).data.lpgBuyer;
  const HEADER = 'nik,nama,jenis_pembeli,no_kk,nib,referensi_verifikasi';

  it('reports every bad row with its line number and imports nothing; a clean file imports every row', async () => {
    const bad = [
      HEADER,
      '3205010101800011,"Tani, Pak Ujang",PETANI,,,Data Distan 2026',
      '3205019901800012,Tanggal salah,PETANI,,,',
      '3205010101800013,Bu Rina,RUMAH_TANGGA,,,',
      '3205010101800011,Dobel,NELAYAN,,,',
      '3205010101800014,Warung,USAHA_MIKRO,,12,',
      '3205010101800015,Pak Asep,PEDAGANG,,,',
    ].join('\n');
    const r = (await importCsv(bad)).data.lpgImportBuyersCsv;
    expect(r.__typename).toBe('ValidationError');
    expect(r.fields.map((f: any) => f.field)).toEqual(['input.csv.3.nik', 'input.csv.4.no_kk', 'input.csv.5.nik', 'input.csv.6.nib', 'input.csv.7.jenis_pembeli']);
    expect(r.fields[1]).toMatchObject({ messageEn: 'line 4: a household needs its KK number', messageId: 'baris 4: rumah tangga perlu nomor KK' });
    expect(r.fields[2].messageEn).toBe('line 5: same NIK as line 2');
    expect(await lookup('3205010101800011')).toBeNull();

    const good = [
      HEADER,
      '3205010101800011,"Tani, Pak Ujang",PETANI,,,Data Distan 2026',
      '3205010101800013,Bu Rina,RUMAH_TANGGA,3205010101200013,,',
      '3205010101800014,Warung Bu Ela,USAHA_MIKRO,,1234567890123,NIB dicek',
      '',
    ].join('\n');
    expect((await importCsv(good)).data.lpgImportBuyersCsv).toEqual({ __typename: 'LpgImportBuyersCsvSuccess', data: { imported: 3 } });
    expect(await lookup('3205010101800011')).toEqual({ name: 'Tani, Pak Ujang', buyerType: 'PETANI', status: 'VERIFIED', kkNumber: null, nib: null });
    expect(await lookup('3205010101800013')).toEqual({ name: 'Bu Rina', buyerType: 'RUMAH_TANGGA', status: 'REGISTERED', kkNumber: '3205010101200013', nib: null });
    // The same file again: every row is already registered; nothing changes.
    const again = (await importCsv(good)).data.lpgImportBuyersCsv;
    expect(again.fields.map((f: any) => f.field)).toEqual(['input.csv.2.nik', 'input.csv.3.nik', 'input.csv.4.nik']);
    expect((await importCsv('nik,nama\n1,2')).data.lpgImportBuyersCsv.fields[0]).toMatchObject({ field: 'input.csv', messageEn: 'missing columns: jenis_pembeli, no_kk, nib, referensi_verifikasi' });
  });
});
