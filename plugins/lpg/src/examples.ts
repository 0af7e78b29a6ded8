import type { UnitExample } from '@kkmp/plugin-sdk';

/** GraphiQL tabs for the outlet's main flows ("$cooperativeId" becomes the demo cooperative's id). */
export const lpgExamples: UnitExample[] = [
  {
    name: 'LPG: sell a 3 kg refill (exchange)',
    description: "A registered, verified buyer hands in an empty and takes a full 3 kg cylinder; refused above the HET, beyond a limit or the full stock.",
    as: 'staff',
    query: `mutation LpgSell($input: LpgSellInput!) {
  lpgSell(input: $input) {
    __typename
    ... on LpgSellSuccess { data { number date total buyerNikMasked ... on LpgSale { buyerType subsidizedCylinders emptiesIn } } }
    ... on BusinessRuleError { rule field details messageId }
    ... on ValidationError { fields { field messageEn messageId } }
    ... on Error { code messageEn messageId }
  }
}`,
    variables: { input: { cooperativeId: '$cooperativeId', buyerNik: '3205014501900001', paymentMethod: 'CASH', lines: [] } },
  },
  {
    name: 'LPG: cylinders on hand',
    description: 'Full and empty 3 kg cylinders, and the value of the full ones.',
    query: `query LpgCylinders($cooperativeId: ID!) {
  lpgCylinders(cooperativeId: $cooperativeId) { full empty total fullValue }
}`,
    variables: { cooperativeId: '$cooperativeId' },
  },
];
