import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { platformAdmin, startTestApi, type TestApi } from '../support/api';
import { nextNik, ops } from '../support/fixtures';

let api: TestApi;
beforeAll(async () => {
  api = await startTestApi({ now: '2026-03-15T03:00:00Z' });
});
afterAll(() => api.close());

describe('city -> kelurahan -> cooperative -> members -> equity payments', () => {
  it('runs end to end over HTTP against DynamoDB Local', async () => {
    const admin = await api.token(platformAdmin);
    const city = await api.gql(
      ops.createCity,
      { input: { idempotencyKey: 'city-bandung-1', name: 'Kota Bandung', kind: 'KOTA', regionCode: '3273', provinceName: 'Jawa Barat', timeZone: 'WIB' } },
      admin,
    );
    expect(city.data.createCity.__typename).toBe('CreateCitySuccess');
    const cityId = city.data.createCity.data.id;
    const rawCityId = Buffer.from(cityId, 'base64url').toString().split(':')[1];
    const cityAdmin = await api.token({ userId: 'dinas-bdg', role: 'CITY_ADMIN', cityId: rawCityId });

    const kel = await api.gql(
      ops.createKelurahan,
      { input: { cityId, name: 'Sukaluyu', kecamatan: 'Cibeunying Kaler', regionCode: '3273200004', postalCode: '40123' } },
      cityAdmin,
    );
    expect(kel.data.createKelurahan.__typename).toBe('CreateKelurahanSuccess');

    const coop = await api.gql(
      ops.createCooperative,
      {
        input: {
          kelurahanId: kel.data.createKelurahan.data.id,
          name: 'KKMP Sukaluyu',
          legalName: 'Koperasi Kelurahan Merah Putih Sukaluyu',
          equity: { simpananPokok: 100000, simpananWajib: 25000 },
        },
      },
      cityAdmin,
    );
    expect(coop.data.createCooperative.data).toMatchObject({ status: 'FORMED', equitySettings: { simpananPokok: 100000, simpananWajib: 25000 } });
    const coopId = coop.data.createCooperative.data.id;
    const rawCoopId = Buffer.from(coopId, 'base64url').toString().split(':')[1];
    const manager = await api.token({ userId: 'ketua-sukaluyu', role: 'COOP_MANAGER', coopId: rawCoopId });

    // Lifecycle: FORMED -> LEGAL_ENTITY (needs registration number) -> OPERATING.
    const toLegal = `mutation($input: ChangeCooperativeStatusInput!) { changeCooperativeStatus(input: $input) {
      __typename ... on ChangeCooperativeStatusSuccess { data { status registrationNumber } } ... on Error { code } ... on ValidationError { fields { field } } } }`;
    const missing = await api.gql(toLegal, { input: { cooperativeId: coopId, status: 'LEGAL_ENTITY' } }, manager);
    expect(missing.data.changeCooperativeStatus.fields[0].field).toBe('input.registrationNumber');
    const legal = await api.gql(toLegal, { input: { cooperativeId: coopId, status: 'LEGAL_ENTITY', registrationNumber: 'AHU-0001234.AH.01.29.TAHUN2025' } }, manager);
    expect(legal.data.changeCooperativeStatus.data).toEqual({ status: 'LEGAL_ENTITY', registrationNumber: 'AHU-0001234.AH.01.29.TAHUN2025' });
    const operating = await api.gql(toLegal, { input: { cooperativeId: coopId, status: 'OPERATING' } }, manager);
    expect(operating.data.changeCooperativeStatus.data.status).toBe('OPERATING');

    // Members join in January; the clock says 15 March (WIB).
    const siti = await api.gql(
      ops.registerMember,
      { input: { cooperativeId: coopId, nik: nextNik('FEMALE'), name: 'Siti Aminah', address: 'Jl. Sukaluyu No. 5, Bandung', joinDate: '2026-01-10' } },
      manager,
    );
    expect(siti.data.registerMember.data).toMatchObject({ memberNumber: 1, sex: 'FEMALE', status: 'ACTIVE', joinDate: '2026-01-10' });
    const budi = await api.gql(
      ops.registerMember,
      { input: { cooperativeId: coopId, nik: nextNik('MALE'), name: 'Budi Santoso', address: 'Jl. Sukaluyu No. 7, Bandung', joinDate: '2026-02-01', simpananWajib: 30000 } },
      manager,
    );
    expect(budi.data.registerMember.data.memberNumber).toBe(2);
    const sitiId = siti.data.registerMember.data.id;

    // Pokok once, exact amount; wajib pays the oldest months first.
    const pay = (input: Record<string, unknown>) => api.gql(ops.recordEquityPayment, { input: { memberId: sitiId, ...input } }, manager);
    expect((await pay({ kind: 'POKOK', amount: 50000 })).data.recordEquityPayment.fields[0].field).toBe('input.amount');
    expect((await pay({ kind: 'POKOK', amount: 100000 })).data.recordEquityPayment.__typename).toBe('RecordEquityPaymentSuccess');
    expect((await pay({ kind: 'POKOK', amount: 100000 })).data.recordEquityPayment.code).toBe('INVALID_STATE');
    expect((await pay({ kind: 'WAJIB', amount: 25000, paidOn: '2026-01-31' })).data.recordEquityPayment.__typename).toBe('RecordEquityPaymentSuccess');
    expect((await pay({ kind: 'WAJIB', amount: 10000, method: 'QRIS' })).data.recordEquityPayment.data.payment).toMatchObject({ kind: 'WAJIB', amount: 10000, paidOn: '2026-03-15' });

    const statement = await api.gql(
      `query($id: ID!) { member(id: $id) { __typename ... on Member { name equity { pokokPaid wajibDue wajibPaid wajibArrears balance
        periods { period due paid status } unpaidPeriods { period } } equityPayments(first: 10) { edges { node { kind amount } } } } } }`,
      { id: sitiId },
      manager,
    );
    const eq = statement.data.member.equity;
    expect(eq).toMatchObject({ pokokPaid: 100000, wajibDue: 75000, wajibPaid: 35000, wajibArrears: 40000, balance: 135000 });
    expect(eq.periods).toEqual([
      { period: '2026-01', due: 25000, paid: 25000, status: 'PAID' },
      { period: '2026-02', due: 25000, paid: 10000, status: 'PARTIAL' },
      { period: '2026-03', due: 25000, paid: 0, status: 'UNPAID' },
    ]);
    expect(eq.unpaidPeriods.map((p: { period: string }) => p.period)).toEqual(['2026-02', '2026-03']);
    expect(statement.data.member.equityPayments.edges.map((e: any) => e.node.kind)).toEqual(['WAJIB', 'WAJIB', 'POKOK']);

    // The arrears list: Budi owes pokok and Feb+Mar wajib (2 x 30,000); Siti owes 40,000.
    const arrears = await api.gql(
      `query($id: ID!) { cooperative(id: $id) { ... on Cooperative { equityArrears { member { name } wajibArrears pokokPaid pokokDue } } } }`,
      { id: coopId },
      manager,
    );
    expect(arrears.data.cooperative.equityArrears).toEqual([
      { member: { name: 'Budi Santoso' }, wajibArrears: 60000, pokokPaid: 0, pokokDue: 100000 },
      { member: { name: 'Siti Aminah' }, wajibArrears: 40000, pokokPaid: 100000, pokokDue: 100000 },
    ]);

    // Equity cannot be withdrawn while a member; after leaving it is refunded in full, once.
    const refund = `mutation($input: RefundEquityInput!) { refundEquity(input: $input) { __typename
      ... on RefundEquitySuccess { data { payment { kind amount } member { status } } } ... on Error { code messageId } } }`;
    const early = await api.gql(refund, { input: { memberId: sitiId } }, manager);
    expect(early.data.refundEquity).toMatchObject({ code: 'INVALID_STATE' });
    expect(early.data.refundEquity.messageId).toMatch(/tidak dapat ditarik/);
    const end = await api.gql(
      `mutation($input: EndMembershipInput!) { endMembership(input: $input) { ... on EndMembershipSuccess { data { status exitDate } } } }`,
      { input: { memberId: sitiId, status: 'RESIGNED' } },
      manager,
    );
    expect(end.data.endMembership.data).toEqual({ status: 'RESIGNED', exitDate: '2026-03-15' });
    const refunded = await api.gql(refund, { input: { memberId: sitiId } }, manager);
    expect(refunded.data.refundEquity.data).toEqual({ payment: { kind: 'REFUND', amount: 135000 }, member: { status: 'RESIGNED' } });
    expect((await api.gql(refund, { input: { memberId: sitiId } }, manager)).data.refundEquity.code).toBe('INVALID_STATE');

    // Lists: the city sees its cooperative; the cooperative lists its members; the audit log saw it all.
    const lists = await api.gql(
      `query($city: ID!, $coop: ID!) {
        city(id: $city) { ... on City { name kelurahan { edges { node { name } } } cooperatives { edges { node { name status } } } } }
        cooperative(id: $coop) { ... on Cooperative { members(first: 1) { edges { node { name } } pageInfo { hasNextPage endCursor } } } } }`,
      { city: cityId, coop: coopId },
      admin,
    );
    expect(lists.data.city.cooperatives.edges).toEqual([{ node: { name: 'KKMP Sukaluyu', status: 'OPERATING' } }]);
    expect(lists.data.city.kelurahan.edges).toEqual([{ node: { name: 'Sukaluyu' } }]);
    expect(lists.data.cooperative.members.edges).toEqual([{ node: { name: 'Siti Aminah' } }]);
    const page2 = await api.gql(
      `query($coop: ID!, $after: String) { cooperative(id: $coop) { ... on Cooperative { members(first: 1, after: $after) { edges { node { name } } pageInfo { hasNextPage } } } } }`,
      { coop: coopId, after: lists.data.cooperative.members.pageInfo.endCursor },
      manager,
    );
    expect(page2.data.cooperative.members).toEqual({ edges: [{ node: { name: 'Budi Santoso' } }], pageInfo: { hasNextPage: false } });

    const audit = await api.gql(
      `query($coop: ID!) { cooperative(id: $coop) { ... on Cooperative { auditLog(first: 50) { edges { node { operation outcome actorRole inputDigest } } } } } }`,
      { coop: coopId },
      await api.token({ userId: 'pengawas-1', role: 'SUPERVISOR', coopId: rawCoopId }),
    );
    const entries = audit.data.cooperative.auditLog.edges.map((e: any) => `${e.node.operation}:${e.node.outcome}`);
    expect(entries).toContain('refundEquity:OK');
    expect(entries).toContain('refundEquity:INVALID_STATE');
    expect(entries).toContain('registerMember:OK');
    expect(entries.filter((e: string) => e === 'recordEquityPayment:OK')).toHaveLength(3);
  });
});
