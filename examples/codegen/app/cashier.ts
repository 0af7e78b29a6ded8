import { graphql } from './gql';
import type { ResultOf } from '@graphql-typed-document-node/core';

/** The shelf a cashier sells from: products with member and non-member prices and stock. */
export const Shelf = graphql(`
  query CodegenShelf($cooperativeId: ID!, $first: Int, $after: String) {
    sembakoProducts(cooperativeId: $cooperativeId, first: $first, after: $after) {
      edges { node { id sku name memberPrice nonMemberPrice stock { quantity } } }
      pageInfo { hasNextPage endCursor }
    }
  }
`);

/** A sale and its receipt: the union of success and typed errors. */
export const Sell = graphql(`
  mutation CodegenSell($input: SembakoSellInput!) {
    sembakoSell(input: $input) {
      __typename
      ... on SembakoSellSuccess { data { id number date at total receiptText } }
      ... on Error { code messageEn messageId }
    }
  }
`);

type Product = NonNullable<ResultOf<typeof Shelf>['sembakoProducts']>['edges'][number]['node'];

/** Rupiah arrives as a number and Date/DateTime as strings: arithmetic and formatting need no casts. */
export function lineTotal(product: Product, quantity: number): number {
  return (product.nonMemberPrice ?? 0) * quantity;
}

export function receiptHeading(result: ResultOf<typeof Sell>['sembakoSell']): string {
  if (result.__typename !== 'SembakoSellSuccess') return `${result.code}: ${result.messageId}`;
  const { number, date, at, total } = result.data;
  const day: string = date;
  const instant: string = at;
  const amount: number = total;
  // @ts-expect-error Rupiah is mapped to number, not any: it is not a string.
  const notAString: string = total;
  return `${number} ${day} ${instant.slice(11, 16)} Rp${amount.toLocaleString('id-ID')} ${notAString}`;
}
