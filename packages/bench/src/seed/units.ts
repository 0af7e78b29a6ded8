import type { BenchApi } from '../env';
import type { CoopPeople, Member } from './coop';
import { mutate, pool } from './client';

/** Stock for the sale scenarios: enough that no run sells out. */
const DEEP_STOCK = 200_000;

/** The shop's catalog grown to `count` products with stock, and the sold ones stocked deep. */
export async function seedShop(api: BenchApi, cooperativeId: string, people: CoopPeople, count: number): Promise<Record<string, string>> {
  const existing = await productIds(api, cooperativeId, people.staff);
  const extra = count - Object.keys(existing).length;
  const created: { id: string; cost: number }[] = [];
  await pool(
    Array.from({ length: Math.max(0, extra) }, (_, i) => i),
    6,
    async (i) => {
      const cost = 5_000 + (i % 40) * 500;
      const p = await mutate(
        api,
        people.manager,
        'sembakoCreateProduct',
        { cooperativeId, sku: `BENCH-${String(i + 1).padStart(4, '0')}`, name: `Barang ${i + 1}`, category: `Kategori ${i % 7}`, unitOfMeasure: 'PIECE', packSize: 1, packName: 'pcs', reorderLevel: 5, nonMemberPrice: cost + 1_500, memberPrice: cost + 1_000 },
        'id',
      );
      created.push({ id: p.id, cost });
    },
  );
  const supplier = await mutate(api, people.manager, 'sembakoCreateSupplier', { cooperativeId, name: 'Distributor Bench', kind: 'OTHER' }, 'id');
  const lines = [
    ...created.map((p) => ({ productId: p.id, quantity: 100, unitCost: p.cost })),
    ...['TELUR-10', 'GULA-1KG', 'TERIGU-1KG'].map((sku) => ({ productId: existing[sku]!, quantity: DEEP_STOCK, unitCost: 15_000 })),
  ];
  for (let i = 0; i < lines.length; i += 25) {
    await mutate(api, people.manager, 'sembakoReceiveGoods', { cooperativeId, supplierId: supplier.id, payment: 'CREDIT', lines: lines.slice(i, i + 25) });
  }
  return existing;
}

async function productIds(api: BenchApi, cooperativeId: string, token: string): Promise<Record<string, string>> {
  const data = await api.http.gql(`query($c: ID!) { sembakoProducts(cooperativeId: $c, first: 100) { edges { node { id sku } } } }`, { c: cooperativeId }, token);
  return Object.fromEntries(data.sembakoProducts.edges.map((e: any) => [e.node.sku, e.node.id]));
}

/** A month's allocation and a delivery deep enough for the LPG sale scenario. */
export async function seedLpg(api: BenchApi, cooperativeId: string, people: CoopPeople, today: string): Promise<void> {
  await mutate(api, people.manager, 'lpgSetAllocation', { cooperativeId, month: today.slice(0, 7), cylinders: 100_000, reference: 'Alokasi bench' });
  const agent = await mutate(api, people.manager, 'lpgCreateSupplier', { cooperativeId, name: 'Agen Bench', kind: 'PERTAMINA' }, 'id');
  await mutate(api, people.manager, 'lpgReceiveDelivery', { cooperativeId, supplierId: agent.id, fullCylinders: 10_000, emptiesReturned: 0, unitCost: 16_000, paymentReference: 'TRF-BENCH' });
}

/** `count` members (after the demo's first two) save, borrow and get their loans disbursed. */
export async function seedLoans(api: BenchApi, cooperativeId: string, people: CoopPeople, members: Member[], count: number): Promise<void> {
  const products = await api.http.gql(
    `query($c: ID!) { simpanpinjamSavingsProducts(cooperativeId: $c) { id } simpanpinjamLoanProducts(cooperativeId: $c) { id } }`,
    { c: cooperativeId },
    people.manager,
  );
  const savingsProduct = products.simpanpinjamSavingsProducts[0].id;
  const loanProduct = products.simpanpinjamLoanProducts[0].id;
  const borrowers = members.slice(2, 2 + count);
  // Deposits first (they bring the cash the loans are paid out of).
  const accounts: string[] = [];
  await pool(borrowers, 6, async (m, i) => {
    const account = await mutate(api, people.staff, 'simpanpinjamOpenSavingsAccount', { cooperativeId, memberId: m.id, productId: savingsProduct }, 'id');
    await mutate(api, people.staff, 'simpanpinjamDeposit', { cooperativeId, accountId: account.id, amount: 1_500_000 });
    accounts[i] = account.id;
  });
  await pool(borrowers, 6, async (m, i) => {
    const loan = await mutate(api, people.staff, 'simpanpinjamApplyForLoan', { cooperativeId, memberId: m.id, productId: loanProduct, amount: 1_000_000 + (i % 5) * 100_000, termMonths: 6 + (i % 3) * 6, purpose: 'Modal usaha' }, 'id');
    await mutate(api, people.manager, 'simpanpinjamApproveLoan', { cooperativeId, loanId: loan.id });
    await mutate(api, people.staff, 'simpanpinjamDisburseLoan', { cooperativeId, loanId: loan.id });
  });
}

/**
 * Urea for the redemption scenario: the bench farmers' season allocation revised up (a later import for
 * the season revises the rows it names) and a delivery to match. The demo's allocations (100-250 kg a
 * farmer) run out within one run: three rounds of about 4.5 s at concurrency 10, 1 kg a redemption,
 * round the farmers, plus the floor's recording.
 */
export async function seedPupuk(api: BenchApi, cooperativeId: string, people: CoopPeople, farmerNiks: string[], ureaId: string): Promise<void> {
  const season = (await api.http.gql(`query($c: ID!) { pupukSeason(cooperativeId: $c) { code } }`, { c: cooperativeId }, people.manager)).pupukSeason.code as string;
  const csv = ['nik,nama,poktan,luas_lahan_ha,komoditas,jenis_pupuk,alokasi_kg', ...farmerNiks.map((nik, i) => `${nik},Petani Bench ${i + 1},Tani Makmur,2,PADI,UREA,${BENCH_UREA_KG}`)].join('\n');
  let job = (await mutate(api, people.manager, 'pupukImportAllocations', { cooperativeId, season, fileName: `erdkk-${season}-bench.csv`, csv }, 'import { id status }')).import;
  while (job.status === 'WRITING') job = await mutate(api, people.manager, 'pupukContinueAllocationImport', { cooperativeId, importId: job.id }, 'id status');
  if (job.status !== 'COMPLETE') throw new Error(`bench seed: the Urea allocation import ended ${job.status}`);
  const distributor = await mutate(api, people.manager, 'pupukCreateSupplier', { cooperativeId, name: 'Distributor Bench', kind: 'PUPUK_INDONESIA' }, 'id');
  await mutate(api, people.manager, 'pupukReceiveGoods', { cooperativeId, supplierId: distributor.id, payment: 'CREDIT', lines: [{ productId: ureaId, quantity: BENCH_UREA_KG * farmerNiks.length, unitCost: 1_700 }] });
}

/** kg of Urea each bench farmer may redeem this season (the import takes up to 100,000 kg a row). */
const BENCH_UREA_KG = 20_000;

/** Gauges the pond-reading scenario goes round: one staff reading per gauge at a time, as at a real pond. */
export const BENCH_GAUGES = 10;

/** Manual gauges on the demo pond, each with no reading yet (the demo's own gauge has readings of its day). */
export async function seedGauges(api: BenchApi, cooperativeId: string, people: CoopPeople, pondId: string): Promise<string[]> {
  const ids: string[] = [];
  for (let i = 0; i < BENCH_GAUGES; i++) {
    const g = await mutate(api, people.manager, 'kolamretensiAddSensor', { cooperativeId, pondId, name: `Papan duga bench ${i + 1}`, kind: 'MANUAL' }, 'id');
    ids.push(g.id);
  }
  return ids;
}
