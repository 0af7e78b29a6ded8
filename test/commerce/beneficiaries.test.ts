import { startUnitTestHost, type UnitTestHost } from '@kkmp/unit-testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import outlet from './fixture-outlet';
import { ok as okOn, run } from './support';

const MEMBER_NIK = '3273214501900001';
const A = '3205010101800001';
const B = '3205010101800002';
const C = '3205010101800003';
const ENTRY = 'nikMasked name status isMember memberId verificationReference blockedReason ... on OutletBeneficiary { buyerType }';

describe('commerce kit: the beneficiary registry by NIK', () => {
  let host: UnitTestHost;
  let cylinder: string;
  let memberId: string;
  const ok = (field: string, input: Record<string, unknown>, selection = ENTRY, token?: string) => okOn(host, field, input, selection, token);
  const sell = (buyerNik: string) => run(host, 'outletSell', { lines: [{ productId: cylinder, quantity: 1 }], paymentMethod: 'CASH', buyerNik }, 'number', host.a.staff);
  const lookup = async (nik: string) => (await host.gql(`query($c: ID!, $n: String!) { outletBeneficiary(cooperativeId: $c, nik: $n) { ${ENTRY} } }`, { c: host.a.id, n: nik }, host.a.supervisor)).data.outletBeneficiary;

  beforeAll(async () => {
    host = await startUnitTestHost([outlet]);
    await host.enable(host.a, 'outlet', {});
    cylinder = (await okOn(host, 'outletCreateProduct', { sku: 'LPG-3KG', name: 'LPG 3 kg', unitOfMeasure: 'PIECE', packSize: 1, packName: 'tabung', nonMemberPrice: 19_500 })).id;
    const agent = (await okOn(host, 'outletCreateSupplier', { name: 'Agen LPG', kind: 'PERTAMINA' })).id;
    await okOn(host, 'outletReceiveGoods', { supplierId: agent, payment: 'CASH', lines: [{ productId: cylinder, quantity: 30, unitCost: 16_000 }] });
    const m = await host.gql(
      `mutation($input: RegisterMemberInput!) { registerMember(input: $input) { ... on RegisterMemberSuccess { data { id } } } }`,
      { input: { cooperativeId: host.a.id, nik: MEMBER_NIK, name: 'Siti Aminah', address: 'Jl. Sukamaju 1', joinDate: '2026-01-05' } },
      host.a.manager,
    );
    memberId = m.data.registerMember.data.id;
  });
  afterAll(() => host.close());

  it('registers at the counter by NIK with a buyer type; a member is linked and needs no name typed', async () => {
    expect(await ok('outletRegisterBeneficiary', { nik: MEMBER_NIK, buyerType: 'RUMAH_TANGGA' }, ENTRY, host.a.staff)).toEqual({
      nikMasked: '3273**********01',
      name: 'Siti Aminah',
      status: 'REGISTERED',
      isMember: true,
      memberId,
      verificationReference: null,
      blockedReason: null,
      buyerType: 'RUMAH_TANGGA',
    });
    expect(await ok('outletRegisterBeneficiary', { nik: '3205 0101 0180 0001', name: 'Pak Ujang', buyerType: 'USAHA_MIKRO' }, ENTRY, host.a.staff)).toMatchObject({ isMember: false, memberId: null, buyerType: 'USAHA_MIKRO' });
    expect(await lookup(A)).toMatchObject({ name: 'Pak Ujang', status: 'REGISTERED' });
    expect(await lookup(B)).toBeNull();
  });

  it('refuses a bad NIK, a second entry for a NIK and a non-member without a name, naming the field', async () => {
    const bad = await run(host, 'outletRegisterBeneficiary', { nik: '1234', name: 'X', buyerType: 'RUMAH_TANGGA' }, 'name');
    expect(bad.fields[0]).toMatchObject({ field: 'input.nik' });
    expect(bad.fields[0].messageId).toBeTruthy();
    expect(await run(host, 'outletRegisterBeneficiary', { nik: A, name: 'Lagi', buyerType: 'RUMAH_TANGGA' }, 'name')).toMatchObject({ code: 'CONFLICT', messageId: 'NIK ini sudah terdaftar' });
    expect((await run(host, 'outletRegisterBeneficiary', { nik: B, buyerType: 'RUMAH_TANGGA' }, 'name')).fields[0].field).toBe('input.name');
    expect(await lookup(B)).toBeNull();
  });

  it('sells only to a verified buyer, never to a blocked one, until unblocked', async () => {
    expect(await sell(B)).toMatchObject({ rule: 'NOT_REGISTERED', field: 'input.buyerNik' });
    expect(await sell(A)).toMatchObject({ rule: 'NOT_VERIFIED', field: 'input.buyerNik' });
    expect((await run(host, 'outletVerifyBeneficiary', { nik: A, reference: 'KTP, NIB, foto usaha' }, 'status', host.a.staff)).code).toBe('FORBIDDEN');
    expect(await ok('outletVerifyBeneficiary', { nik: A, reference: 'KTP, NIB, foto usaha' })).toMatchObject({ status: 'VERIFIED', verificationReference: 'KTP, NIB, foto usaha' });
    expect((await sell(A)).__typename).toBe('OutletSellSuccess');
    expect(await ok('outletBlockBeneficiary', { nik: A, reason: 'menjual ke pengecer' })).toMatchObject({ status: 'BLOCKED', blockedReason: 'menjual ke pengecer' });
    expect(await run(host, 'outletBlockBeneficiary', { nik: A, reason: 'lagi' }, 'status')).toMatchObject({ code: 'INVALID_STATE' });
    expect(await sell(A)).toMatchObject({ rule: 'BENEFICIARY_BLOCKED', field: 'input.buyerNik' });
    expect(await ok('outletUnblockBeneficiary', { nik: A, reason: 'sudah dibina' })).toMatchObject({ status: 'VERIFIED', blockedReason: null });
    expect((await sell(A)).__typename).toBe('OutletSellSuccess');
    expect(await run(host, 'outletUnblockBeneficiary', { nik: A, reason: 'lagi' }, 'status')).toMatchObject({ code: 'INVALID_STATE' });
  });

  it('imports a list: a bad row is refused on its own, a repeat changes nothing, a changed row updates', async () => {
    const rows = [
      { nik: B, name: 'Bu Rina', buyerType: 'RUMAH_TANGGA', verifiedReference: 'Data Pertamina 2026-03' },
      { nik: '3205019901800004', name: 'Tanggal salah', buyerType: 'RUMAH_TANGGA' },
      { nik: C, name: 'Pak Dedi', buyerType: 'USAHA_MIKRO' },
      { nik: C, name: 'Pak Dedi lagi', buyerType: 'USAHA_MIKRO' },
      { nik: A, name: 'Pak Ujang', buyerType: 'USAHA_MIKRO' },
    ];
    const selection = 'created updated unchanged refused rows { row nikMasked outcome field messageId }';
    const first = await ok('outletImportBeneficiaries', { rows }, selection);
    expect(first).toMatchObject({ created: 2, updated: 0, unchanged: 1, refused: 2 });
    expect(first.rows.map((r: { outcome: string }) => r.outcome)).toEqual(['CREATED', 'REFUSED', 'CREATED', 'REFUSED', 'UNCHANGED']);
    expect(first.rows[1]).toMatchObject({ field: 'input.rows.1.nik', nikMasked: null });
    expect(first.rows[3]).toMatchObject({ field: 'input.rows.3.nik', nikMasked: '3205**********03', messageId: 'NIK ini sudah ada di daftar ini' });
    expect(await lookup(B)).toMatchObject({ status: 'VERIFIED', verificationReference: 'Data Pertamina 2026-03', buyerType: 'RUMAH_TANGGA' });
    expect((await sell(B)).__typename).toBe('OutletSellSuccess');

    const again = await ok('outletImportBeneficiaries', { rows: [rows[0], rows[2], rows[4]] }, selection);
    expect(again).toMatchObject({ created: 0, updated: 0, unchanged: 3, refused: 0 });
    const changed = await ok('outletImportBeneficiaries', { rows: [{ ...rows[2], buyerType: 'RUMAH_TANGGA' }] }, selection);
    expect(changed).toMatchObject({ updated: 1 });
    expect(await lookup(C)).toMatchObject({ buyerType: 'RUMAH_TANGGA', status: 'REGISTERED' });
    const tooMany = await run(host, 'outletImportBeneficiaries', { rows: Array.from({ length: 51 }, () => rows[0]) }, 'created');
    expect(tooMany.fields[0].field).toBe('input.rows');
  });

  it('lists the registry in NIK order, by status', async () => {
    const list = async (status?: string) =>
      (await host.gql(`query($c: ID!, $s: CommerceBeneficiaryStatus) { outletBeneficiaries(cooperativeId: $c, status: $s) { edges { node { nikMasked status buyerType } } } }`, { c: host.a.id, s: status ?? null }, host.a.manager)).data.outletBeneficiaries.edges.map(
        (e: { node: unknown }) => e.node,
      );
    expect(await list()).toEqual([
      { nikMasked: '3205**********01', status: 'VERIFIED', buyerType: 'USAHA_MIKRO' },
      { nikMasked: '3205**********02', status: 'VERIFIED', buyerType: 'RUMAH_TANGGA' },
      { nikMasked: '3205**********03', status: 'REGISTERED', buyerType: 'RUMAH_TANGGA' },
      { nikMasked: '3273**********01', status: 'REGISTERED', buyerType: 'RUMAH_TANGGA' },
    ]);
    expect((await list('REGISTERED')).map((e: { nikMasked: string }) => e.nikMasked)).toEqual(['3205**********03', '3273**********01']);
  });
});
