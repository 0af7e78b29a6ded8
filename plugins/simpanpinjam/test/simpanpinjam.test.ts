import { describeUnitConformance, startUnitTestHost, type UnitTestHost } from '@kkmp/plugin-sdk/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import unit from '../src/index';

describeUnitConformance(unit);

describe('simpanpinjam: records', () => {
  let host: UnitTestHost;
  beforeAll(async () => {
    host = await startUnitTestHost([unit]);
    await host.enable(host.a, 'simpanpinjam', { maxAmount: 100_000 });
  });
  afterAll(() => host.close());

  const add = `mutation($input: SimpanpinjamAddRecordInput!) { simpanpinjamAddRecord(input: $input) {
    __typename ... on SimpanpinjamAddRecordSuccess { data { title amount } } ... on ValidationError { fields { field } } } }`;

  it('adds and lists records; refuses an amount above the setting', async () => {
    const ok = await host.gql(add, { input: { cooperativeId: host.a.id, title: 'Setoran', amount: 75_000 } }, host.a.staff);
    expect(ok.data.simpanpinjamAddRecord.data).toEqual({ title: 'Setoran', amount: 75_000 });
    const tooMuch = await host.gql(add, { input: { cooperativeId: host.a.id, title: 'Besar', amount: 150_000 } }, host.a.manager);
    expect(tooMuch.data.simpanpinjamAddRecord.fields[0].field).toBe('input.amount');
    const list = await host.gql(`query($id: ID!) { simpanpinjamRecords(cooperativeId: $id) { title amount } }`, { id: host.a.id }, host.a.supervisor);
    expect(list.data.simpanpinjamRecords).toEqual([{ title: 'Setoran', amount: 75_000 }]);
  });
});
