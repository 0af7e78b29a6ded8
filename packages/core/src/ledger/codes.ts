/**
 * Codes of the core chart's accounts, by role. The chart (accounts.ts) is built from these names, and
 * services, the commerce kit and unit plugins post with them (through @kkmp/core/kernel and the plugin
 * SDK), so a code is written once. Pure data: the SDK re-exports it without loading the ledger.
 */
export const ACCOUNTS = {
  cash: '1100',
  bank: '1110',
  tradeReceivables: '1120',
  memberReceivables: '1130',
  inventory: '1140',
  prepaidExpenses: '1150',
  fixedAssets: '1210',
  accumulatedDepreciation: '1219',
  payables: '2110',
  simpananSukarela: '2120',
  taxPayable: '2130',
  shuPayable: '2140',
  boardFund: '2150',
  socialFund: '2160',
  educationFund: '2170',
  bankLoans: '2210',
  simpananPokok: '3110',
  simpananWajib: '3120',
  reserve: '3210',
  currentSurplus: '3310',
  retainedSurplus: '3320',
  revenueMember: '4110',
  revenueNonMember: '4120',
  otherIncome: '4210',
  cogs: '5110',
  salaries: '6110',
  rent: '6120',
  utilities: '6130',
  depreciation: '6140',
  generalAndAdministrative: '6150',
  incomeTax: '6210',
} as const;

/** The code of a core account, e.g. "1100". */
export type CoreAccountCode = (typeof ACCOUNTS)[keyof typeof ACCOUNTS];
