import { BusinessRuleError, ValidationError, cond, decodeId, msg, positiveRupiah, text, update, z, type UnitContext, type UnitMutationContext } from '@kkmp/plugin-sdk';
import { commerceKeys, receiveGoods } from '@kkmp/commerce';
import type { LpgSettings } from '../settings';
import { EMPTIES_KEY, emptiesSchema } from './exchange';

export const month = z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/, msg('must be a month, YYYY-MM', 'harus bulan, TTTT-BB'));

/** The agent's allocation of 3 kg cylinders for a month, and how many have been delivered against it. */
export const allocationSchema = z.object({ month: z.string(), allocated: z.number().int(), delivered: z.number().int().default(0), reference: z.string() });
export type Allocation = z.output<typeof allocationSchema>;
const allocationKey = (m: string) => ['ALLOCATION', m];

/** A delivery from the agent: full cylinders in, empties back, paid cashless. */
export const deliverySchema = z.object({
  id: z.string(),
  date: z.string(),
  month: z.string(),
  full: z.number().int(),
  emptiesReturned: z.number().int(),
  unitCost: z.number().int(),
  paymentReference: z.string(),
  receiptNumber: z.string(),
  at: z.string(),
});
export type Delivery = z.output<typeof deliverySchema>;

export const setAllocationInput = z.object({
  month,
  cylinders: z.number().int().min(0, 'must not be negative / tidak boleh negatif').max(100_000),
  reference: text(200),
});

/** Sets (or revises) a month's allocation; never below what has been delivered already. */
export async function setAllocation(u: UnitMutationContext<LpgSettings>, input: z.output<typeof setAllocationInput>): Promise<Allocation> {
  const old = await u.store.get(allocationSchema, ...allocationKey(input.month));
  const delivered = old?.delivered ?? 0;
  if (input.cylinders < delivered) throw ValidationError.field('input.cylinders', `${delivered} have been delivered this month already`, `bulan ini sudah dikirim ${delivered}`);
  const next = { month: input.month, allocated: input.cylinders, delivered, reference: input.reference };
  // Deliveries ADD to `delivered`: a revision sets only the allocation and its reference, under the delivered count read.
  u.writes.update(allocationKey(input.month), old ? update().set('allocated', input.cylinders).set('reference', input.reference) : update().set('month', input.month).set('allocated', input.cylinders).set('reference', input.reference).set('delivered', 0), old ? cond.eq('delivered', delivered) : cond.notExists('allocated'));
  return next;
}

export const deliveryInput = z.object({
  supplierId: z.string(),
  fullCylinders: z.number().int().min(1, msg('must be at least 1', 'paling sedikit 1')).max(10_000),
  emptiesReturned: z.number().int().min(0, 'must not be negative / tidak boleh negatif').max(10_000),
  unitCost: positiveRupiah,
  paymentReference: text(100),
});

/**
 * A delivery from the agent, all in one transaction: the full cylinders received (stock and its cost
 * up; Dr Persediaan, Cr Bank: outlets pay the agent cashless), the empties handed back (never more
 * than on hand), and the month's allocation used (never beyond it).
 */
export async function receiveDelivery(u: UnitMutationContext<LpgSettings>, input: z.output<typeof deliveryInput>): Promise<Delivery> {
  const m = u.businessDate.slice(0, 7);
  const allocation = await u.store.get(allocationSchema, ...allocationKey(m));
  const left = allocation ? allocation.allocated - allocation.delivered : 0;
  if (input.fullCylinders > left) {
    throw new BusinessRuleError('ALLOCATION_EXCEEDED', `only ${left} cylinders of the ${m} allocation are left`, `sisa alokasi ${m} tinggal ${left} tabung`, {
      field: 'input.fullCylinders',
      details: { allocated: allocation?.allocated ?? 0, delivered: allocation?.delivered ?? 0, remaining: left, requested: input.fullCylinders },
    });
  }
  const empties = (await u.store.get(emptiesSchema, ...EMPTIES_KEY))?.empty ?? 0;
  if (input.emptiesReturned > empties) {
    throw new BusinessRuleError('NOT_ENOUGH_EMPTIES', `only ${empties} empty cylinders on hand`, `tabung kosong tinggal ${empties}`, { field: 'input.emptiesReturned', details: { available: empties, requested: input.emptiesReturned } });
  }
  const sku = await u.store.get(z.object({ productId: z.string() }), ...commerceKeys.sku(u.settings.subsidizedSku));
  if (!sku) throw ValidationError.field('input.fullCylinders', `create the product ${u.settings.subsidizedSku} first`, `buat dulu produk ${u.settings.subsidizedSku}`);
  const supplierId = decodeId(input.supplierId, 'LpgSupplier', 'input.supplierId', 1)[0]!;
  const receipt = await receiveGoods(u, { supplierId }, {
    invoiceNumber: input.paymentReference,
    payment: 'BANK_TRANSFER',
    lines: [{ productId: sku.productId, quantity: input.fullCylinders, unitCost: input.unitCost }],
  });
  u.writes.update(allocationKey(m), update().add('delivered', input.fullCylinders), cond.le('delivered', allocation!.allocated - input.fullCylinders));
  if (input.emptiesReturned > 0) u.writes.update(EMPTIES_KEY, update().add('empty', -input.emptiesReturned), cond.ge('empty', input.emptiesReturned));
  const delivery: Delivery = {
    id: receipt.id,
    date: receipt.date,
    month: m,
    full: input.fullCylinders,
    emptiesReturned: input.emptiesReturned,
    unitCost: input.unitCost,
    paymentReference: input.paymentReference,
    receiptNumber: receipt.number,
    at: receipt.at,
  };
  u.writes.create(['DELIVERY', delivery.date, delivery.id], delivery);
  return delivery;
}

/** A month's allocation, what was delivered and what is left, with the deliveries. */
export async function allocation(u: UnitContext<LpgSettings>, m: string): Promise<{ allocation: Allocation; deliveries: Delivery[] }> {
  const found = await u.store.get(allocationSchema, ...allocationKey(m));
  const deliveries = (await u.store.range(deliverySchema, ['DELIVERY', `${m}-01`], ['DELIVERY', `${m}-31~`], { first: 100 })).items;
  return { allocation: found ?? { month: m, allocated: 0, delivered: 0, reference: '' }, deliveries };
}
