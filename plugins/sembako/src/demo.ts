import type { DemoValues, UnitDemoContext } from '@kkmp/plugin-sdk';

/** Prices as seen in 2025 (Bulog warehouse price about Rp11,300/kg for SPHP rice; HET Zona 1 Rp12,500/kg). */
const CATALOG = [
  { sku: 'BERAS-SPHP-5KG', name: 'Beras SPHP 5 kg', category: 'Beras', unitOfMeasure: 'GRAM', packSize: 5000, packName: 'pak 5 kg', cost: 56_500, member: 61_000, public: 62_500, reorder: 20, het: { amount: 12_500, per: 1000, ref: 'Keputusan Kepala Bapanas 2025 (Zona 1)' } },
  { sku: 'BERAS-PREMIUM-5KG', name: 'Beras Premium 5 kg', category: 'Beras', unitOfMeasure: 'GRAM', packSize: 5000, packName: 'pak 5 kg', cost: 69_000, member: 72_500, public: 74_500, reorder: 10, het: { amount: 14_900, per: 1000, ref: 'Perbadan 5/2024 (Zona 1)' } },
  { sku: 'GULA-1KG', name: 'Gula Pasir 1 kg', category: 'Gula', unitOfMeasure: 'GRAM', packSize: 1000, packName: 'kg', cost: 16_000, member: 17_000, public: 17_500, reorder: 15, het: { amount: 18_000, per: 1000, ref: 'Perbadan 2025 gula konsumsi' } },
  { sku: 'MINYAKITA-1L', name: 'Minyakita 1 liter', category: 'Minyak goreng', unitOfMeasure: 'MILLILITRE', packSize: 1000, packName: 'liter', cost: 14_500, member: 15_200, public: 15_700, reorder: 24, het: { amount: 15_700, per: 1000, ref: 'Permendag 18/2024' } },
  { sku: 'TERIGU-1KG', name: 'Tepung Terigu 1 kg', category: 'Tepung', unitOfMeasure: 'GRAM', packSize: 1000, packName: 'kg', cost: 10_500, member: 11_500, public: 12_000, reorder: 10 },
  { sku: 'TELUR-10', name: 'Telur Ayam (10 butir)', category: 'Telur', unitOfMeasure: 'PIECE', packSize: 10, packName: 'isi 10', cost: 17_000, member: 18_500, public: 19_500, reorder: 10 },
] as const;

const ok = (r: Record<string, { __typename: string; data?: any; messageEn?: string }>) => {
  const [name, v] = Object.entries(r)[0]!;
  if (!v.__typename.endsWith('Success')) throw new Error(`demo ${name}: ${v.__typename} ${v.messageEn ?? ''}`);
  return v.data;
};
const result = (field: string, fields: string) => `${field}(input: $input) { __typename ... on Error { messageEn } ... on ${field[0]!.toUpperCase()}${field.slice(1)}Success { data { ${fields} } } }`;

type Day = (offset: number) => string;

/** The catalog with prices and, where a decree sets one, the HET; returns product ids by SKU. */
async function addCatalog(d: UnitDemoContext, day: Day): Promise<Record<string, string>> {
  const ids: Record<string, string> = {};
  for (const p of CATALOG) {
    const product = ok(
      await d.gql(`mutation($input: SembakoCreateProductInput!) { ${result('sembakoCreateProduct', 'id')} }`, {
        input: { cooperativeId: d.cooperativeId, idempotencyKey: `demo-product-${p.sku}`, sku: p.sku, name: p.name, category: p.category, unitOfMeasure: p.unitOfMeasure, packSize: p.packSize, packName: p.packName, reorderLevel: p.reorder, nonMemberPrice: p.public, memberPrice: p.member },
      }),
    );
    ids[p.sku] = product.id;
    if ('het' in p) {
      ok(
        await d.gql(`mutation($input: SembakoSetCeilingPriceInput!) { ${result('sembakoSetCeilingPrice', 'id')} }`, {
          input: { cooperativeId: d.cooperativeId, idempotencyKey: `demo-het-${p.sku}`, productId: product.id, amount: p.het.amount, perQuantity: p.het.per, effectiveFrom: day(-8), reference: p.het.ref },
        }),
      );
    }
  }
  return ids;
}

/** Suppliers, a Bulog order on credit, and deliveries from Bulog, ID Food and a local farm. */
async function buyStock(d: UnitDemoContext, ids: Record<string, string>, day: Day): Promise<void> {
  const coop = d.cooperativeId;
  const supplier = async (name: string, kind: string) =>
    ok(await d.gql(`mutation($input: SembakoCreateSupplierInput!) { ${result('sembakoCreateSupplier', 'id')} }`, { input: { cooperativeId: coop, idempotencyKey: `demo-supplier-${kind}`, name, kind, contact: 'Bagian penjualan' } })).id as string;
  const bulog = await supplier('Perum Bulog Kanwil Jawa Barat', 'BULOG');
  const idFood = await supplier('ID Food (PT RNI) Bandung', 'ID_FOOD');
  const eggs = await supplier('Peternakan Ayam Lembang', 'OTHER');
  const rice = [
    { productId: ids['BERAS-SPHP-5KG'], quantity: 100, unitCost: 56_500 },
    { productId: ids['BERAS-PREMIUM-5KG'], quantity: 30, unitCost: 69_000 },
  ];
  const order = ok(
    await d.gql(`mutation($input: SembakoCreatePurchaseOrderInput!) { ${result('sembakoCreatePurchaseOrder', 'id')} }`, {
      input: { cooperativeId: coop, idempotencyKey: 'demo-po-bulog-1', supplierId: bulog, lines: rice },
    }),
  );
  d.setTime(day(-7), '07:30');
  const receive = (key: string, input: Record<string, unknown>) =>
    d.gql(`mutation($input: SembakoReceiveGoodsInput!) { ${result('sembakoReceiveGoods', 'id')} }`, { input: { cooperativeId: coop, idempotencyKey: key, ...input } }).then(ok);
  await receive('demo-gr-bulog-1', { purchaseOrderId: order.id, payment: 'CREDIT', invoiceNumber: 'BLG/JBR/2025/0412', lines: rice });
  await receive('demo-gr-idfood-1', { supplierId: idFood, payment: 'BANK_TRANSFER', lines: [{ productId: ids['GULA-1KG'], quantity: 50, unitCost: 16_000 }, { productId: ids['MINYAKITA-1L'], quantity: 60, unitCost: 14_500 }, { productId: ids['TERIGU-1KG'], quantity: 30, unitCost: 10_500 }] });
  await receive('demo-gr-eggs-1', { supplierId: eggs, payment: 'CASH', lines: [{ productId: ids['TELUR-10'], quantity: 30, unitCost: 17_000 }] });
}

const BASKETS: { sku: string; q: number }[][] = [
  [{ sku: 'BERAS-SPHP-5KG', q: 1 }, { sku: 'MINYAKITA-1L', q: 2 }],
  [{ sku: 'GULA-1KG', q: 2 }, { sku: 'TELUR-10', q: 1 }, { sku: 'TERIGU-1KG', q: 1 }],
  [{ sku: 'BERAS-PREMIUM-5KG', q: 1 }],
  [{ sku: 'BERAS-SPHP-5KG', q: 2 }, { sku: 'GULA-1KG', q: 1 }],
];

/** A week at the counter: a few sales a day, members and the public, cash and QRIS. */
async function sellForAWeek(d: UnitDemoContext, ids: Record<string, string>, day: Day): Promise<void> {
  for (let n = 7; n >= 1; n--) {
    for (const [i, basket] of BASKETS.entries()) {
      d.setTime(day(-n), `${String(8 + i * 2).padStart(2, '0')}:15`);
      // SPHP rice is limited per buyer per week: rice baskets go to different walk-in buyers (by NIK);
      // the other baskets go to members, who pay member prices.
      const needsNik = basket.some((l) => l.sku === 'BERAS-SPHP-5KG');
      const member = needsNik ? undefined : d.members[(n + i) % d.members.length];
      const buyerNik = `3273211${n}0390${String(i + 1).padStart(4, '0')}`; // born 1n-03-1990, Kota Bandung
      ok(
        await d.gql(`mutation($input: SembakoSellInput!) { ${result('sembakoSell', 'number')} }`, {
          input: {
            cooperativeId: d.cooperativeId,
            idempotencyKey: `demo-sale-${n}-${i}`,
            lines: basket.map((l) => ({ productId: ids[l.sku], quantity: l.q })),
            paymentMethod: i % 3 === 1 ? 'QRIS' : 'CASH',
            ...(member ? { memberId: member.id } : { buyerNik, buyerName: 'Pembeli umum' }),
          },
        }, 'staff'),
      );
    }
  }
}

/** A shop with a realistic catalog, a Bulog delivery and a week of counter sales. */
export async function sembakoDemo(d: UnitDemoContext): Promise<DemoValues> {
  const start = d.today();
  const day: Day = (n) => {
    const t = new Date(`${start}T00:00:00Z`);
    t.setUTCDate(t.getUTCDate() + n);
    return t.toISOString().slice(0, 10);
  };
  d.setTime(day(-8), '08:00');
  const ids = await addCatalog(d, day);
  await buyStock(d, ids, day);
  await sellForAWeek(d, ids, day);
  d.setTime(day(0), '09:00');
  // The sale tab sells a pack of eggs (no per-buyer limit, so it runs again and again).
  return { productId: ids['TELUR-10']! };
}
