import type { UnitExample } from '@kkmp/plugin-sdk';

/** GraphiQL tabs for the depot's main flows ("$cooperativeId" becomes the demo cooperative's id). */
export const airminumExamples: UnitExample[] = [
  {
    name: 'Air minum: may we sell today?',
    description: 'The three gates (SLHS, latest water test, UV lamp) on today, and the counter: products with their ids, prices per container type, the delivery rule.',
    as: 'staff',
    query: `query AirminumCounter($cooperativeId: ID!) {
  airminumCompliance(cooperativeId: $cooperativeId) { date open version gates { gate open rule messageId } }
  airminumProducts(cooperativeId: $cooperativeId, first: 10) { edges { node { id sku name } } }
  airminumDepot(cooperativeId: $cooperativeId) { refillPrice memberRefillPrice newGallonCharge litresPerGallon deliveryOrders tradeRuleNoteId }
}`,
    variables: { cooperativeId: '$cooperativeId' },
  },
  {
    name: 'Air minum: sell refills',
    description: "Three containers filled, one of them a new plain gallon (its container charge added); refused with the gate's rule while the SLHS lapsed, the latest test failed or the UV lamp is down.",
    as: 'staff',
    query: `mutation AirminumSell($input: AirminumSellInput!) {
  airminumSell(input: $input) {
    __typename
    ... on AirminumSellSuccess { data { number total ... on AirminumSale { containers newGallons litres complianceVersion } } }
    ... on BusinessRuleError { rule details messageEn messageId }
    ... on ValidationError { fields { field messageEn messageId } }
    ... on Error { code messageEn messageId }
  }
}`,
    variables: { input: { cooperativeId: '$cooperativeId', paymentMethod: 'CASH', lines: [{ productId: '$airminum.refillId', quantity: 3 }, { productId: '$airminum.gallonId', quantity: 1 }] } },
  },
  {
    name: 'Air minum: record a water test',
    description: "The lab's results for the eight parameters; pass or fail from the limits in the settings. A failed test stops sales from its report date.",
    query: `mutation AirminumWaterTest($input: AirminumRecordWaterTestInput!) {
  airminumRecordWaterTest(input: $input) {
    __typename
    ... on AirminumRecordWaterTestSuccess { data { sampledOn reportedOn passed nextDueOn results { parameter value min max within } } }
    ... on ValidationError { fields { field messageEn messageId } }
    ... on Error { code messageEn messageId }
  }
}`,
    variables: {
      input: {
        cooperativeId: '$cooperativeId',
        sampledOn: '$today',
        lab: 'Labkesda Kota',
        results: [
          { parameter: 'E_COLI', value: '0' },
          { parameter: 'TOTAL_COLIFORM', value: '0' },
          { parameter: 'TDS', value: '95' },
          { parameter: 'TURBIDITY', value: '0.7' },
          { parameter: 'PH', value: '7.0' },
          { parameter: 'COLOUR', value: '3' },
          { parameter: 'FE', value: '0.05' },
          { parameter: 'MN', value: '0.02' },
        ],
      },
    },
  },
  {
    name: 'Air minum: equipment and what is due',
    description: 'Filters, membrane and UV lamp with their due status (months and litres), and everything due or overdue today.',
    query: `query AirminumDue($cooperativeId: ID!) {
  airminumEquipment(cooperativeId: $cooperativeId) { id kind name status lastServiceOn dueOn litresSinceService litresLeft dueStatus }
  airminumDue(cooperativeId: $cooperativeId) { subject name status dueOn litresLeft }
}`,
    variables: { cooperativeId: '$cooperativeId' },
  },
  {
    name: 'Air minum: daily summary',
    description: "Today's sales, containers (own and new gallons), litres, revenue and the due items.",
    query: `query AirminumDay($cooperativeId: ID!) {
  airminumDailySummary(cooperativeId: $cooperativeId) { date sales containers ownGallons newGallons litres revenue memberRevenue due { subject name status } }
}`,
    variables: { cooperativeId: '$cooperativeId' },
  },
];
