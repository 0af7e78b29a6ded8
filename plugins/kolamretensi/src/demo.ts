import type { DemoValues, UnitDemoContext } from '@kkmp/plugin-sdk';

type Day = (offset: number) => string;

const call = (d: UnitDemoContext, field: string, input: Record<string, unknown>, as: 'manager' | 'staff' = 'manager', fields = '__typename') => d.mutate(field, input, { as, fields });

/** Bandung's Sirnaraga: 19,473 m³, two 450 L/s pumps, the city's alert levels (750 / 850 / 950 cm). */
export const DEMO_POND = {
  name: 'Kolam Retensi Sirnaraga',
  location: 'Jl. Sirnaraga, Kel. Sukaraja, Kec. Cicendo, Kota Bandung',
  capacityM3: 19_473,
  areaM2: 8_200,
  pumps: [{ name: 'Pompa 1', capacityLps: 450 }, { name: 'Pompa 2', capacityLps: 450 }],
  gates: ['Pintu inlet', 'Pintu outlet'],
  thresholds: { siaga3Cm: 750, siaga2Cm: 850, siaga1Cm: 950 },
  agreement: {
    number: 'PKS/012/DSDABM/2026',
    startDate: '2026-01-01',
    endDate: '2030-12-31',
    revenueShareBps: 3_000,
    obligations: ['Membersihkan saringan sampah tiap minggu', 'Pengerukan sedimen tiap 6 bulan', 'Laporan tinggi muka air dan pendapatan tiap bulan'],
  },
};

/** A rainy week, hour by hour: a storm on day 3 peaks just above Siaga 1, a shower on day 5 stays below Siaga 3. */
export function rainyWeekLevel(hour: number): number {
  return Math.round(640 + 360 * Math.exp(-(((hour - 80) / 18) ** 2)) + 90 * Math.exp(-(((hour - 130) / 10) ** 2)));
}
export const RAINY_WEEK_HOURS = 168;

/** The pond with its gauges, a week of hourly readings in the rain with the pumps run, maintenance, and a week of business. */
export async function kolamDemo(d: UnitDemoContext): Promise<DemoValues> {
  const start = d.today();
  const day: Day = (n) => new Date(Date.parse(`${start}T00:00:00Z`) + n * 86_400_000).toISOString().slice(0, 10);
  d.setTime(day(-8), '08:00');
  const pondId = (await call(d, 'kolamretensiCreatePond', { idempotencyKey: 'demo-kolam-pond', ...DEMO_POND }, 'manager', 'id')).id;
  const gauge = (await call(d, 'kolamretensiAddSensor', { idempotencyKey: 'demo-kolam-gauge', pondId, name: 'Papan duga outlet', kind: 'MANUAL' }, 'manager', 'id')).id;
  const sensor = (await call(d, 'kolamretensiAddSensor', { idempotencyKey: 'demo-kolam-sensor', pondId, name: 'Sensor ultrasonik inlet', kind: 'AUTOMATIC' }, 'manager', 'id')).id;
  await call(d, 'kolamretensiIssueSensorCredential', { idempotencyKey: 'demo-kolam-credential', sensorId: sensor, label: 'Sensor ultrasonik inlet (LoRa)' });
  const screen = (await call(d, 'kolamretensiScheduleMaintenance', { idempotencyKey: 'demo-kolam-screen', pondId, title: 'Bersihkan saringan sampah', kind: 'TRASH_SCREEN_CLEANING', intervalDays: 7, firstDue: day(-7) }, 'manager', 'id')).id;
  await call(d, 'kolamretensiScheduleMaintenance', { idempotencyKey: 'demo-kolam-dredging', pondId, title: 'Pengerukan sedimen', kind: 'DREDGING', intervalDays: 180, firstDue: day(3) });
  const cage = (await call(d, 'kolamretensiCreateCage', { idempotencyKey: 'demo-kolam-cage', pondId, name: 'KJA 1', species: 'nila' }, 'manager', 'id')).id;
  await call(d, 'kolamretensiStockCage', { idempotencyKey: 'demo-kolam-stock', cageId: cage, fish: 2_000, cost: 400_000 }, 'staff');
  await call(d, 'kolamretensiCreateRental', { idempotencyKey: 'demo-kolam-stall', pondId, tenantName: 'Warung Bu Imas', space: 'Lapak 1', kind: 'STALL', monthlyRent: 350_000, startMonth: day(-8).slice(0, 7) });
  await call(d, 'kolamretensiBillRentals', { idempotencyKey: `demo-kolam-bill-${day(-8).slice(0, 7)}`, pondId });

  // The week in the rain: the sensor's hourly readings reach the API in batches, as its buffer flushes;
  // staff read the gauge at 07:00 and 17:00 and run a pump above Siaga 3. Few calls: the dev server seeds this at every fresh start.
  const first = Date.parse(`${day(-7)}T00:00:00+07:00`);
  const hourAt = (h: number) => new Date(first + h * 3_600_000).toISOString();
  d.setTime(day(0), '08:30');
  const hours = Array.from({ length: RAINY_WEEK_HOURS }, (_, h) => h);
  for (let b = 0; b < hours.length; b += 20) {
    const readings = hours.slice(b, b + 20).map((h) => ({ at: hourAt(h), levelCm: rainyWeekLevel(h) }));
    await call(d, 'kolamretensiRecordReadings', { idempotencyKey: `demo-kolam-sensor-${b}`, sensorId: sensor, readings }, 'staff');
  }
  const gaugeHours = hours.filter((h) => h % 24 === 7 || h % 24 === 17);
  await call(d, 'kolamretensiRecordReadings', { idempotencyKey: 'demo-kolam-gauge-readings', sensorId: gauge, readings: gaugeHours.map((h) => ({ at: hourAt(h), levelCm: rainyWeekLevel(h) + 4 })) }, 'staff');
  const above = (h: number) => rainyWeekLevel(h) > DEMO_POND.thresholds.siaga3Cm;
  for (const h of hours.filter((x) => x > 0 && above(x) !== above(x - 1))) {
    await call(d, 'kolamretensiLogOperation', { idempotencyKey: `demo-kolam-pump-${h}`, pondId, kind: above(h) ? 'PUMP_ON' : 'PUMP_OFF', equipment: 'Pompa 1', at: hourAt(h), note: above(h) ? 'Di atas Siaga 3: pompa dinyalakan' : 'Kembali normal: pompa dimatikan' }, 'staff');
  }
  for (let dayIndex = 0; dayIndex < 7; dayIndex++) {
    d.setTime(day(-7 + dayIndex), '16:00');
    await call(d, 'kolamretensiSellTickets', { idempotencyKey: `demo-kolam-fishing-${dayIndex}`, pondId, kind: 'FISHING', quantity: 3 + (dayIndex % 3) }, 'staff');
    await call(d, 'kolamretensiSellTickets', { idempotencyKey: `demo-kolam-visitor-${dayIndex}`, pondId, kind: 'VISITOR', quantity: 12 + dayIndex }, 'staff');
    if (dayIndex % 2 === 0) await call(d, 'kolamretensiFeedCage', { idempotencyKey: `demo-kolam-feed-${dayIndex}`, cageId: cage, grams: 12_000, cost: 132_000 }, 'staff');
  }
  d.setTime(day(-3), '09:00');
  await call(d, 'kolamretensiLogOperation', { idempotencyKey: 'demo-kolam-screen-done', pondId, kind: 'TRASH_SCREEN_CLEANING', maintenanceId: screen, note: 'Sampah plastik sesudah hujan lebat' }, 'staff');
  d.setTime(day(-1), '10:00');
  await call(d, 'kolamretensiHarvestCage', { idempotencyKey: 'demo-kolam-harvest', cageId: cage, grams: 45_000 }, 'staff');
  await call(d, 'kolamretensiSellFish', { idempotencyKey: 'demo-kolam-fish-sale', cageId: cage, grams: 40_000, amount: 1_200_000, note: 'Pengepul Pak Dedi' }, 'staff');
  d.setTime(day(0), '09:00');
  // For the GraphiQL tabs: the pond, the staff gauge, the week shown and a reading time to record: last
  // night at 20:00, after the gauge's last reading (17:00) and in the past at any hour the tab is run
  // (today's 08:00 was still to come between midnight and 08:00 WIB, and was refused as in the future).
  return { pondId, gaugeId: gauge, weekStart: day(-7), readingAt: `${day(-1)}T20:00:00+07:00` };
}
