import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApi, type TestApi } from '../support/api';
import { cityWithCoop, nextNik, ops } from '../support/fixtures';

// Connections offer Relay's backward arguments (last/before); they are honoured, not refused.
let api: TestApi;
let f: Awaited<ReturnType<typeof cityWithCoop>>;
const names = ['Ani', 'Budi', 'Citra', 'Dedi', 'Eka'];
const ids: string[] = [];

const members = `query($c: ID!, $first: Int, $after: String, $last: Int, $before: String) { cooperative(id: $c) { ... on Cooperative {
  members(first: $first, after: $after, last: $last, before: $before) { edges { node { name } cursor } pageInfo { hasNextPage hasPreviousPage startCursor endCursor } } } } }`;
const page = async (args: Record<string, unknown>) => {
  const res = await api.gql(members, { c: f.coopId, ...args }, f.manager);
  return res.data?.cooperative?.members ?? res;
};
const namesOf = (p: { edges: { node: { name: string } }[] }) => p.edges.map((e) => e.node.name);

beforeAll(async () => {
  api = await startTestApi();
  f = await cityWithCoop(api, 'Kota Halaman');
  for (const name of names) {
    const r = await api.gql(ops.registerMember, { input: { cooperativeId: f.coopId, nik: nextNik(), name, address: 'Jl. Mawar 1' } }, f.manager);
    expect(r.data.registerMember.__typename).toBe('RegisterMemberSuccess');
    ids.push(r.data.registerMember.data.id);
  }
}, 60_000);
afterAll(() => api?.close());

describe('members(last:, before:) pages backward through GraphQL', () => {
  it('last: 2 is the list end in list order; before its start cursor come the two before, then the first', async () => {
    const end = await page({ last: 2 });
    expect(namesOf(end)).toEqual(['Dedi', 'Eka']);
    expect(end.pageInfo).toMatchObject({ hasPreviousPage: true, hasNextPage: false });
    const middle = await page({ last: 2, before: end.pageInfo.startCursor });
    expect(namesOf(middle)).toEqual(['Budi', 'Citra']);
    expect(middle.pageInfo).toMatchObject({ hasPreviousPage: true, hasNextPage: true });
    const start = await page({ last: 2, before: middle.pageInfo.startCursor });
    expect(namesOf(start)).toEqual(['Ani']);
    expect(start.pageInfo).toMatchObject({ hasPreviousPage: false, hasNextPage: true });
  });

  it('forward pages after a cursor say a previous page exists', async () => {
    const first = await page({ first: 2 });
    expect(first.pageInfo.hasPreviousPage).toBe(false);
    const second = await page({ first: 2, after: first.pageInfo.endCursor });
    expect(namesOf(second)).toEqual(['Citra', 'Dedi']);
    expect(second.pageInfo).toMatchObject({ hasPreviousPage: true, hasNextPage: true });
  });

  it('first and last together are refused with a typed error naming last, in both languages', async () => {
    const res = await api.gql(members, { c: f.coopId, first: 1, last: 1 }, f.manager);
    const error = res.errors?.[0];
    expect(error?.extensions?.code).toBe('VALIDATION');
    expect(JSON.stringify(error)).toMatch(/"last"/);
    expect(JSON.stringify(error)).toMatch(/not both at once/);
    expect(JSON.stringify(error)).toMatch(/jangan keduanya sekaligus/);
  });
});

describe('members: totalCount and a status filter', () => {
  const filtered = `query($c: ID!, $status: MemberStatus, $first: Int, $after: String) { cooperative(id: $c) { ... on Cooperative {
    members(status: $status, first: $first, after: $after) { totalCount edges { node { name status } } pageInfo { hasNextPage endCursor } } } } }`;
  const list = async (args: Record<string, unknown>) => (await api.gql(filtered, { c: f.coopId, ...args }, f.manager)).data.cooperative.members;

  it('totalCount is the whole list, not the page; a filter counts and pages only matching members, pages full', async () => {
    expect((await list({ first: 2 })).totalCount).toBe(5);
    // Budi and Dedi resign: between the active members now lie ended ones.
    for (const i of [1, 3]) {
      const r = await api.gql(`mutation($input: EndMembershipInput!) { endMembership(input: $input) { __typename } }`, { input: { memberId: ids[i], status: 'RESIGNED' } }, f.manager);
      expect(r.data.endMembership.__typename).toBe('EndMembershipSuccess');
    }
    const first = await list({ status: 'ACTIVE', first: 2 });
    expect(first.totalCount).toBe(3);
    expect(first.edges.map((e: { node: { name: string } }) => e.node.name)).toEqual(['Ani', 'Citra']);
    expect(first.pageInfo.hasNextPage).toBe(true);
    const second = await list({ status: 'ACTIVE', first: 2, after: first.pageInfo.endCursor });
    expect(second.edges.map((e: { node: { name: string } }) => e.node.name)).toEqual(['Eka']);
    expect(second.pageInfo.hasNextPage).toBe(false);
    const resigned = await list({ status: 'RESIGNED' });
    expect([resigned.totalCount, resigned.edges.map((e: { node: { name: string } }) => e.node.name)]).toEqual([2, ['Budi', 'Dedi']]);
    expect((await list({})).totalCount).toBe(5);
  });
});
