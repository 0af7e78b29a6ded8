import type { DemoValues, UnitDemoContext } from '@kkmp/plugin-sdk';

type Day = (offset: number) => string;

const call = (d: UnitDemoContext, field: string, input: Record<string, unknown>, as: 'manager' | 'staff' = 'manager', fields = '__typename') => d.mutate(field, input, { as, fields });

/** The subsidized products (per kg, at the HET of 22 October 2025) and one market-price fertilizer. */
const PRODUCTS = [
  { sku: 'UREA', name: 'Urea bersubsidi', price: 1_800, cost: 1_700 },
  { sku: 'NPK', name: 'NPK Phonska bersubsidi', price: 1_840, cost: 1_740 },
  { sku: 'NPK-KAKAO', name: 'NPK formula kakao bersubsidi', price: 2_640, cost: 2_500 },
  { sku: 'ZA', name: 'ZA bersubsidi', price: 1_360, cost: 1_280 },
  { sku: 'ORGANIK', name: 'Petroganik bersubsidi', price: 640, cost: 590 },
  { sku: 'NPK-MUTIARA', name: 'NPK Mutiara 16-16-16 (non-subsidi)', price: 16_000, cost: 13_500 },
] as const;

/** Two farmer groups of the kelurahan; the first two farmers are the demo cooperative's members when it has them. */
function farmers(d: UnitDemoContext): { nik: string; name: string; group: string; land: string; crops: string }[] {
  const others = [
    { nik: '3205010101800011', name: 'Pak Ujang Suryana' },
    { nik: '3205014203850012', name: 'Bu Imas Rohimah' },
    { nik: '3205011507780013', name: 'Pak Dadan Hamdani' },
    { nik: '3205015509820014', name: 'Bu Yayah Komariah' },
    { nik: '3205012011750015', name: 'Pak Engkos Kosasih' },
    { nik: '3205010312880016', name: 'Pak Asep Saepudin' },
  ];
  const people = [...d.members.slice(0, 2).map((m) => ({ nik: m.nik, name: m.name })), ...others];
  return people.map((p, i) => ({ ...p, group: i % 2 === 0 ? 'Tani Makmur' : 'Sri Rejeki', land: ['0.5', '0.75', '1', '1.25'][i % 4]!, crops: i % 2 === 0 ? 'PADI;JAGUNG' : 'CABAI;BAWANG_MERAH' }));
}

function erdkk(list: ReturnType<typeof farmers>): string {
  const rows = ['nik,nama,poktan,luas_lahan_ha,komoditas,jenis_pupuk,alokasi_kg'];
  list.forEach((f, i) => {
    const ha = Number(f.land);
    rows.push(`${f.nik},${f.name},${f.group},${f.land},${f.crops},UREA,${Math.round(ha * 200)}`);
    rows.push(`${f.nik},${f.name},${f.group},${f.land},${f.crops},NPK,${Math.round(ha * 150)}`);
    if (i % 3 === 0) rows.push(`${f.nik},${f.name},${f.group},${f.land},${f.crops},ORGANIK,${Math.round(ha * 400)}`);
  });
  return rows.join('\n');
}

/** The catalog and a delivery from the distributor. */
async function stockUp(d: UnitDemoContext, day: Day): Promise<Record<string, string>> {
  const ids: Record<string, string> = {};
  for (const p of PRODUCTS) {
    ids[p.sku] = (await call(d, 'pupukCreateProduct', { idempotencyKey: `demo-pupuk-${p.sku}`, sku: p.sku, name: p.name, unitOfMeasure: 'GRAM', packSize: 1000, packName: 'kg', nonMemberPrice: p.price, memberPrice: p.price }, 'manager', 'id')).id;
  }
  const distributor = (await call(d, 'pupukCreateSupplier', { idempotencyKey: 'demo-pupuk-distributor', name: 'CV Tani Jaya (distributor Pupuk Indonesia)', kind: 'PUPUK_INDONESIA' }, 'manager', 'id')).id;
  d.setTime(day(-12), '08:00');
  await call(d, 'pupukReceiveGoods', {
    idempotencyKey: 'demo-pupuk-delivery-1',
    supplierId: distributor,
    invoiceNumber: `DO-${day(-12)}`,
    payment: 'BANK_TRANSFER',
    lines: PRODUCTS.map((p) => ({ productId: ids[p.sku], quantity: p.sku === 'NPK-MUTIARA' ? 200 : 2_000, unitCost: p.cost })),
  });
  return ids;
}

/** A kiosk with two farmer groups, the season's e-RDKK allocations, a delivery and a few days of redemptions; hands its examples the Urea product, a farmer and the import. */
export async function pupukDemo(d: UnitDemoContext): Promise<DemoValues> {
  const start = d.today();
  const day: Day = (n) => {
    const t = new Date(`${start}T00:00:00Z`);
    t.setUTCDate(t.getUTCDate() + n);
    return t.toISOString().slice(0, 10);
  };
  d.setTime(day(-14), '08:00');
  const ids = await stockUp(d, day);
  d.setTime(day(0), '07:30');
  const season = (await d.gql(`query($c: ID!) { pupukSeason(cooperativeId: $c) { code from } }`, { c: d.cooperativeId })).pupukSeason as { code: string; from: string };
  const list = farmers(d);
  let job = (await call(d, 'pupukImportAllocations', { idempotencyKey: `demo-pupuk-erdkk-${season.code}`, season: season.code, fileName: `erdkk-${season.code}-kelurahan.csv`, csv: erdkk(list) }, 'manager', 'import { id status }')).import;
  for (let i = 0; job.status === 'WRITING'; i++) job = await call(d, 'pupukContinueAllocationImport', { idempotencyKey: `demo-pupuk-erdkk-${season.code}-${i}`, importId: job.id }, 'manager', 'id status');
  // Redemptions on the days of this season so far (at most the last five), each with its proof.
  for (let n = 5; n >= 0; n--) {
    if (day(-n) < season.from) continue;
    d.setTime(day(-n), '09:15');
    const f = list[n % list.length]!;
    const lines = [{ productId: ids.UREA, quantity: 50 }, ...(n % 2 === 0 ? [{ productId: ids.NPK, quantity: 25 }] : [])];
    await call(d, 'pupukSell', { idempotencyKey: `demo-pupuk-sale-${season.code}-${n}`, lines, paymentMethod: 'CASH', buyerNik: f.nik, proofReference: `IPUBERS-${day(-n)}-${n}` }, 'staff');
  }
  d.setTime(day(0), '10:00');
  await call(d, 'pupukSell', { idempotencyKey: `demo-pupuk-market-${day(0)}`, lines: [{ productId: ids['NPK-MUTIARA'], quantity: 10 }], paymentMethod: 'QRIS' }, 'staff');
  d.setTime(day(0), '11:00');
  // The redemption tab: Pak Ujang Suryana has Urea left this season.
  return { ureaId: ids.UREA!, farmerNik: '3205010101800011', importId: job.id };
}
