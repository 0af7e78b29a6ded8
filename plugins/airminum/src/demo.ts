import type { DemoValues, UnitDemoContext } from '@kkmp/plugin-sdk';

type Day = (offset: number) => string;

const call = (d: UnitDemoContext, field: string, input: Record<string, unknown>, as: 'manager' | 'staff' = 'manager', fields = '__typename') => d.mutate(field, input, { as, fields });

const results = (coliform: string) => [
  { parameter: 'E_COLI', value: '0' },
  { parameter: 'TOTAL_COLIFORM', value: coliform },
  { parameter: 'TDS', value: '86' },
  { parameter: 'TURBIDITY', value: '0.6' },
  { parameter: 'PH', value: '7.1' },
  { parameter: 'COLOUR', value: '2' },
  { parameter: 'FE', value: '0.04' },
  { parameter: 'MN', value: '0.02' },
];

/** Certificate, first test, filters, membrane and the UV lamp: an open depot a month ago. */
async function openDepot(d: UnitDemoContext, day: Day): Promise<string> {
  await call(d, 'airminumRecordSlhs', { idempotencyKey: 'demo-air-slhs', number: 'SLHS/443.51/DKK/2026', issuer: 'Dinas Kesehatan Kota', issuedOn: day(-32), expiresOn: day(3 * 365), inspectionScore: 84 });
  await call(d, 'airminumRecordWaterTest', { idempotencyKey: 'demo-air-test-1', sampledOn: day(-34), reportedOn: day(-31), lab: 'Labkesda Kota', reference: 'LHU/0112', results: results('0') });
  const equipment = [
    { kind: 'SEDIMENT_FILTER', name: 'Filter sedimen 5 mikron', installedOn: day(-170), intervalMonths: 6 },
    { kind: 'CARBON_FILTER', name: 'Filter karbon aktif', installedOn: day(-60), intervalMonths: 9, intervalLitres: 30_000 },
    { kind: 'RO_MEMBRANE', name: 'Membran RO 400 GPD', installedOn: day(-200), intervalMonths: 15 },
  ];
  for (const e of equipment) await call(d, 'airminumInstallEquipment', { idempotencyKey: `demo-air-eq-${e.kind}`, ...e });
  return (await call(d, 'airminumInstallEquipment', { idempotencyKey: 'demo-air-eq-uv', kind: 'UV_LAMP', name: 'Lampu UV 25 W', installedOn: day(-31), intervalMonths: 12 }, 'manager', 'id')).id;
}

/** What happened on a day besides the sales: the failed test, the filter replaced, the retest, the lamp down for a morning. */
async function events(d: UnitDemoContext, day: Day, n: number, lamp: string, sediment: string): Promise<void> {
  if (n === 14) {
    d.setTime(day(-n), '06:45');
    await call(d, 'airminumRecordWaterTest', { idempotencyKey: 'demo-air-test-2', sampledOn: day(-17), reportedOn: day(-14), lab: 'Labkesda Kota', reference: 'LHU/0187', results: results('9') });
  }
  if (n === 13) {
    d.setTime(day(-n), '10:00');
    await call(d, 'airminumRecordMaintenance', { idempotencyKey: 'demo-air-maint-1', equipmentId: sediment, action: 'REPLACED', note: 'Filter sedimen diganti setelah uji gagal; tandon dikuras', cost: 65_000 }, 'staff');
  }
  if (n === 11) {
    d.setTime(day(-n), '06:45');
    await call(d, 'airminumRecordWaterTest', { idempotencyKey: 'demo-air-test-3', sampledOn: day(-13), reportedOn: day(-11), lab: 'Labkesda Kota', reference: 'LHU/0193', results: results('0') });
  }
  if (n === 5) {
    d.setTime(day(-n), '06:30');
    await call(d, 'airminumSetEquipmentStatus', { idempotencyKey: 'demo-air-uv-down', equipmentId: lamp, status: 'DOWN', reason: 'Lampu UV putus' }, 'staff');
    d.setTime(day(-n), '10:30');
    await call(d, 'airminumSetEquipmentStatus', { idempotencyKey: 'demo-air-uv-up', equipmentId: lamp, status: 'WORKING', reason: 'Lampu UV baru dipasang' });
  }
}

/**
 * A depot with a month of sales (two a day, three to eight gallons each: own gallons, now and then a new gallon, members
 * and walk-ins); a failed test (coliform) that stopped sales from its report until the passing retest
 * three days later; the sediment filter replaced; the UV lamp down for a morning (no sales until repaired).
 */
export async function airminumDemo(d: UnitDemoContext): Promise<DemoValues> {
  const start = d.today();
  const day: Day = (n) => {
    const t = new Date(`${start}T00:00:00Z`);
    t.setUTCDate(t.getUTCDate() + n);
    return t.toISOString().slice(0, 10);
  };
  d.setTime(day(-31), '08:00');
  const lamp = await openDepot(d, day);
  const q = await d.gql(`query($c: ID!) { airminumProducts(cooperativeId: $c, first: 10) { edges { node { id sku } } } airminumEquipment(cooperativeId: $c) { id kind } }`, { c: d.cooperativeId });
  const bySku = Object.fromEntries(q.airminumProducts.edges.map((e: any) => [e.node.sku, e.node.id]));
  const sediment = q.airminumEquipment.find((e: any) => e.kind === 'SEDIMENT_FILTER').id;
  for (let n = 30; n >= 1; n--) {
    await events(d, day, n, lamp, sediment);
    if (n >= 12 && n <= 14) continue; // the failed test closed sales
    for (let i = n === 5 ? 1 : 0; i < 2; i++) {
      d.setTime(day(-n), `${String(8 + i * 5).padStart(2, '0')}:20`);
      const lines = [{ productId: bySku['AIR-ISI-ULANG'], quantity: 3 + ((n + i) % 6) }, ...(i === 1 && n % 4 === 0 ? [{ productId: bySku['GALON-BARU'], quantity: 1 }] : [])];
      const member = d.members.length ? d.members[(n + i) % d.members.length] : undefined;
      await call(d, 'airminumSell', { idempotencyKey: `demo-air-sale-${n}-${i}`, lines, paymentMethod: i === 1 ? 'QRIS' : 'CASH', ...(i % 2 === 0 && member ? { memberId: member.id } : {}) }, 'staff');
    }
  }
  d.setTime(day(0), '09:00');
  // The sale tab: the two products (a refill, a new gallon's container charge).
  return { refillId: bySku['AIR-ISI-ULANG'], gallonId: bySku['GALON-BARU'] };
}
