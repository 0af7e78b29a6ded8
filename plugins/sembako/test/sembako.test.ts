import { describeUnitConformance, startUnitTestHost, type UnitTestHost } from '@kkmp/plugin-sdk/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import unit from '../src/index';

describeUnitConformance(unit);

describe('sembako: records', () => {
  let host: UnitTestHost;
  beforeAll(async () => {
    host = await startUnitTestHost([unit]);
    await host.enable(host.a, 'sembako', { maxAmount: 100_000 });
  });
  afterAll(() => host.close());

  const add = `mutation($input: SembakoAddRecordInput!) { sembakoAddRecord(input: $input) {
    __typename ... on SembakoAddRecordSuccess { data { title amount } } ... on ValidationError { fields { field } } } }`;

  it('adds and lists records; refuses an amount above the setting', async () => {
    const ok = await host.gql(add, { input: { cooperativeId: host.a.id, title: 'Setoran', amount: 75_000 } }, host.a.staff);
    expect(ok.data.sembakoAddRecord.data).toEqual({ title: 'Setoran', amount: 75_000 });
    const tooMuch = await host.gql(add, { input: { cooperativeId: host.a.id, title: 'Besar', amount: 150_000 } }, host.a.manager);
    expect(tooMuch.data.sembakoAddRecord.fields[0].field).toBe('input.amount');
    const list = await host.gql(`query($id: ID!) { sembakoRecords(cooperativeId: $id) { title amount } }`, { id: host.a.id }, host.a.supervisor);
    expect(list.data.sembakoRecords).toEqual([{ title: 'Setoran', amount: 75_000 }]);
  });
});
