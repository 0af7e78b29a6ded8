import { encodeId, z, type Builder, type UnitSchemaKit } from '@kkmp/plugin-sdk';
import { month, allocation, deliveryInput, receiveDelivery, setAllocation, setAllocationInput, type Allocation, type Delivery } from '../services/supply';
import type { LpgSettings } from '../settings';

/** Supply from the agent: `lpgSetAllocation`, `lpgReceiveDelivery` and `lpgAllocation` (what is left of the month). */
export function registerSupply(b: Builder, unit: UnitSchemaKit<LpgSettings>): void {
  const AllocationRef = b.objectRef<Allocation>('LpgAllocation').implement({
    description: "The agent's monthly allocation of 3 kg cylinders.",
    fields: (t) => ({
      month: t.exposeString('month', { description: 'YYYY-MM.' }),
      allocated: t.exposeInt('allocated', { description: 'Cylinders allocated for the month.' }),
      delivered: t.exposeInt('delivered', { description: 'Full cylinders delivered against it.' }),
      remaining: t.int({ description: 'allocated − delivered.', resolve: (a) => a.allocated - a.delivered }),
      reference: t.exposeString('reference', { description: "The agent's allocation letter or order." }),
    }),
  });
  const DeliveryRef = b.objectRef<Delivery>('LpgDelivery').implement({
    description: 'A delivery from the agent: full cylinders in, empties back, paid cashless.',
    fields: (t) => ({
      id: t.id({ description: 'Delivery id (the goods receipt).', resolve: (d) => encodeId('LpgDelivery', d.id) }),
      date: t.expose('date', { type: 'Date', description: 'Business date.' }),
      full: t.exposeInt('full', { description: 'Full 3 kg cylinders received.' }),
      emptiesReturned: t.exposeInt('emptiesReturned', { description: 'Empty cylinders handed back to the agent.' }),
      unitCost: t.expose('unitCost', { type: 'Rupiah', description: 'Agent price per cylinder.' }),
      paymentReference: t.exposeString('paymentReference', { description: 'Reference of the cashless payment to the agent.' }),
      receiptNumber: t.exposeString('receiptNumber', { description: 'Goods receipt number (GR-...).' }),
    }),
  });
  const MonthRef = b.objectRef<{ allocation: Allocation; deliveries: Delivery[] }>('LpgSupplyMonth').implement({
    description: "A month's allocation and its deliveries.",
    fields: (t) => ({
      allocation: t.field({ type: AllocationRef, description: 'The allocation (0 when none was set).', resolve: (m) => m.allocation }),
      deliveries: t.field({ type: [DeliveryRef], description: 'Deliveries in date order.', resolve: (m) => m.deliveries }),
    }),
  });
  unit.mutation('setAllocation', {
    type: AllocationRef,
    description: "Sets or revises the agent's allocation for a month (never below what was delivered).",
    permission: 'lpg:manage',
    input: (t) => ({
      month: t.string({ description: 'YYYY-MM.' }),
      cylinders: t.int({ description: '3 kg cylinders allocated.' }),
      reference: t.string({ description: "The agent's allocation letter or order." }),
    }),
    schema: setAllocationInput,
    resolve: (input, u) => setAllocation(u, input),
  });
  unit.mutation('receiveDelivery', {
    type: DeliveryRef,
    description: "A delivery from the agent in one transaction: full cylinders in (Dr Persediaan, Cr Bank), empties back, the month's allocation used.",
    permission: 'lpg:manage',
    businessEvent: true,
    input: (t) => ({
      supplierId: t.id({ description: 'The agent (a supplier).' }),
      fullCylinders: t.int({ description: 'Full 3 kg cylinders received.' }),
      emptiesReturned: t.int({ description: 'Empty cylinders handed back (0 or more).' }),
      unitCost: t.field({ type: 'Rupiah', description: 'Agent price per cylinder.' }),
      paymentReference: t.string({ description: 'Reference of the cashless payment to the agent.' }),
    }),
    schema: deliveryInput,
    resolve: (input, u) => receiveDelivery(u, input),
  });
  unit.query('supplyMonth', {
    type: MonthRef,
    description: "A month's allocation, what is left of it, and its deliveries (this month unless given).",
    permission: 'lpg:read',
    args: (t) => ({ month: t.string({ required: false, description: 'YYYY-MM.' }) }),
    schema: z.object({ month: month.nullish() }),
    resolve: (args, u) => allocation(u, args.month ?? u.today().slice(0, 7)),
  });
}
