import type { UnitAccount } from '@kkmp/plugin-sdk';
import type { PaymentMethod, SupplierPayment } from './items';

/**
 * Accounts the kit posts to besides the core's: spread into the unit's `accounts`. Stock, revenue
 * and cost of goods use the core accounts (1140, 4110/4120, 5110) segmented by unit, so the
 * consolidated statements and SHU (member vs non-member revenue) need nothing unit-specific.
 */
export const commerceAccounts: UnitAccount[] = [
  { code: 'stockDifference', name: { id: 'Selisih persediaan (stock opname)', en: 'Stock count differences' }, kind: 'EXPENSE' },
];

export const ACCOUNTS = {
  inventory: '1140',
  revenueMember: '4110',
  revenueNonMember: '4120',
  cogs: '5110',
  payables: '2110',
  stockDifference: (unitId: string) => `${unitId}.stockDifference`,
};

/** Where the money of a sale lands. QRIS settles into the bank account; member credit is a receivable. */
export function paymentAccount(method: PaymentMethod): string {
  switch (method) {
    case 'CASH':
      return '1100';
    case 'QRIS':
    case 'BANK_TRANSFER':
      return '1110';
    case 'MEMBER_CREDIT':
      return '1130';
  }
}

export function supplierPaymentAccount(method: SupplierPayment): string {
  switch (method) {
    case 'CASH':
      return '1100';
    case 'BANK_TRANSFER':
      return '1110';
    case 'CREDIT':
      return ACCOUNTS.payables;
  }
}
