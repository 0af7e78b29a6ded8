import { ACCOUNTS, type UnitAccount } from '@kkmp/plugin-sdk';
import type { CustomerClass } from './model/product';
import type { PaymentMethod } from './model/sale';
import type { SupplierPayment } from './model/purchasing';

/**
 * Accounts the kit posts to besides the core's: spread into the unit's `accounts`. Stock, revenue and
 * cost of goods are the core chart's accounts (ACCOUNTS from the SDK) segmented by unit, so the
 * consolidated statements and SHU (member vs non-member revenue) need nothing unit-specific.
 */
export const commerceAccounts: UnitAccount[] = [
  { code: 'stockDifference', name: { id: 'Selisih persediaan (stock opname)', en: 'Stock count differences' }, kind: 'EXPENSE' },
];

/** The unit's own account for stock count differences (declared by commerceAccounts). */
export const stockDifferenceAccount = (unitId: string) => `${unitId}.stockDifference`;

/** Revenue from members and from the public are kept apart for SHU jasa usaha. */
export const revenueAccount = (customerClass: CustomerClass): string =>
  customerClass === 'MEMBER' ? ACCOUNTS.revenueMember : ACCOUNTS.revenueNonMember;

/** Where the money of a sale lands. QRIS settles into the bank account; member credit is a receivable. */
export function paymentAccount(method: PaymentMethod): string {
  switch (method) {
    case 'CASH':
      return ACCOUNTS.cash;
    case 'QRIS':
    case 'BANK_TRANSFER':
      return ACCOUNTS.bank;
    case 'MEMBER_CREDIT':
      return ACCOUNTS.memberReceivables;
  }
}

/** Where goods received are paid from, or that they are owed (utang usaha). */
export function supplierPaymentAccount(method: SupplierPayment): string {
  switch (method) {
    case 'CASH':
      return ACCOUNTS.cash;
    case 'BANK_TRANSFER':
      return ACCOUNTS.bank;
    case 'CREDIT':
      return ACCOUNTS.payables;
  }
}
