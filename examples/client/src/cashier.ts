import { present, type Client } from './client';
import { graphql, type ResultOf, type VariablesOf } from './graphql';

/** Who the token belongs to: a cashier's token (COOP_STAFF with "sembako" in units) names its cooperative. */
export const WhoAmI = graphql(`
  query WhoAmI {
    me { userId name role cooperativeId units }
  }
`);

/** The shelf: products with today's prices and stock. */
export const Shelf = graphql(`
  query Shelf($cooperativeId: ID!, $first: Int, $after: String) {
    sembakoProducts(cooperativeId: $cooperativeId, first: $first, after: $after) {
      pageInfo { hasNextPage endCursor }
      edges { node { id sku name packName memberPrice nonMemberPrice stock { quantity } } }
    }
  }
`);

/** One sale: success carries the sale; refusals are typed (out of stock is a BusinessRuleError). */
export const Sell = graphql(`
  mutation Sell($input: SembakoSellInput!) {
    sembakoSell(input: $input) {
      __typename
      ... on SembakoSellSuccess { data { id number total change } }
      ... on BusinessRuleError { rule field }
      ... on ValidationError { fields { field messageEn messageId } }
      ... on Error { code messageEn messageId }
    }
  }
`);

/** The receipt, as printed: the text is ready for a 58 mm printer. */
export const Receipt = graphql(`
  query Receipt($cooperativeId: ID!, $id: ID!) {
    sembakoSale(cooperativeId: $cooperativeId, id: $id) {
      number
      at
      cooperativeName
      cashierName
      paymentMethod
      lines { sku name quantity unitPrice amount }
      total
      tendered
      change
      status
      receiptText
    }
  }
`);

export type Product = NonNullable<ResultOf<typeof Shelf>['sembakoProducts']>['edges'][number]['node'];
export type SaleInput = VariablesOf<typeof Sell>['input'];
export type ReceiptData = NonNullable<ResultOf<typeof Receipt>['sembakoSale']>;

/** A refusal the cashier reads out: messageId is Indonesian. */
export class SaleRefused extends Error {
  constructor(
    readonly code: string,
    readonly messageIdn: string,
    messageEn: string,
  ) {
    super(messageEn);
    this.name = 'SaleRefused';
  }
}

export async function cooperativeOf(client: Client): Promise<string> {
  const { me } = await client.request(WhoAmI, {});
  if (!me?.cooperativeId) throw new Error('this token belongs to no cooperative: sign in as a cashier');
  return me.cooperativeId;
}

export async function shelf(client: Client, cooperativeId: string): Promise<Product[]> {
  const products: Product[] = [];
  let after: string | null = null;
  for (;;) {
    const result: ResultOf<typeof Shelf> = await client.request(Shelf, { cooperativeId, first: 100, after });
    const page = present(result.sembakoProducts, 'sembakoProducts');
    products.push(...page.edges.map((e) => e.node));
    if (!page.pageInfo.hasNextPage) return products;
    after = page.pageInfo.endCursor ?? null;
  }
}

/**
 * Sells and returns the receipt. The idempotency key is made once per basket by the caller: a retry after
 * a timeout sends the same key and gets the same sale back, never a second one.
 */
export async function sell(client: Client, input: SaleInput): Promise<ReceiptData> {
  const { sembakoSell: result } = await client.request(Sell, { input });
  if (result.__typename !== 'SembakoSellSuccess') throw new SaleRefused(result.code, result.messageId, result.messageEn);
  const { sembakoSale } = await client.request(Receipt, { cooperativeId: input.cooperativeId, id: result.data.id });
  return present(sembakoSale, 'sembakoSale');
}
