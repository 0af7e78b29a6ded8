import { ACCOUNTS, BusinessRuleError, NotFoundError, parseInput, positiveRupiah, text, z, update, cond } from '@kkmp/plugin-sdk';
import { supplierPaymentAccount } from '../accounts';
import type { ReadCtx, WriteCtx } from '../context';
import { keys } from '../model/keys';
import { SUPPLIER_KINDS, supplierSchema, type Supplier } from '../model/purchasing';

export const createSupplierInput = z.object({
  name: text(120),
  kind: z.enum(SUPPLIER_KINDS),
  contact: text(120).optional().nullable(),
  phone: text(30).optional().nullable(),
});

export async function createSupplier(u: WriteCtx, raw: unknown): Promise<Supplier> {
  const input = parseInput(createSupplierInput, raw);
  const supplier: Supplier = {
    id: u.newId(),
    name: input.name,
    kind: input.kind,
    ...(input.contact ? { contact: input.contact } : {}),
    ...(input.phone ? { phone: input.phone } : {}),
    payable: 0,
    createdAt: u.now().toISOString(),
  };
  u.writes.create(keys.supplier(supplier.id), supplier);
  return supplier;
}

export async function loadSupplier(u: ReadCtx, id: string, field: string): Promise<Supplier> {
  const s = await u.store.get(supplierSchema, ...keys.supplier(id));
  if (!s) throw new NotFoundError('Supplier', id, field);
  return s;
}

export const paySupplierInput = z.object({ amount: positiveRupiah, method: z.enum(['CASH', 'BANK_TRANSFER']), reference: text(100).optional().nullable() });

/** Pays what the cooperative owes a supplier: Dr Utang usaha, Cr cash or bank; never more than is owed. */
export async function paySupplier(u: WriteCtx, supplierId: string, raw: unknown): Promise<Supplier> {
  const input = parseInput(paySupplierInput, raw);
  const supplier = await loadSupplier(u, supplierId, 'input.supplierId');
  if (input.amount > supplier.payable) {
    throw new BusinessRuleError('OVERPAYMENT', `only Rp${supplier.payable} is owed to ${supplier.name}`, `utang ke ${supplier.name} tinggal Rp${supplier.payable}`, {
      field: 'input.amount',
      details: { payable: supplier.payable },
    });
  }
  u.writes.update(keys.supplier(supplierId), update().add('payable', -input.amount), cond.ge('payable', input.amount));
  await u.post({
    memo: `Pembayaran ke ${supplier.name}${input.reference ? ` (${input.reference})` : ''}`,
    documentId: u.newId(),
    lines: [
      { account: ACCOUNTS.payables, debit: input.amount },
      { account: supplierPaymentAccount(input.method), credit: input.amount },
    ],
  });
  return { ...supplier, payable: supplier.payable - input.amount };
}
