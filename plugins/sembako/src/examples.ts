import type { UnitExample } from '@kkmp/plugin-sdk';

/** GraphiQL tabs for the shop: the cashier's catalog, a sale, and the manager's day. */
export const sembakoExamples: UnitExample[] = [
  {
    name: 'Sembako: catalog and stock',
    description: "What the cashier sees: products with today's member and public prices, the HET and stock. Any product id here works in the sale tab.",
    as: 'staff',
    query: `query SembakoCatalog($cooperativeId: ID!) {
  sembakoProducts(cooperativeId: $cooperativeId, first: 50) {
    edges { node { id sku name packName memberPrice nonMemberPrice ceilingPrice { perSellingUnit reference } stock { quantity averageCost } } }
  }
}`,
    variables: { cooperativeId: '$cooperativeId' },
  },
  {
    name: 'Sembako: sell at the counter',
    description: 'A sale with its receipt (a pack of eggs from the demo catalog; any product id from the catalog tab works); SPHP rice needs the buyer\'s NIK (2 packs a week per buyer).',
    as: 'staff',
    query: `mutation SembakoSell($input: SembakoSellInput!) {
  sembakoSell(input: $input) {
    __typename
    ... on SembakoSellSuccess { data { id number total change receiptText } }
    ... on BusinessRuleError { rule field details messageEn messageId }
    ... on ValidationError { fields { field messageEn messageId } }
    ... on Error { code messageEn messageId }
  }
}`,
    variables: { input: { cooperativeId: '$cooperativeId', lines: [{ productId: '$sembako.productId', quantity: 1 }], paymentMethod: 'CASH', tendered: 100000, memberNumber: 1 } },
  },
  {
    name: 'Sembako: the day, reorders and margins',
    description: "The manager's view: today's summary by payment method and product, what to reorder, margins this month.",
    query: `query SembakoDay($cooperativeId: ID!, $from: Date!, $to: Date!) {
  sembakoDailySummary(cooperativeId: $cooperativeId) {
    date salesCount total memberTotal nonMemberTotal margin
    byPaymentMethod { method count total }
    byProduct { name quantity revenue margin marginBasisPoints }
  }
  sembakoReorderList(cooperativeId: $cooperativeId) { product { name } quantity reorderLevel suggestedOrder }
  sembakoMargins(cooperativeId: $cooperativeId, from: $from, to: $to) { name revenue cost margin marginBasisPoints }
}`,
    variables: { cooperativeId: '$cooperativeId', from: '$monthStart', to: '$today' },
  },
];
