import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startDevServer, type DevServer } from '../support/dev-server';
import { batchRequest, successes, type MutationCall, type MutationResult } from '../support/mutation-batch';
import { killStarted } from '../support/processes';

/**
 * The README's year-end recipe, run: a cooperative lives through 2026 on `npm run dev` with the dev clock
 * (KKMP_CLOCK=2026-01-05, then POST /dev/clock month by month), spoken to only over HTTP GraphQL, and
 * closes its year, splits its SHU and holds its RAT in 2027. Nothing patches this process's clock or the
 * server's: the server's own dev clock is all that moves.
 *
 * The year, by hand (every amount whole rupiah):
 *   KKMP Neglasari (created 2026-01-05, first financial year 2026): pokok 50.000, wajib 20.000 a month.
 *   Members: Ani, Budi (wajib 25.000), Citra from January; Dodi joins on 2026-09-10.
 *   Equity (pokok + wajib) at 2026-12-31, paid month by month:
 *     Ani   50.000 + 12 x 20.000 = 290.000
 *     Budi  50.000 + 12 x 25.000 = 350.000
 *     Citra 50.000 +  6 x 20.000 = 170.000   (stops paying after June: 6 months in arrears, 120.000)
 *     Dodi  50.000 +  4 x 20.000 = 130.000   (September to December)
 *     total 940.000 = pokok 200.000 (3110) + wajib 740.000 (3120)
 *   Goods (moving-average cost): rice 40 packs at 60.000 (January, on credit), 36 at 62.500 (July, on
 *   credit, 4 packs still in stock: average (4 x 60.000 + 36 x 62.500) / 40 = 62.250); sugar 36 kg at 16.000.
 *   Sales each month (cash), rice 66.000 member / 69.000 public, sugar 18.000 member:
 *     Ani 2 rice 132.000; Budi 1 rice + 2 sugar 102.000; Citra 1 sugar 18.000; Dodi (Sep-Dec) 1 rice 66.000;
 *     walk-in buyers 1 rice 69.000 + 2 rice 138.000 (December's 1-rice sale typed in on 2027-01-05, dated
 *     2026-12-31). Rice sold: 6 a month to August, 7 from September: 76 = 40 + 36; sugar 3 a month: 36.
 *   Patronage: Ani 1.584.000, Budi 1.224.000, Citra 216.000, Dodi 264.000 = member revenue 3.288.000
 *   Non-member revenue 12 x 207.000 = 2.484.000; revenue 5.772.000
 *   Cost of goods: rice 36 x 60.000 + 40 x 62.250 = 4.650.000, sugar 576.000: 5.226.000; gross 546.000
 *   Expenses (drafted by the ketua, approved by the bendahara): electricity 45.000 (April), stationery
 *   32.499 (August), cashier's fee 60.000 (December): 137.499. SHU = 546.000 - 137.499 = 408.501
 *   Cash: equity 940.000 + sales 5.772.000 - supplier 2.976.000 (June) - 2.250.000 (October)
 *         - expenses 137.499 = 1.348.501; stock and payables end at 0.
 *   Split set in January 2027 (AD/ART): reserve 30%, jasa modal 20%, jasa usaha 25%, pengurus 10%,
 *   karyawan 5%, pendidikan 5%, sosial 5%:
 *     122.550,3 | 81.700,2 | 102.125,25 | 40.850,1 | 20.425,05 x 3: floors sum to 408.500, the leftover
 *     rupiah goes to the largest remainder (reserve, ,3): reserve 122.551.
 *   Jasa modal 81.700 by equity (of 940.000), largest remainder:
 *     Ani 25.205,32 -> 25.205; Budi 30.420,21 -> 30.420; Citra 14.775,53 -> 14.776; Dodi 11.298,94 -> 11.299
 *     (floors 81.698; the 2 rupiah left go to Dodi ,94 and Citra ,53)
 *   Jasa usaha 102.125 by patronage (of 3.288.000):
 *     Ani 49.198,91 -> 49.199; Budi 38.017,34 -> 38.017; Citra 6.708,94 -> 6.709; Dodi 8.199,82 -> 8.200
 *     (floors 102.122; the 3 rupiah left go to Citra ,94, Ani ,91 and Dodi ,82)
 *   Distribution at the RAT (2027-02-20): Dr 3320 408.501; Cr 3210 122.551, 2140 183.825 (81.700 +
 *   102.125), 2150 61.275 (pengurus + karyawan), 2160 20.425 (sosial), 2170 20.425 (pendidikan).
 */

const dataDir = mkdtempSync(join(tmpdir(), 'kkmp-rehearsal-'));
let dev: DevServer;
afterAll(async () => {
  // Stopped as a person stops it (DynamoDB Local goes with it); killed only if that does not happen.
  await Promise.race([dev?.stop(), new Promise((r) => setTimeout(r, 20_000))]);
  killStarted();
  rmSync(dataDir, { recursive: true, force: true });
});

/** Tokens: the demo city's dinas, and this cooperative's ketua, bendahara (a second manager) and kasir. */
const t = { city: '', ketua: '', bendahara: '', kasir: '' };
/** Public ids the API returned. */
const id = { coop: '', ani: '', budi: '', citra: '', dodi: '', rice: '', sugar: '', bulog: '' };

const RICE = { member: 66_000, public: 69_000 };
const run = async (token: string, calls: Record<string, MutationCall>): Promise<Record<string, MutationResult>> => {
  const { query, variables } = batchRequest(calls);
  return dev.gql(token, query, variables);
};
const batch = async (token: string, calls: Record<string, MutationCall>) => successes(await run(token, calls));

beforeAll(async () => {
  dev = await startDevServer({ clock: '2026-01-05', dataDir });
  t.city = dev.demoTokens.city!;
}, 150_000);

describe('a year end rehearsed over the public API on the dev clock', () => {
  it('January 2026: the dinas registers a cooperative whose books begin this year; its pengurus set up shop', async () => {
    const { me } = await dev.gql(t.city, `{ me { cityId } }`);
    const kel = await batch(t.city, {
      kel: { field: 'createKelurahan', input: { cityId: me.cityId, name: 'Neglasari', kecamatan: 'Cibeunying Kaler', regionCode: '3273210002', postalCode: '40124' }, data: 'id' },
    });
    const coop = await batch(t.city, {
      coop: {
        field: 'createCooperative',
        input: {
          kelurahanId: kel.kel.id,
          name: 'KKMP Neglasari',
          legalName: 'Koperasi Kelurahan Merah Putih Neglasari',
          equity: { simpananPokok: 50_000, simpananWajib: 20_000 },
          firstFinancialYear: 2026,
          board: [{ name: 'Hendra', position: 'KETUA' }, { name: 'Wulan', position: 'BENDAHARA' }],
        },
        data: 'id firstFinancialYear createdAt',
      },
    });
    id.coop = coop.coop.id;
    // The cooperative was created on the dev clock's day, not the machine's.
    expect(coop.coop).toMatchObject({ firstFinancialYear: 2026, createdAt: expect.stringMatching(/^2026-01-05T/) });
    await batch(t.city, {
      legal: { field: 'changeCooperativeStatus', input: { cooperativeId: id.coop, status: 'LEGAL_ENTITY', registrationNumber: 'AHU-0001234.AH.01.29.TAHUN2026' } },
      operating: { field: 'changeCooperativeStatus', input: { cooperativeId: id.coop, status: 'OPERATING' } },
    });

    // Tokens for the new cooperative's people, from the token CLI with the public cooperative id.
    [t.ketua, t.bendahara, t.kasir] = await Promise.all([
      dev.mintToken(['--role', 'COOP_MANAGER', '--coop', id.coop, '--sub', 'ketua-neglasari', '--name', 'Hendra (ketua)']),
      dev.mintToken(['--role', 'COOP_MANAGER', '--coop', id.coop, '--sub', 'bendahara-neglasari', '--name', 'Wulan (bendahara)']),
      dev.mintToken(['--role', 'COOP_STAFF', '--coop', id.coop, '--units', 'sembako', '--sub', 'kasir-neglasari', '--name', 'Rudi (kasir)']),
    ]);

    const member = (name: string, nik: string, extra: Record<string, unknown> = {}): MutationCall => ({
      field: 'registerMember',
      input: { cooperativeId: id.coop, name, nik, address: 'Jl. Neglasari, Cibeunying Kaler, Kota Bandung', ...extra },
      data: 'id memberNumber joinDate',
    });
    const product = (sku: string, name: string, packSize: number, packName: string, memberPrice: number, nonMemberPrice: number): MutationCall => ({
      field: 'sembakoCreateProduct',
      input: { cooperativeId: id.coop, sku, name, category: name.split(' ')[0], unitOfMeasure: 'GRAM', packSize, packName, memberPrice, nonMemberPrice },
      data: 'id',
    });
    const setup = await batch(t.ketua, {
      shop: { field: 'enableUnit', inputType: 'UnitSettingsInput', input: { cooperativeId: id.coop, unitId: 'sembako', settings: {} }, data: 'unitId' },
      ani: member('Ani Rahmawati', '3273214805900001'),
      budi: member('Budi Santoso', '3273212011850002', { simpananWajib: 25_000 }),
      citra: member('Citra Dewi', '3273215402930003'),
      rice: product('BERAS-5KG', 'Beras Medium 5 kg', 5000, 'pak 5 kg', RICE.member, RICE.public),
      sugar: product('GULA-1KG', 'Gula Pasir 1 kg', 1000, 'kg', 18_000, 19_000),
      bulog: { field: 'sembakoCreateSupplier', input: { cooperativeId: id.coop, name: 'Perum Bulog Kanwil Jawa Barat', kind: 'BULOG' }, data: 'id' },
    });
    for (const key of ['ani', 'budi', 'citra', 'rice', 'sugar', 'bulog'] as const) id[key] = setup[key].id;
    expect([setup.ani.joinDate, setup.budi.joinDate, setup.citra.joinDate]).toEqual(['2026-01-05', '2026-01-05', '2026-01-05']);
  });

  it('January to December 2026: wajib every month, the counter, deliveries and expenses through maker-checker', async () => {
    for (let month = 1; month <= 12; month++) {
      const mm = String(month).padStart(2, '0');
      const today = month === 1 ? '2026-01-05' : `2026-${mm}-10`;
      if (month > 1) expect(await dev.moveClock(today)).toMatch(new RegExp(`^${today} 09:`));

      // The pengurus first (a delivery comes before the counter opens), then the cashier's day.
      const pengurus = pengurusWork(month);
      const done = Object.keys(pengurus).length ? await batch(t.ketua, pengurus) : {};
      if (done.dodi) id.dodi = done.dodi.id;
      const counter = await batch(t.kasir, counterWork(month));
      // "Today" is the dev clock's day: the payment and the sale are dated on it.
      expect([counter.wajibAni.payment.paidOn, counter.ani.date]).toEqual([today, today]);
      expect(counter.ani.total).toBe(2 * RICE.member);

      // Maker-checker: the ketua drafted the expense; the bendahara, another manager, approves it.
      if (done.expense) {
        const approved = await batch(t.bendahara, { approve: { field: 'approveJournalEntry', inputType: 'DecideJournalEntryInput', input: { draftId: done.expense.id }, data: 'date total' } });
        expect(approved.approve).toEqual({ date: today, total: done.expense.lines[0].debit });
      }
    }
    // The year has not ended on 10 December: it cannot be closed yet.
    const early = await run(t.ketua, { close: { field: 'closeYear', input: { cooperativeId: id.coop, year: 2026 } } });
    expect(early.close).toMatchObject({ __typename: 'ValidationError', fields: [{ field: 'input.year', messageEn: 'the year 2026 has not ended' }] });
  });

  it('January 2027: a late December sale lands in 2026; the split is set and the year closed with the hand-computed SHU', async () => {
    await dev.moveClock('2027-01-05');
    // Typed in five days late: within the cashier's 7-day window, dated (and reported) on 31 December.
    const late = await batch(t.kasir, { umum1: sale(undefined, [[id.rice, 1]], '2026-12-31', 'date at total') });
    expect(late.umum1).toMatchObject({ date: '2026-12-31', at: expect.stringMatching(/^2027-01-05T/), total: RICE.public });

    const books = await dev.gql(
      t.ketua,
      `query($id: ID!) { cooperative(id: $id) { ... on Cooperative {
        ledger {
          results(from: "2026-01-01", to: "2026-12-31") { totalRevenue memberRevenue nonMemberRevenue costOfGoods grossSurplus operatingExpenses incomeTax surplus }
          financialPosition(asOf: "2026-12-31") { balanced assets { account amount } liabilities { account amount } equity { account amount } currentSurplus }
          lastDay: journal(from: "2026-12-31", to: "2026-12-31", first: 5) { edges { node { sourceKind sourceUnitId postedAt total } } }
        }
        equityArrears(asOf: "2026-12-31") { member { name } wajibArrears }
      } } }`,
      { id: id.coop },
    );
    const { ledger } = books.cooperative;
    expect(ledger.results).toEqual({
      totalRevenue: 5_772_000,
      memberRevenue: 3_288_000,
      nonMemberRevenue: 2_484_000,
      costOfGoods: 5_226_000,
      grossSurplus: 546_000,
      operatingExpenses: 137_499,
      incomeTax: 0,
      surplus: 408_501,
    });
    expect(ledger.financialPosition.balanced).toBe(true);
    expect(nonZero(ledger.financialPosition.assets)).toEqual({ '1100': 1_348_501 });
    expect(nonZero(ledger.financialPosition.liabilities)).toEqual({});
    expect(nonZero(ledger.financialPosition.equity)).toMatchObject({ '3110': 200_000, '3120': 740_000 });
    expect(ledger.financialPosition.currentSurplus).toBe(408_501);
    // The late sale: reported on 2026-12-31, recorded on 2027-01-05.
    expect(ledger.lastDay.edges.map((e: any) => e.node)).toEqual([{ sourceKind: 'UNIT', sourceUnitId: 'sembako', postedAt: expect.stringMatching(/^2027-01-05T/), total: RICE.public + 62_250 }]);
    // Monthly wajib billing followed the dev clock: Citra stopped after June.
    expect(books.cooperative.equityArrears).toEqual([{ member: { name: 'Citra Dewi' }, wajibArrears: 120_000 }]);

    const split = [
      ['RESERVE', 3000, 'Dana cadangan', 'Reserve'],
      ['JASA_MODAL', 2000, 'Jasa modal', 'Return on capital'],
      ['JASA_USAHA', 2500, 'Jasa usaha', 'Patronage refund'],
      ['PENGURUS', 1000, 'Dana pengurus', 'Board fund'],
      ['KARYAWAN', 500, 'Dana karyawan', 'Staff fund'],
      ['PENDIDIKAN', 500, 'Dana pendidikan', 'Education fund'],
      ['SOSIAL', 500, 'Dana sosial', 'Social fund'],
    ] as const;
    const closed = await batch(t.ketua, {
      split: { field: 'setShuSplit', input: { cooperativeId: id.coop, year: 2026, lines: split.map(([key, basisPoints, idLabel, en]) => ({ key, basisPoints, label: { id: idLabel, en } })) }, data: 'isDefault' },
      close: { field: 'closeYear', input: { cooperativeId: id.coop, year: 2026, idempotencyKey: 'neglasari-close-2026' }, data: 'status revenue expenses shu members lines { key amount }' },
    });
    expect(closed.close).toEqual({
      status: 'CLOSED',
      revenue: 5_772_000,
      expenses: 5_226_000 + 137_499,
      shu: 408_501,
      members: 4,
      lines: [
        { key: 'RESERVE', amount: 122_551 },
        { key: 'JASA_MODAL', amount: 81_700 },
        { key: 'JASA_USAHA', amount: 102_125 },
        { key: 'PENGURUS', amount: 40_850 },
        { key: 'KARYAWAN', amount: 20_425 },
        { key: 'PENDIDIKAN', amount: 20_425 },
        { key: 'SOSIAL', amount: 20_425 },
      ],
    });

    // Closed means closed: no new posting in 2026, even by a manager (whose window is otherwise open).
    const refused = await run(t.ketua, {
      pay: { field: 'recordEquityPayment', input: { memberId: id.citra, kind: 'WAJIB', amount: 20_000, businessDate: '2026-12-31' } },
      expense: { field: 'draftJournalEntry', input: { cooperativeId: id.coop, memo: 'Listrik Desember', businessDate: '2026-12-31', lines: [{ account: '6130', debit: 15_000 }, { account: '1100', credit: 15_000 }] } },
    });
    for (const r of Object.values(refused)) {
      expect(r).toMatchObject({ __typename: 'ValidationError', code: 'VALIDATION', fields: [{ field: 'input.businessDate', messageEn: expect.stringMatching(/locked period: the books are locked through 2026-12/) }] });
      expect(r.fields![0]!.messageId).toMatch(/dikunci s\.d\. 2026-12/);
    }

    const shares = await dev.gql(
      t.ketua,
      `query($id: ID!) { cooperative(id: $id) { ... on Cooperative {
        shuYear(year: 2026) { shares { name equityBalance patronage jasaModal jasaUsaha total } }
        ledger { lockedThrough results(from: "2026-01-01", to: "2026-12-31") { surplus } }
        equityArrears(asOf: "2026-12-31") { member { name } wajibArrears }
      } } }`,
      { id: id.coop },
    );
    expect(shares.cooperative.shuYear.shares).toEqual([
      { name: 'Ani Rahmawati', equityBalance: 290_000, patronage: 1_584_000, jasaModal: 25_205, jasaUsaha: 49_199, total: 74_404 },
      { name: 'Budi Santoso', equityBalance: 350_000, patronage: 1_224_000, jasaModal: 30_420, jasaUsaha: 38_017, total: 68_437 },
      { name: 'Citra Dewi', equityBalance: 170_000, patronage: 216_000, jasaModal: 14_776, jasaUsaha: 6_709, total: 21_485 },
      { name: 'Dodi Kurniawan', equityBalance: 130_000, patronage: 264_000, jasaModal: 11_299, jasaUsaha: 8_200, total: 19_499 },
    ]);
    // The refused attempts wrote nothing: the year's surplus and Citra's arrears are as they were.
    expect(shares.cooperative.ledger).toEqual({ lockedThrough: '2026-12', results: { surplus: 408_501 } });
    expect(shares.cooperative.equityArrears).toEqual(books.cooperative.equityArrears);
  });

  it('February 2027: the RAT needs its quorum, and its approval posts the distribution', async () => {
    await dev.moveClock('2027-02-20');
    const rat = (present: number): MutationCall => ({
      field: 'recordRat',
      input: { cooperativeId: id.coop, date: '2027-02-20', financialYear: 2026, present, approveFinancialStatements: true, approveShuDistribution: true, decisions: ['Laporan keuangan 2026 disahkan', 'SHU 2026 dibagi sesuai AD/ART'] },
      data: 'quorumMet totalMembers approvedShuDistribution',
    });
    // Quorum 1/5 of 4 members: one must attend. Nobody came to the first call; three came to the second.
    const meetings = await run(t.ketua, { empty: rat(0), held: rat(3) });
    expect(meetings.empty).toMatchObject({ __typename: 'InvalidStateError', messageEn: 'no quorum: 0 of 4 present, 1 needed to decide' });
    expect(meetings.held, JSON.stringify(meetings.held)).toMatchObject({ __typename: 'RecordRatSuccess', data: { quorumMet: true, totalMembers: 4, approvedShuDistribution: true } });

    const after = await dev.gql(
      t.ketua,
      `query($id: ID!) { cooperative(id: $id) { ... on Cooperative {
        shuYear(year: 2026) { close { status } }
        ledger {
          journal(from: "2027-02-20", to: "2027-02-20", first: 5) { edges { node { sourceKind date lines { account debit credit } } } }
          financialPosition(asOf: "2027-02-20") { balanced assets { account amount } liabilities { account amount } equity { account amount } }
        }
      } } }`,
      { id: id.coop },
    );
    const { ledger } = after.cooperative;
    expect(after.cooperative.shuYear.close.status).toBe('APPROVED');
    const [entry, ...others] = ledger.journal.edges.map((e: any) => e.node);
    expect(others).toEqual([]);
    expect(entry.sourceKind).toBe('SHU_DISTRIBUTION');
    expect(entry.date).toBe('2027-02-20');
    const byAccount = (lines: { account: string; debit: number; credit: number }[]) => [...lines].sort((a, b) => a.account.localeCompare(b.account));
    expect(byAccount(entry.lines)).toEqual([
      { account: '2140', debit: 0, credit: 183_825 },
      { account: '2150', debit: 0, credit: 61_275 },
      { account: '2160', debit: 0, credit: 20_425 },
      { account: '2170', debit: 0, credit: 20_425 },
      { account: '3210', debit: 0, credit: 122_551 },
      { account: '3320', debit: 408_501, credit: 0 },
    ]);
    // Cash is untouched until the SHU is paid out; 2026's surplus now sits in the reserve and the payables.
    const p = ledger.financialPosition;
    expect(p.balanced).toBe(true);
    expect(nonZero(p.assets)).toEqual({ '1100': 1_348_501 });
    expect(nonZero(p.liabilities)).toEqual({ '2140': 183_825, '2150': 61_275, '2160': 20_425, '2170': 20_425 });
    expect(nonZero(p.equity)).toEqual({ '3110': 200_000, '3120': 740_000, '3210': 122_551 });

    // A year over the API in a bounded conversation: batches of aliased mutations, not one call each.
    expect(dev.calls).toBeLessThanOrEqual(50);
  });
});

/** Statement lines as { account: amount }, zero lines left out. */
function nonZero(lines: { account: string; amount: number }[]): Record<string, number> {
  return Object.fromEntries(lines.filter((l) => l.amount !== 0).map((l) => [l.account, l.amount]));
}

/** A sale at the counter: to a member (member price, patronage) or a walk-in buyer (public price). */
function sale(memberId: string | undefined, lines: [productId: string, quantity: number][], businessDate?: string, data = 'date total'): MutationCall {
  return {
    field: 'sembakoSell',
    input: { cooperativeId: id.coop, paymentMethod: 'CASH', lines: lines.map(([productId, quantity]) => ({ productId, quantity })), ...(memberId ? { memberId } : {}), ...(businessDate ? { businessDate } : {}) },
    data,
  };
}

/** The pengurus' work of a month (see the hand computation above). */
function pengurusWork(month: number): Record<string, MutationCall> {
  const receive = (lines: [string, number, number][], invoiceNumber: string): MutationCall => ({
    field: 'sembakoReceiveGoods',
    input: { cooperativeId: id.coop, supplierId: id.bulog, payment: 'CREDIT', invoiceNumber, lines: lines.map(([productId, quantity, unitCost]) => ({ productId, quantity, unitCost })) },
    data: 'total',
  });
  const paySupplier = (amount: number): MutationCall => ({ field: 'sembakoPaySupplier', input: { cooperativeId: id.coop, supplierId: id.bulog, amount, method: 'CASH' }, data: 'id' });
  const expense = (account: string, amount: number, memo: string): MutationCall => ({
    field: 'draftJournalEntry',
    input: { cooperativeId: id.coop, memo, lines: [{ account, debit: amount }, { account: '1100', credit: amount }] },
    data: 'id lines { debit }',
  });
  switch (month) {
    case 1:
      return { delivery: receive([[id.rice, 40, 60_000], [id.sugar, 36, 16_000]], 'BLG/JBR/2026/0007') };
    case 4:
      return { expense: expense('6130', 45_000, 'Listrik dan air Januari-Maret') };
    case 6:
      return { pay: paySupplier(2_976_000) };
    case 7:
      return { delivery: receive([[id.rice, 36, 62_500]], 'BLG/JBR/2026/0391') };
    case 8:
      return { expense: expense('6150', 32_499, 'ATK dan fotokopi') };
    case 9:
      return { dodi: { field: 'registerMember', input: { cooperativeId: id.coop, name: 'Dodi Kurniawan', nik: '3273210107000004', address: 'Jl. Neglasari No. 7, Kota Bandung' }, data: 'id' } };
    case 10:
      return { pay: paySupplier(2_250_000) };
    case 12:
      return { expense: expense('6110', 60_000, 'Honor kasir Desember') };
    default:
      return {};
  }
}

/** The cashier's work of a month: pokok on joining, wajib, and the counter's sales. */
function counterWork(month: number): Record<string, MutationCall> {
  const equity = (memberId: string, kind: 'POKOK' | 'WAJIB', amount: number): MutationCall => ({ field: 'recordEquityPayment', input: { memberId, kind, amount }, data: 'payment { paidOn }' });
  const calls: Record<string, MutationCall> = {};
  if (month === 1) Object.assign(calls, { pokokAni: equity(id.ani, 'POKOK', 50_000), pokokBudi: equity(id.budi, 'POKOK', 50_000), pokokCitra: equity(id.citra, 'POKOK', 50_000) });
  if (month === 9) calls.pokokDodi = equity(id.dodi, 'POKOK', 50_000);
  calls.wajibAni = equity(id.ani, 'WAJIB', 20_000);
  calls.wajibBudi = equity(id.budi, 'WAJIB', 25_000);
  if (month <= 6) calls.wajibCitra = equity(id.citra, 'WAJIB', 20_000);
  if (month >= 9) calls.wajibDodi = equity(id.dodi, 'WAJIB', 20_000);
  calls.ani = sale(id.ani, [[id.rice, 2]]);
  calls.budi = sale(id.budi, [[id.rice, 1], [id.sugar, 2]]);
  calls.citra = sale(id.citra, [[id.sugar, 1]]);
  if (month >= 9) calls.dodi = sale(id.dodi, [[id.rice, 1]]);
  // December's single-pack walk-in sale is typed in late, in January (see the next step).
  if (month < 12) calls.umum1 = sale(undefined, [[id.rice, 1]]);
  calls.umum2 = sale(undefined, [[id.rice, 2]]);
  return calls;
}
