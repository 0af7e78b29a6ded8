import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApi, type TestApi } from '../support/api';
import { cityWithCoop, nextNik, ops } from '../support/fixtures';

// Connections offer Relay's backward arguments (last/before); they are honoured, not refused.
let api: TestApi;
let f: Awaited<ReturnType<typeof cityWithCoop>>;
const names = ['Ani', 'Budi', 'Citra', 'Dedi', 'Eka'];

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
