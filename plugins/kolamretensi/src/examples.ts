import type { UnitExample } from '@kkmp/plugin-sdk';

/** GraphiQL tabs for the pond's main flows ("$cooperativeId" becomes the demo cooperative's id). */
export const kolamExamples: UnitExample[] = [
  {
    name: 'Kolam retensi: ponds and status now',
    description: 'Each pond with its gauges, the latest level and the alert level now. The other tabs use the demo pond and its staff gauge.',
    query: `query KolamPonds($cooperativeId: ID!) {
  kolamretensiPonds(cooperativeId: $cooperativeId) {
    id name capacityM3 thresholds { siaga3Cm siaga2Cm siaga1Cm }
    status { level levelCm at }
    sensors { id name kind latestLevelCm latestLevel latestAt }
    agreement { number revenueShareBps endDate }
  }
}`,
    variables: { cooperativeId: '$cooperativeId' },
  },
  {
    name: 'Kolam retensi: record readings',
    description: 'A batch of one gauge’s readings (any order, at most 20; a timestamp already stored is ignored). A sensor sends the same with `Authorization: Device <token>`.',
    as: 'staff',
    query: `mutation KolamRecordReadings($input: KolamretensiRecordReadingsInput!) {
  kolamretensiRecordReadings(input: $input) {
    __typename
    ... on KolamretensiRecordReadingsSuccess { data { stored duplicates alertsRaised alertsWithdrawn latestLevelCm latestLevel } }
    ... on ValidationError { fields { field messageEn messageId } }
    ... on Error { code messageEn messageId }
  }
}`,
    variables: { input: { cooperativeId: '$cooperativeId', sensorId: '$kolamretensi.gaugeId', readings: [{ at: '$kolamretensi.readingAt', levelCm: 655 }] } },
  },
  {
    name: 'Kolam retensi: alert log and daily history',
    description: 'One entry per crossing, up and down, and the per-day lowest, highest and worst level.',
    query: `query KolamAlerts($cooperativeId: ID!, $pondId: ID!, $from: Date!, $to: Date!) {
  kolamretensiAlerts(cooperativeId: $cooperativeId, pondId: $pondId, from: $from, to: $to) { at levelCm from to direction }
  kolamretensiDailyHistory(cooperativeId: $cooperativeId, pondId: $pondId, from: $from, to: $to) { date minCm maxCm lastCm worst count }
}`,
    variables: { cooperativeId: '$cooperativeId', pondId: '$kolamretensi.pondId', from: '$kolamretensi.weekStart', to: '$today' },
  },
  {
    name: 'Kolam retensi: maintenance due',
    description: 'Maintenance the agreement requires, overdue and due first.',
    query: `query KolamMaintenance($cooperativeId: ID!, $pondId: ID!) {
  kolamretensiMaintenance(cooperativeId: $cooperativeId, pondId: $pondId) { id title kind nextDue status daysLeft lastDoneOn }
}`,
    variables: { cooperativeId: '$cooperativeId', pondId: '$kolamretensi.pondId' },
  },
  {
    name: "Kolam retensi: revenue and the city's share",
    description: "The month's revenue by business line and the city's share under the agreement.",
    query: `query KolamRevenue($cooperativeId: ID!, $pondId: ID!) {
  kolamretensiMonthRevenue(cooperativeId: $cooperativeId, pondId: $pondId) { month fish tickets rentals total cityShareDue cityShare { amount date } }
}`,
    variables: { cooperativeId: '$cooperativeId', pondId: '$kolamretensi.pondId' },
  },
];
