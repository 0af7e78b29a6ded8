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
