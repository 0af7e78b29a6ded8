import { present, type Client } from './client';
import { graphql, type ResultOf } from './graphql';

/** Dinas Koperasi's dashboard: every cooperative of the city, its status, units and balance sheet. */
export const CityDashboard = graphql(`
  query CityDashboard($cityId: ID!, $asOf: Date!, $first: Int, $after: String) {
    city(id: $cityId) {
      __typename
      ... on City {
        name
        cooperatives(first: $first, after: $after) {
          pageInfo { hasNextPage endCursor }
          edges {
            node {
              id
              name
              status
              kelurahan { name kecamatan }
              units { unitId enabled }
              ledger { financialPosition(asOf: $asOf) { totalAssets totalEquity currentSurplus } }
            }
          }
        }
      }
      ... on Error { code messageEn messageId }
    }
  }
`);

type CityResult = ResultOf<typeof CityDashboard>['city'];
type Cooperative = Extract<CityResult, { __typename: 'City' }>['cooperatives']['edges'][number]['node'];

export interface DashboardRow {
  name: string;
  kelurahan: string;
  status: Cooperative['status'];
  units: string[];
  totalAssets: number;
  totalEquity: number;
}

/** Reads every page (100 at a time) and flattens it into rows a table can show. */
export async function cityDashboard(client: Client, cityId: string, asOf: string): Promise<{ city: string; rows: DashboardRow[] }> {
  const rows: DashboardRow[] = [];
  let after: string | null = null;
  let city = '';
  for (;;) {
    const page: ResultOf<typeof CityDashboard> = await client.request(CityDashboard, { cityId, asOf, first: 100, after });
    const result = page.city;
    // Reads by id answer with the object or a typed error: narrow on __typename.
    if (result.__typename !== 'City') throw new Error(`city ${cityId}: ${result.code} ${result.messageEn}`);
    city = result.name;
    for (const { node } of result.cooperatives.edges) {
      rows.push({
        name: node.name,
        kelurahan: `${node.kelurahan.name}, ${node.kelurahan.kecamatan}`,
        status: node.status,
        units: node.units.filter((u) => u.enabled).map((u) => u.unitId),
        totalAssets: present(node.ledger, 'ledger').financialPosition.totalAssets,
        totalEquity: present(node.ledger, 'ledger').financialPosition.totalEquity,
      });
    }
    if (!result.cooperatives.pageInfo.hasNextPage) return { city, rows };
    after = result.cooperatives.pageInfo.endCursor ?? null;
  }
}
