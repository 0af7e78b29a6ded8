import type { UnitExample } from '@kkmp/plugin-sdk';

const CSV = [
  'nik,nama,poktan,luas_lahan_ha,komoditas,jenis_pupuk,alokasi_kg',
  '3205010101800021,Pak Cecep,Tani Makmur,0.5,PADI,UREA,100',
  '3205010101800021,Pak Cecep,Tani Makmur,0.5,PADI,NPK,75',
  '3205010101800022,Bu Lilis,Sri Rejeki,1.5,PADI;KOPI,UREA,100',
  '3205010101800022,Bu Lilis,Sri Rejeki,1.5,PADI;KOPI,ORGANIK,200',
].join('\n');

/** GraphiQL tabs for the kiosk's main flows ("$cooperativeId" becomes the demo cooperative's id). */
export const pupukExamples: UnitExample[] = [
  {
    name: 'Pupuk: season, HET and products',
    description: 'The season of today, the HET per kg and per sack in force, and the products with their stock.',
    as: 'staff',
    query: `query PupukToday($cooperativeId: ID!) {
  pupukSeason(cooperativeId: $cooperativeId) { code from to }
  pupukHet(cooperativeId: $cooperativeId) { type sku perKg sackKg perSack effectiveFrom reference }
  pupukProducts(cooperativeId: $cooperativeId, first: 20) { edges { node { id sku name nonMemberPrice stock { quantity } } } }
}`,
    variables: { cooperativeId: '$cooperativeId' },
  },
  {
    name: 'Pupuk: check an e-RDKK list (dry run)',
    description: 'Validates a CSV for the season of today without writing and reports it. Change a land area to 3 or a type to KCL to see each bad row reported with its line (input.csv.<line>.<column>); with dryRun false the import starts.',
    query: `mutation PupukImportDryRun($input: PupukImportAllocationsInput!) {
  pupukImportAllocations(input: $input) {
    __typename
    ... on PupukImportAllocationsSuccess { data { dryRun rows farmers groups revisions kgByType { type kg } import { id status } } }
    ... on ValidationError { fields { field messageEn messageId } }
    ... on Error { code messageEn messageId }
  }
}`,
    variables: { input: { cooperativeId: '$cooperativeId', fileName: 'erdkk-contoh.csv', csv: CSV, dryRun: true } },
  },
  {
    name: 'Pupuk: continue an import (progress)',
    description: "Writes the next part of a running import and answers its progress; call it until status is COMPLETE. The demo's import is complete already: it answers as it is.",
    query: `mutation PupukContinueImport($input: PupukContinueAllocationImportInput!) {
  pupukContinueAllocationImport(input: $input) {
    __typename
    ... on PupukContinueAllocationImportSuccess { data { id status rows rowsWritten percentDone } }
    ... on Error { code messageEn messageId }
  }
}`,
    variables: { input: { cooperativeId: '$cooperativeId', importId: '$pupuk.importId' } },
  },
  {
    name: 'Pupuk: a farmer and the allocations',
    description: "A demo farmer's group, land and crops, the season's allocation per type with what was redeemed, and each revision's file.",
    as: 'staff',
    query: `query PupukFarmer($cooperativeId: ID!, $nik: String!) {
  pupukFarmer(cooperativeId: $cooperativeId, nik: $nik) {
    name status farmerGroup landHa crops season
    allocations { type allocatedKg redeemedKg remainingKg absorptionBps history { kg fileName importedBy inForceFrom } }
  }
}`,
    variables: { cooperativeId: '$cooperativeId', nik: '$pupuk.farmerNik' },
  },
  {
    name: 'Pupuk: redeem subsidized fertilizer',
    description: "A farmer on the e-RDKK redeems 50 kg of Urea (one sack) with the proof photo's id; refused beyond the allocation, above the HET or without the proof.",
    as: 'staff',
    query: `mutation PupukRedeem($input: PupukSellInput!) {
  pupukSell(input: $input) {
    __typename
    ... on PupukSellSuccess { data { number date total buyerNikMasked ... on PupukSale { season farmerGroup proofReference redeemed { type kg amount } } } }
    ... on BusinessRuleError { rule field details messageId }
    ... on ValidationError { fields { field messageEn messageId } }
    ... on Error { code messageEn messageId }
  }
}`,
    variables: { input: { cooperativeId: '$cooperativeId', buyerNik: '$pupuk.farmerNik', paymentMethod: 'CASH', proofReference: 'IPUBERS-0001', lines: [{ productId: '$pupuk.ureaId', quantity: 50 }] } },
  },
  {
    name: 'Pupuk: absorption and redemptions per group',
    description: 'This season: allocation absorption per group and type, and the redemptions per group over the season, with the CSV files.',
    query: `query PupukSeasonReports($cooperativeId: ID!) {
  pupukAbsorption(cooperativeId: $cooperativeId) { groups { farmerGroup type farmers allocatedKg redeemedKg absorptionBps } groupsCsv }
  pupukRedemptionsByGroup(cooperativeId: $cooperativeId) { rows { farmerGroup type redemptions farmers kg amount } csv }
}`,
    variables: { cooperativeId: '$cooperativeId' },
  },
  {
    name: 'Pupuk: monthly report',
    description: 'This month: the report for the distributor and the agriculture office: stock per type (with each delivery) and redemptions per group, as rows and CSV.',
    query: `query PupukMonthly($cooperativeId: ID!) {
  pupukMonthlyReport(cooperativeId: $cooperativeId) {
    month kiosk farmersServed
    stock { type openingKg receivedKg redeemedKg closingKg receipts { date number kg } }
    redemptions { farmerGroup type kg amount }
    stockCsv redemptionsCsv
  }
}`,
    variables: { cooperativeId: '$cooperativeId' },
  },
];
