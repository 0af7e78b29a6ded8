import { startUnitTestHost, type UnitTestCooperative, type UnitTestHost, unitCalls } from '@kkmp/unit-testing';
import airminum from '../src/index';

export const SALE = 'id number date at total status customerClass lines { sku quantity unitPrice amount } ... on AirminumSale { containers newGallons litres complianceVersion deliveryAddress }';
const EQUIPMENT = 'id kind name status lastServiceOn dueOn litresSinceService litresLeft dueStatus';
const SELECTIONS: Record<string, string> = {
  airminumSell: SALE,
  airminumVoidSale: 'id status',
  airminumRecordSlhs: 'id number issuedOn expiresOn',
  airminumRecordWaterTest: 'id sampledOn reportedOn passed nextDueOn results { parameter value min max within }',
  airminumInstallEquipment: EQUIPMENT,
  airminumRecordMaintenance: EQUIPMENT,
  airminumSetEquipmentStatus: `equipment { ${EQUIPMENT} } change { status at litresTotal complianceVersion }`,
};

/** Results of a passing test (every parameter within the default limits). */
export const CLEAN = [
  { parameter: 'E_COLI', value: '0' },
  { parameter: 'TOTAL_COLIFORM', value: '0' },
  { parameter: 'TDS', value: '120' },
  { parameter: 'TURBIDITY', value: '0.8' },
  { parameter: 'PH', value: '7.2' },
  { parameter: 'COLOUR', value: '3' },
  { parameter: 'FE', value: '0.05' },
  { parameter: 'MN', value: '0.01' },
];
/** The same with coliform found: a failed test. */
export const DIRTY = CLEAN.map((r) => (r.parameter === 'TOTAL_COLIFORM' ? { ...r, value: '12' } : r));

/** A depot on the test host: calls return the result union as JSON; `ok` throws unless it succeeded. */
export interface Depot {
  host: UnitTestHost;
  coop: UnitTestCooperative;
  run(field: string, input: Record<string, unknown>, token?: string): Promise<any>;
  ok(field: string, input: Record<string, unknown>, token?: string): Promise<any>;
  query(q: string, vars?: Record<string, unknown>, token?: string): Promise<any>;
  products(): Promise<{ refill: string; gallon: string }>;
  sell(refills: number, newGallons?: number, extra?: Record<string, unknown>): Promise<any>;
  /** SLHS, a passing test and a working UV lamp: an open depot. Returns the lamp's id. */
  open(from: string): Promise<string>;
  close(): Promise<void>;
}

export async function startDepot(settings: Record<string, unknown> = {}, host?: UnitTestHost): Promise<Depot> {
  host ??= await startUnitTestHost([airminum]);
  const coop = host.a;
  await host.enable(coop, 'airminum', settings);
  const { run, ok, query } = unitCalls(host, coop, SELECTIONS);
  let ids: { refill: string; gallon: string } | undefined;
  const products = async () => {
    if (ids) return ids;
    const d = await query(`query($c: ID!) { airminumProducts(cooperativeId: $c, first: 10) { edges { node { id sku } } } }`);
    const bySku = Object.fromEntries(d.airminumProducts.edges.map((e: any) => [e.node.sku, e.node.id]));
    ids = { refill: bySku['AIR-ISI-ULANG'], gallon: bySku['GALON-BARU'] };
    return ids;
  };
  /** A sale of `refills` containers filled, `newGallons` of them new plain gallons; `extra.token` sells as someone else than the cashier. */
  const sell = async (refills: number, newGallons = 0, extra: Record<string, unknown> = {}) => {
    const p = await products();
    const { token, ...rest } = extra;
    const lines = [{ productId: p.refill, quantity: refills }, ...(newGallons ? [{ productId: p.gallon, quantity: newGallons }] : [])];
    return run('airminumSell', { lines, paymentMethod: 'CASH', ...rest }, (token as string | undefined) ?? coop.staff);
  };
  return {
    host,
    coop,
    run,
    ok,
    query,
    products,
    sell,
    open: async (from) => {
      await ok('airminumRecordSlhs', { number: 'SLHS/001/2026', issuer: 'Dinas Kesehatan Kota Bandung', issuedOn: from, expiresOn: '2029-01-31', inspectionScore: 82 });
      await ok('airminumRecordWaterTest', { sampledOn: from, reportedOn: from, lab: 'Labkesda Kota Bandung', results: CLEAN });
      return (await ok('airminumInstallEquipment', { kind: 'UV_LAMP', name: 'Lampu UV 1 GPM', installedOn: from, intervalMonths: 12 })).id;
    },
    close: () => host.close(),
  };
}
