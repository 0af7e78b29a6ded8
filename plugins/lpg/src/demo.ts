import type { DemoValues, UnitDemoContext } from '@kkmp/plugin-sdk';

type Day = (offset: number) => string;

const call = (d: UnitDemoContext, field: string, input: Record<string, unknown>, as: 'manager' | 'staff' = 'manager', fields = '__typename') => d.mutate(field, input, { as, fields });

/** Registered buyers of the demo kelurahan (Garut): households with their KK, two warungs with their NIB. */
const BUYERS = [
  { nik: '3205014501850001', name: 'Bu Siti Aminah', buyerType: 'RUMAH_TANGGA', kkNumber: '3205010101100001' },
  { nik: '3205011203800002', name: 'Pak Dadang', buyerType: 'RUMAH_TANGGA', kkNumber: '3205010101100002' },
  { nik: '3205015706880003', name: 'Bu Euis', buyerType: 'RUMAH_TANGGA', kkNumber: '3205010101100003' },
  { nik: '3205010809750004', name: 'Pak Ujang', buyerType: 'RUMAH_TANGGA', kkNumber: '3205010101100004' },
  { nik: '3205016210900005', name: 'Warung Bu Ela', buyerType: 'USAHA_MIKRO', nib: '9120001234567' },
  { nik: '3205011501820006', name: 'Gorengan Pak Asep', buyerType: 'USAHA_MIKRO', nib: '9120007654321' },
] as const;

/** Products and the HET: Garut Rp19,500 within 60 km (this outlet), Rp20,500 beyond. */
async function catalog(d: UnitDemoContext, day: Day): Promise<Record<string, string>> {
  const ids: Record<string, string> = {};
  const products = [
    { sku: 'LPG-3KG', name: 'LPG 3 kg isi ulang (subsidi)', price: 19_500, stocked: true },
    { sku: 'TABUNG-3KG', name: 'Tabung 3 kg baru (deposit)', price: 150_000, stocked: false },
    { sku: 'LPG-12KG', name: 'LPG 12 kg (non-subsidi)', price: 210_000, stocked: true },
  ];
  for (const p of products) {
    const r = await call(d, 'lpgCreateProduct', { idempotencyKey: `demo-lpg-${p.sku}`, sku: p.sku, name: p.name, unitOfMeasure: 'PIECE', packSize: 1, packName: 'tabung', stocked: p.stocked, nonMemberPrice: p.price, memberPrice: p.price }, 'manager', 'id');
    ids[p.sku] = r.id;
  }
  for (const [region, amount] of [['GARUT-60KM', 19_500], ['GARUT-LUAR-60KM', 20_500]] as const) {
    await call(d, 'lpgSetCeilingPrice', { idempotencyKey: `demo-lpg-het-${region}`, productId: ids['LPG-3KG'], region, amount, perQuantity: 1, effectiveFrom: day(-60), reference: 'Keputusan Bupati Garut tentang HET LPG 3 kg' });
  }
  return ids;
}

/** A month at the outlet: weekly deliveries from the agent (empties back), three exchanges a day. */
async function month(d: UnitDemoContext, ids: Record<string, string>, day: Day): Promise<void> {
  const agent = (await call(d, 'lpgCreateSupplier', { idempotencyKey: 'demo-lpg-agent', name: 'PT Agen Gas Garut Sejahtera', kind: 'PERTAMINA' }, 'manager', 'id')).id;
  for (const m of new Set([day(-28).slice(0, 7), day(0).slice(0, 7)])) {
    await call(d, 'lpgSetAllocation', { idempotencyKey: `demo-lpg-alloc-${m}`, month: m, cylinders: 240, reference: `Alokasi agen ${m}` });
  }
  let empties = 0;
  for (let n = 28; n >= 1; n--) {
    if (n % 7 === 0) {
      d.setTime(day(-n), '07:30');
      await call(d, 'lpgReceiveDelivery', { idempotencyKey: `demo-lpg-delivery-${n}`, supplierId: agent, fullCylinders: 60, emptiesReturned: empties, unitCost: 16_000, paymentReference: `TRF-AGEN-${day(-n)}` });
      empties = 0;
    }
    for (let i = 0; i < 3; i++) {
      d.setTime(day(-n), `${String(8 + i * 3).padStart(2, '0')}:10`);
      const buyer = BUYERS[(n + i) % BUYERS.length]!;
      const noEmpty = n === 20 && i === 0; // once a month, a new cylinder with its deposit
      const lines = [{ productId: ids['LPG-3KG'], quantity: 1 }, ...(noEmpty ? [{ productId: ids['TABUNG-3KG'], quantity: 1 }] : [])];
      await call(d, 'lpgSell', { idempotencyKey: `demo-lpg-sale-${n}-${i}`, lines, paymentMethod: i === 2 ? 'QRIS' : 'CASH', buyerNik: buyer.nik }, 'staff');
      if (!noEmpty) empties += 1;
    }
  }
}

/** An outlet with its buyers, the HET, a month of deliveries and sales. */
export async function lpgDemo(d: UnitDemoContext): Promise<DemoValues> {
  const start = d.today();
  const day: Day = (n) => {
    const t = new Date(`${start}T00:00:00Z`);
    t.setUTCDate(t.getUTCDate() + n);
    return t.toISOString().slice(0, 10);
  };
  d.setTime(day(-30), '08:00');
  const ids = await catalog(d, day);
  for (const b of BUYERS) {
    await call(d, 'lpgRegisterBuyer', { idempotencyKey: `demo-lpg-buyer-${b.nik}`, ...b }, 'staff');
    await call(d, 'lpgVerifyBeneficiary', { idempotencyKey: `demo-lpg-verify-${b.nik}`, nik: b.nik, reference: b.buyerType === 'RUMAH_TANGGA' ? 'KTP + KK' : 'KTP + NIB + foto usaha' });
  }
  await month(d, ids, day);
  d.setTime(day(0), '09:00');
  // The sale tab: a verified household buyer exchanges a 3 kg cylinder.
  return { refillId: ids['LPG-3KG']!, buyerNik: BUYERS[0].nik };
}
