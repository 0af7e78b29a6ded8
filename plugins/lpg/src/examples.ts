import type { UnitExample } from '@kkmp/plugin-sdk';

/** GraphiQL tabs for the outlet's main flows ("$cooperativeId" becomes the demo cooperative's id). */
export const lpgExamples: UnitExample[] = [
  {
    name: 'LPG: products, HET and stock',
    description: 'The 3 kg refill, the cylinder deposit and 12 kg with prices, the HET in force here and full cylinders on hand. The sale tab sells the LPG-3KG refill.',
    as: 'staff',
    query: `query LpgProducts($cooperativeId: ID!) {
  lpgProducts(cooperativeId: $cooperativeId, first: 20) {
    edges { node { id sku name nonMemberPrice ceilingPrice { perSellingUnit reference } stock { quantity } } }
  }
}`,
    variables: { cooperativeId: '$cooperativeId' },
  },
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
    variables: { input: { cooperativeId: '$cooperativeId', buyerNik: '$lpg.buyerNik', paymentMethod: 'CASH', lines: [{ productId: '$lpg.refillId', quantity: 1 }] } },
  },
  {
    name: 'LPG: cylinders on hand',
    description: 'Full and empty 3 kg cylinders, and the value of the full ones.',
    query: `query LpgCylinders($cooperativeId: ID!) {
  lpgCylinders(cooperativeId: $cooperativeId) { full empty total fullValue }
}`,
    variables: { cooperativeId: '$cooperativeId' },
  },
  {
    name: 'LPG: supply this month',
    description: "The agent's allocation, what was delivered and what is left, with each delivery's payment reference.",
    query: `query LpgSupply($cooperativeId: ID!) {
  lpgSupplyMonth(cooperativeId: $cooperativeId) {
    allocation { month allocated delivered remaining reference }
    deliveries { date full emptiesReturned paymentReference receiptNumber }
  }
}`,
    variables: { cooperativeId: '$cooperativeId' },
  },
  {
    name: 'LPG: logbook (CSV)',
    description: 'The logbook of subsidized sales for the month so far, as rows and as the CSV file the agent and the city ask for.',
    query: `query LpgLogbook($cooperativeId: ID!, $from: Date!, $to: Date!) {
  lpgLogbook(cooperativeId: $cooperativeId, from: $from, to: $to) { csv rows { date time nik buyerType quantity price } }
  lpgSalesByBuyerType(cooperativeId: $cooperativeId, from: $from, to: $to) { buyerType sales cylinders total }
}`,
    variables: { cooperativeId: '$cooperativeId', from: '$monthStart', to: '$today' },
  },
];
