import type { UnitExample } from '@kkmp/plugin-sdk';

/** GraphiQL tabs for savings and loan: the manager's portfolio, a member's statement, products, and a member's own reads. */
export const simpanpinjamExamples: UnitExample[] = [
  {
    name: 'Simpan pinjam: portfolio and collectibility',
    description: 'Loans by collectibility class (Lancar … Macet) on a date, problem-loan risk and the arrears list. Move asOf to see a late loan step through the classes.',
    query: `query SimpanpinjamPortfolio($cooperativeId: ID!, $asOf: Date) {
  simpanpinjamPortfolio(cooperativeId: $cooperativeId, asOf: $asOf) {
    asOf loanCount outstanding problemLoans problemLoanRisk problemLoanRatioBp allowance
    classes { number collectibility count outstanding }
    arrears { daysPastDue collectibility overdue outstanding loan { id productName principal } }
  }
}`,
    variables: { cooperativeId: '$cooperativeId', asOf: '$today' },
  },
  {
    name: 'Simpan pinjam: member statement',
    description: "A member's savings (with running balances), time deposits and loans with what is due.",
    query: `query SimpanpinjamMemberStatement($cooperativeId: ID!, $memberId: ID!, $from: Date, $to: Date) {
  simpanpinjamMemberStatement(cooperativeId: $cooperativeId, memberId: $memberId, from: $from, to: $to) {
    from to
    savings { account { productName } opening closing lines { date kind amount balance } }
    timeDeposits { id principal maturityDate status }
    loans { id productName principal principalOutstanding collectibility daysPastDue due { total } schedule { number dueDate total state } }
  }
}`,
    variables: { cooperativeId: '$cooperativeId', memberId: '$memberId', from: '$monthStart', to: '$today' },
  },
  {
    name: 'Simpan pinjam: products and savings accounts',
    description: 'Savings and loan products with their rules, and every savings account with its balance.',
    query: `query SimpanpinjamProducts($cooperativeId: ID!) {
  simpanpinjamSavingsProducts(cooperativeId: $cooperativeId) { id name }
  simpanpinjamLoanProducts(cooperativeId: $cooperativeId) { id name }
  simpanpinjamSavingsAccounts(cooperativeId: $cooperativeId) { id productName balance openedOn memberId }
}`,
    variables: { cooperativeId: '$cooperativeId' },
  },
  {
    name: "Simpan pinjam: a member's own savings and loans",
    description: 'What the member app shows: the signed-in member\'s savings, time deposits and loans with the next payment due. Another member\'s loan is FORBIDDEN.',
    query: `query SimpanpinjamMine($cooperativeId: ID!) {
  simpanpinjamMySavings(cooperativeId: $cooperativeId) { id productName balance }
  simpanpinjamMyTimeDeposits(cooperativeId: $cooperativeId) { id principal maturityDate status }
  simpanpinjamMyLoans(cooperativeId: $cooperativeId) { id productName status principalOutstanding nextDue { dueDate amount } }
}`,
    variables: { cooperativeId: '$cooperativeId' },
    as: 'member',
  },
];
