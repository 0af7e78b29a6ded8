/**
 * Chart of accounts of a multi-unit cooperative (SAK EP headings, Indonesian names). The core owns the
 * chart; units add their own accounts (`<unitId>.<code>`) and post to core accounts segmented by unit.
 * A chart is a value built once per API from its installed units (`buildChart`) and reaches services
 * through the CoreContext: two APIs in one process never share or grow each other's chart.
 */
import { ACCOUNTS } from './codes';

export { ACCOUNTS };

export type AccountKind = 'ASSET' | 'LIABILITY' | 'EQUITY' | 'REVENUE' | 'EXPENSE';
export type CashFlowClass = 'OPERATING' | 'INVESTING' | 'FINANCING';

export interface Account {
  code: string;
  name: { id: string; en: string };
  kind: AccountKind;
  /** Contra accounts (accumulated depreciation) carry the opposite normal balance of their kind. */
  contra?: boolean;
  /** Cash and bank: the accounts the direct cash-flow statement is built from. */
  cash?: boolean;
  /** Where cash moved against this account shows in the cash-flow statement. */
  cashFlow: CashFlowClass;
  /** Revenue from members (for SHU jasa usaha) as opposed to non-members. */
  member?: 'MEMBER' | 'NON_MEMBER';
  /** Unit that declared the account, if not the core. */
  unitId?: string;
  /** Assets and liabilities: due within a year (lancar / jangka pendek). */
  current?: boolean;
}

const a = (code: string, id: string, en: string, kind: AccountKind, cashFlow: CashFlowClass, extra: Partial<Account> = {}): Account => ({
  code,
  name: { id, en },
  kind,
  cashFlow,
  // 11xx and 21xx are current (lancar, jangka pendek); 12xx and 22xx are not.
  ...((kind === 'ASSET' || kind === 'LIABILITY') && { current: code[1] === '1' }),
  ...extra,
});

export const CORE_ACCOUNTS: readonly Account[] = [
  a(ACCOUNTS.cash, 'Kas', 'Cash', 'ASSET', 'OPERATING', { cash: true }),
  a(ACCOUNTS.bank, 'Bank', 'Bank', 'ASSET', 'OPERATING', { cash: true }),
  a(ACCOUNTS.tradeReceivables, 'Piutang usaha', 'Trade receivables', 'ASSET', 'OPERATING'),
  a(ACCOUNTS.memberReceivables, 'Piutang anggota', 'Receivables from members', 'ASSET', 'OPERATING'),
  a(ACCOUNTS.inventory, 'Persediaan', 'Inventory', 'ASSET', 'OPERATING'),
  a(ACCOUNTS.prepaidExpenses, 'Biaya dibayar di muka', 'Prepaid expenses', 'ASSET', 'OPERATING'),
  a(ACCOUNTS.fixedAssets, 'Aset tetap', 'Fixed assets', 'ASSET', 'INVESTING'),
  a(ACCOUNTS.accumulatedDepreciation, 'Akumulasi penyusutan', 'Accumulated depreciation', 'ASSET', 'INVESTING', { contra: true }),
  a(ACCOUNTS.payables, 'Utang usaha', 'Trade payables', 'LIABILITY', 'OPERATING'),
  a(ACCOUNTS.simpananSukarela, 'Simpanan sukarela', 'Voluntary savings (simpanan sukarela)', 'LIABILITY', 'FINANCING'),
  a(ACCOUNTS.taxPayable, 'Utang pajak', 'Taxes payable', 'LIABILITY', 'OPERATING'),
  a(ACCOUNTS.shuPayable, 'Utang SHU anggota', 'SHU payable to members', 'LIABILITY', 'FINANCING'),
  a(ACCOUNTS.boardFund, 'Dana pengurus', 'Board fund', 'LIABILITY', 'OPERATING'),
  a(ACCOUNTS.socialFund, 'Dana sosial', 'Social fund', 'LIABILITY', 'OPERATING'),
  a(ACCOUNTS.educationFund, 'Dana pendidikan', 'Education fund', 'LIABILITY', 'OPERATING'),
  a(ACCOUNTS.bankLoans, 'Utang bank', 'Bank loans', 'LIABILITY', 'FINANCING'),
  a(ACCOUNTS.simpananPokok, 'Simpanan pokok', 'Simpanan pokok (member equity, paid once)', 'EQUITY', 'FINANCING'),
  a(ACCOUNTS.simpananWajib, 'Simpanan wajib', 'Simpanan wajib (member equity, periodic)', 'EQUITY', 'FINANCING'),
  a(ACCOUNTS.reserve, 'Cadangan', 'Reserve', 'EQUITY', 'FINANCING'),
  a(ACCOUNTS.currentSurplus, 'SHU tahun berjalan', 'Surplus (SHU) of the current year', 'EQUITY', 'OPERATING'),
  a(ACCOUNTS.retainedSurplus, 'SHU belum dibagi', 'Undistributed surplus (SHU)', 'EQUITY', 'FINANCING'),
  a(ACCOUNTS.revenueMember, 'Pendapatan usaha dari anggota', 'Revenue from members', 'REVENUE', 'OPERATING', { member: 'MEMBER' }),
  a(ACCOUNTS.revenueNonMember, 'Pendapatan usaha dari non-anggota', 'Revenue from non-members', 'REVENUE', 'OPERATING', { member: 'NON_MEMBER' }),
  a(ACCOUNTS.otherIncome, 'Pendapatan lain-lain', 'Other income', 'REVENUE', 'OPERATING'),
  a(ACCOUNTS.cogs, 'Harga pokok penjualan', 'Cost of goods sold', 'EXPENSE', 'OPERATING'),
  a(ACCOUNTS.salaries, 'Beban gaji', 'Salaries', 'EXPENSE', 'OPERATING'),
  a(ACCOUNTS.rent, 'Beban sewa', 'Rent', 'EXPENSE', 'OPERATING'),
  a(ACCOUNTS.utilities, 'Beban listrik dan air', 'Electricity and water', 'EXPENSE', 'OPERATING'),
  a(ACCOUNTS.depreciation, 'Beban penyusutan', 'Depreciation', 'EXPENSE', 'OPERATING'),
  a(ACCOUNTS.generalAndAdministrative, 'Beban administrasi dan umum', 'General and administrative', 'EXPENSE', 'OPERATING'),
  a(ACCOUNTS.incomeTax, 'Beban pajak penghasilan', 'Income tax (final)', 'EXPENSE', 'OPERATING'),
];

/** An immutable chart: every account once, by code. */
export class Chart {
  private readonly byCode: ReadonlyMap<string, Account>;
  constructor(accounts: readonly Account[]) {
    const byCode = new Map<string, Account>();
    for (const acc of accounts) {
      if (byCode.has(acc.code)) throw new Error(`account ${acc.code} is declared twice`);
      byCode.set(acc.code, Object.freeze({ ...acc }));
    }
    this.byCode = byCode;
  }
  get accounts(): Account[] {
    return [...this.byCode.values()];
  }
  get(code: string): Account | undefined {
    return this.byCode.get(code);
  }
  /** +1 when a debit increases the account (assets, expenses), -1 otherwise. */
  sign(code: string): 1 | -1 {
    const acc = this.byCode.get(code);
    if (!acc) throw new Error(`unknown account ${code}`);
    const debitNormal = acc.kind === 'ASSET' || acc.kind === 'EXPENSE';
    return (debitNormal !== !!acc.contra ? 1 : -1) as 1 | -1;
  }
}

/** The core chart plus the accounts of the installed units (codes "<unitId>.<code>"). */
export function buildChart(unitAccounts: readonly Account[] = []): Chart {
  return new Chart([...CORE_ACCOUNTS, ...unitAccounts]);
}

/** Cash/bank account a payment method moves. QRIS settles into the bank account. */
export function cashAccountFor(method: 'CASH' | 'BANK_TRANSFER' | 'QRIS'): string {
  return method === 'CASH' ? ACCOUNTS.cash : ACCOUNTS.bank;
}
