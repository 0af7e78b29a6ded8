/**
 * Accounts the unit posts to: its own (`simpanpinjam.<code>`, declared in index.ts) and the core
 * chart's, by code.
 */
export const ACCOUNTS = {
  loans: 'simpanpinjam.loans',
  allowance: 'simpanpinjam.allowance',
  deposits: 'simpanpinjam.deposits',
  savingsInterest: 'simpanpinjam.savingsInterest',
  penaltyIncome: 'simpanpinjam.penaltyIncome',
  allowanceExpense: 'simpanpinjam.allowanceExpense',
  /** Money recovered on written-off loans: income, since the claim left the books at the write-off. */
  recoveries: 'simpanpinjam.recoveries',
  /** Interest and admin fees from members: revenue from members (4110) with patronage, for SHU jasa pinjaman. */
  memberRevenue: '4110',
  /** Simpanan sukarela: members' withdrawable savings (a liability). */
  savings: '2120',
} as const;
