import { installedUnits } from '@kkmp/api';
import { runUnitDemos } from '@kkmp/api/local';
import { batchGet, idempotencyKey } from '@kkmp/store';
import type { TestApi } from './api';
import { cityWithCoop, nextNik, ops, rawIds } from './fixtures';

/**
 * A mixed load of cashiers and tellers against the real API, and the books it must leave behind.
 * Shared by the fault-injection test (one cooperative, faults on) and the soak (several, no faults).
 * Each cooperative gets the units' own demo scenarios (a month of trade, savings and loans), then the
 * load: sembako, LPG, pupuk and airminum sales, savings deposits and withdrawals, loan repayments.
 */
/** The day of the load: the demos' month of history ends here (all within the first financial year). */
export const LOAD_NOW = '2026-11-23T03:00:00Z';
export const LOAD_DAY = '2026-11-23';
export const LOAD_UNITS = ['sembako', 'lpg', 'pupuk', 'airminum', 'simpanpinjam'];
const SALE_UNITS = ['sembako', 'lpg', 'pupuk', 'airminum'] as const;

export interface LoadCoop {
  name: string;
  id: string;
  raw: string;
  manager: string;
  staff: string;
  sembako: string[];
  lpgRefill: string;
  lpgBuyers: string[];
  pupukUrea: string;
  farmerNik: string;
  airRefill: string;
  accounts: string[];
  loans: string[];
}

export async function loadCooperative(api: TestApi, name: string): Promise<LoadCoop> {
  const t = await cityWithCoop(api, name);
  const members: { id: string; nik: string; name: string; memberNumber: number }[] = [];
  for (const n of ['Ani Suryani', 'Budi Hartono', 'Citra Dewi', 'Dodi Firmansyah']) {
    const nik = nextNik();
    const r = await api.gql(ops.registerMember, { input: { cooperativeId: t.coopId, nik, name: n, address: 'Jl. Merdeka 1', joinDate: '2026-01-05' } }, t.manager);
    const m = r.data?.registerMember?.data;
    if (!m) throw new Error(`registerMember: ${JSON.stringify(r)}`);
    members.push({ id: rawIds(m.id)[1]!, nik, name: n, memberNumber: m.memberNumber });
  }
  const manager = { userId: `mgr-${t.rawCoopId}`, role: 'COOP_MANAGER' as const, coopId: t.rawCoopId, name: 'Manajer' };
  const staff = { userId: `kasir-${t.rawCoopId}`, role: 'COOP_STAFF' as const, coopId: t.rawCoopId, units: LOAD_UNITS, name: 'Kasir' };
  const supervisor = { userId: `sup-${t.rawCoopId}`, role: 'SUPERVISOR' as const, coopId: t.rawCoopId, name: 'Pengawas' };
  const units = installedUnits.filter((u) => LOAD_UNITS.includes(u.id));
  const values = await runUnitDemos(api.db, units, { coopId: t.rawCoopId, members, manager, staff, supervisor }, api.clock);
  const coop: LoadCoop = {
    name,
    id: t.coopId,
    raw: t.rawCoopId,
    manager: await api.token(manager),
    staff: await api.token(staff),
    sembako: [],
    lpgRefill: values['lpg.refillId']!,
    lpgBuyers: [values['lpg.buyerNik']!],
    pupukUrea: values['pupuk.ureaId']!,
    farmerNik: values['pupuk.farmerNik']!,
    airRefill: values['airminum.refillId']!,
    accounts: [],
    loans: [],
  };
  const q = await read(api, coop, `query($c: ID!) {
    sembakoProducts(cooperativeId: $c, first: 50) { edges { node { id sku stock { quantity } } } }
    simpanpinjamSavingsAccounts(cooperativeId: $c) { id }
    simpanpinjamLoans(cooperativeId: $c) { id status }
  }`);
  // SPHP rice needs the buyer's NIK and has a weekly limit: the other products are the counter's everyday sales.
  coop.sembako = q.sembakoProducts.edges.map((e: any) => e.node).filter((p: any) => p.sku !== 'BERAS-SPHP-5KG' && p.stock).map((p: any) => p.id);
  coop.accounts = q.simpanpinjamSavingsAccounts.map((a: any) => a.id);
  coop.loans = q.simpanpinjamLoans.filter((l: any) => l.status === 'ACTIVE').map((l: any) => l.id);
  for (let i = 0; i < 3; i++) {
    const nik = nextNik(i % 2 ? 'MALE' : 'FEMALE');
    await must(api, coop.manager, 'lpgRegisterBeneficiary', { cooperativeId: coop.id, nik, name: `Pembeli ${i}`, buyerType: 'RUMAH_TANGGA' });
    await must(api, coop.manager, 'lpgVerifyBeneficiary', { cooperativeId: coop.id, nik, reference: 'KTP + KK' });
    coop.lpgBuyers.push(nik);
  }
  return coop;
}

async function must(api: TestApi, token: string, field: string, input: Record<string, unknown>) {
  const type = `${field[0]!.toUpperCase()}${field.slice(1)}`;
  const r = await api.gql(`mutation($input: ${type}Input!) { ${field}(input: $input) { __typename ... on Error { code messageEn } } }`, { input }, token);
  if (!String(r.data?.[field]?.__typename).endsWith('Success')) throw new Error(`${field}: ${JSON.stringify(r)}`);
}

export async function read(api: TestApi, coop: LoadCoop, query: string, vars: Record<string, unknown> = {}): Promise<any> {
  const r = await api.gql(query, { c: coop.id, ...vars }, coop.manager);
  if (r.errors) throw new Error(JSON.stringify(r.errors));
  return r.data;
}

/** One mutation of the load, with what it changes when it succeeds. */
export interface LoadOp {
  coop: LoadCoop;
  field: string;
  input: Record<string, unknown>;
  token: string;
  /** Stock moved by a sale: product id -> quantity out. */
  stock?: Record<string, number>;
  /** Savings moved: account id -> amount (+ deposit, - withdrawal). */
  savings?: [string, number];
  /** A loan repayment: loan id and amount. */
  repayment?: [string, number];
  sale?: (typeof SALE_UNITS)[number];
}

/** A random mutation of the mix (weights: the counters sell most, the tellers next). */
export function randomOp(coop: LoadCoop, random: () => number, key: string, desk: 'cashier' | 'teller' | 'any' = 'any'): LoadOp {
  const pick = <T>(xs: readonly T[]) => xs[Math.floor(random() * xs.length)]!;
  const base = { coop, token: coop.staff };
  // A cashier's share of the mix is [0, 0.68), a teller's [0.68, 1).
  const r = desk === 'cashier' ? random() * 0.68 : desk === 'teller' ? 0.68 + random() * 0.32 : random();
  const input = (x: Record<string, unknown>) => ({ cooperativeId: coop.id, idempotencyKey: key, ...x });
  if (r < 0.3) {
    const productId = pick(coop.sembako);
    const quantity = 1 + Math.floor(random() * 2);
    return { ...base, field: 'sembakoSell', sale: 'sembako', input: input({ lines: [{ productId, quantity }], paymentMethod: 'CASH', tendered: 1_000_000 }), stock: { [productId]: quantity } };
  }
  if (r < 0.45) return { ...base, field: 'lpgSell', sale: 'lpg', input: input({ lines: [{ productId: coop.lpgRefill, quantity: 1 }], paymentMethod: 'CASH', buyerNik: pick(coop.lpgBuyers) }), stock: { [coop.lpgRefill]: 1 } };
  if (r < 0.55) {
    return { ...base, field: 'pupukSell', sale: 'pupuk', input: input({ lines: [{ productId: coop.pupukUrea, quantity: 1 }], paymentMethod: 'CASH', buyerNik: coop.farmerNik, proofReference: `IPUBERS-${key.slice(-12)}` }), stock: { [coop.pupukUrea]: 1 } };
  }
  if (r < 0.68) return { ...base, field: 'airminumSell', sale: 'airminum', input: input({ lines: [{ productId: coop.airRefill, quantity: 1 + Math.floor(random() * 3) }], paymentMethod: 'QRIS' }) };
  if (r < 0.82) {
    const account = pick(coop.accounts);
    const amount = 10_000 * (1 + Math.floor(random() * 5));
    return { ...base, field: 'simpanpinjamDeposit', input: input({ accountId: account, amount }), savings: [account, amount] };
  }
  if (r < 0.94) {
    const account = pick(coop.accounts);
    const amount = 10_000 * (1 + Math.floor(random() * 6));
    return { ...base, field: 'simpanpinjamWithdraw', input: input({ accountId: account, amount }), savings: [account, -amount] };
  }
  const loan = pick(coop.loans);
  return { ...base, field: 'simpanpinjamRepayLoan', input: input({ loanId: loan, amount: 5_000 }), repayment: [loan, 5_000] };
}

export type Final = { kind: 'success'; id?: string } | { kind: 'refused'; code: string } | { kind: 'unknown'; last: string };

/**
 * The client: sends the mutation; on anything but a typed answer (a masked INTERNAL, a 5xx, a dropped
 * connection) or a CONFLICT ("try again"), sends it again with the same idempotency key.
 */
export async function send(api: TestApi, op: LoadOp, maxAttempts = 30): Promise<{ final: Final; attempts: number }> {
  const type = `${op.field[0]!.toUpperCase()}${op.field.slice(1)}`;
  const query = `mutation($input: ${type}Input!) { ${op.field}(input: $input) { __typename ... on ${type}Success { data { ${op.sale ? 'id' : '__typename'} } } ... on Error { code } } }`;
  let last = '';
  for (let attempt = 1; attempt <= maxAttempts; attempt++) {
    let res: { data: any; errors?: any[] };
    try {
      res = await api.gql(query, { input: op.input }, op.token);
    } catch (err) {
      last = `network: ${String(err)}`;
      continue;
    }
    const value = res.data?.[op.field];
    if (String(value?.__typename).endsWith('Success')) return { final: { kind: 'success', ...(op.sale ? { id: value.data.id } : {}) }, attempts: attempt };
    if (value?.code && value.code !== 'CONFLICT') return { final: { kind: 'refused', code: value.code }, attempts: attempt };
    last = value?.code ?? JSON.stringify(res.errors ?? res).slice(0, 300);
  }
  // Still busy after every attempt: a typed answer all the same ("try again").
  if (last === 'CONFLICT') return { final: { kind: 'refused', code: last }, attempts: maxAttempts };
  return { final: { kind: 'unknown', last }, attempts: maxAttempts };
}

/** What the books show for the invariants: stock, savings, loans paid, quotas, sales of the day. */
export async function snapshot(api: TestApi, coop: LoadCoop, date: string) {
  const d = await read(api, coop, `query($c: ID!, $nik: String!) {
    sembakoProducts(cooperativeId: $c, first: 100) { edges { node { id stock { quantity } } } }
    lpgProducts(cooperativeId: $c, first: 100) { edges { node { id stock { quantity } } } }
    pupukProducts(cooperativeId: $c, first: 100) { edges { node { id stock { quantity } } } }
    airminumProducts(cooperativeId: $c, first: 100) { edges { node { id stock { quantity } } } }
    simpanpinjamSavingsAccounts(cooperativeId: $c) { id balance }
    simpanpinjamLoans(cooperativeId: $c) { id paid { total } principalOutstanding }
    pupukFarmer(cooperativeId: $c, nik: $nik) { allocations { remainingKg } }
    lpgSupplyMonth(cooperativeId: $c) { allocation { remaining } }
    cooperative(id: $c) { ... on Cooperative { ledger { trialBalance(from: "2025-01-01", to: "2026-12-31") { totalDebit totalCredit } } } }
  }`, { nik: coop.farmerNik });
  const stock: Record<string, number> = {};
  for (const list of [d.sembakoProducts, d.lpgProducts, d.pupukProducts, d.airminumProducts]) for (const e of list.edges) if (e.node.stock) stock[e.node.id] = e.node.stock.quantity;
  const sales: Record<string, Set<string>> = {};
  for (const unit of SALE_UNITS) sales[unit] = await salesOf(api, coop, unit, date);
  // The day's stock card of each product the load sells (a card is copied after its sale's commit).
  const cards: Record<string, number> = {};
  const sold: [string, string][] = [...coop.sembako.map((p): [string, string] => ['sembako', p]), ['lpg', coop.lpgRefill], ['pupuk', coop.pupukUrea]];
  for (const [unit, productId] of sold) {
    const c = await read(api, coop, `query($c: ID!, $p: ID!, $d: Date!) { card: ${unit}StockCard(cooperativeId: $c, productId: $p, from: $d, to: $d) { quantity } }`, { p: productId, d: date });
    cards[productId] = (c.card ?? []).reduce((sum: number, m: { quantity: number }) => sum + m.quantity, 0);
  }
  return {
    stock,
    savings: Object.fromEntries(d.simpanpinjamSavingsAccounts.map((a: any) => [a.id, a.balance])) as Record<string, number>,
    loansPaid: Object.fromEntries(d.simpanpinjamLoans.map((l: any) => [l.id, l.paid.total])) as Record<string, number>,
    quotas: [...(d.pupukFarmer?.allocations ?? []).map((a: any) => a.remainingKg), d.lpgSupplyMonth.allocation.remaining] as number[],
    trialBalance: d.cooperative.ledger.trialBalance as { totalDebit: number; totalCredit: number },
    sales,
    cards,
  };
}
export type Snapshot = Awaited<ReturnType<typeof snapshot>>;

async function salesOf(api: TestApi, coop: LoadCoop, unit: string, date: string): Promise<Set<string>> {
  const ids = new Set<string>();
  let after: string | null = null;
  do {
    const d = await read(api, coop, `query($c: ID!, $d: Date, $a: String) { ${unit}Sales(cooperativeId: $c, date: $d, first: 100, after: $a) { edges { node { id } } pageInfo { hasNextPage endCursor } } }`, { d: date, a: after });
    for (const e of d[`${unit}Sales`].edges) ids.add(e.node.id);
    after = d[`${unit}Sales`].pageInfo.hasNextPage ? d[`${unit}Sales`].pageInfo.endCursor : null;
  } while (after);
  return ids;
}

/**
 * Every invariant of the books after a load: one line per violation (none expected). Effects are the
 * successes' only: a mutation applied without a success answer, or applied twice, shows as a difference.
 */
export async function violations(api: TestApi, coop: LoadCoop, before: Snapshot, after: Snapshot, done: { op: LoadOp; key: string; final: Final }[]): Promise<string[]> {
  const out: string[] = [];
  const ok = done.filter((d) => d.op.coop === coop && d.final.kind === 'success');
  const mine = done.filter((d) => d.op.coop === coop);
  if (after.trialBalance.totalDebit !== after.trialBalance.totalCredit) out.push(`${coop.name}: trial balance ${after.trialBalance.totalDebit} != ${after.trialBalance.totalCredit}`);
  for (const [id, q] of Object.entries(after.stock)) if (q < 0) out.push(`${coop.name}: stock of ${id} is ${q}`);
  for (const [id, b] of Object.entries(after.savings)) if (b < 0) out.push(`${coop.name}: savings ${id} at ${b}`);
  for (const q of after.quotas) if (q < 0) out.push(`${coop.name}: a quota at ${q}`);
  const stockOut: Record<string, number> = {};
  const saved: Record<string, number> = {};
  const repaid: Record<string, number> = {};
  const saleIds: Partial<Record<string, Set<string>>> = {};
  for (const { op, final } of ok) {
    for (const [p, q] of Object.entries(op.stock ?? {})) stockOut[p] = (stockOut[p] ?? 0) + q;
    if (op.savings) saved[op.savings[0]] = (saved[op.savings[0]] ?? 0) + op.savings[1];
    if (op.repayment) repaid[op.repayment[0]] = (repaid[op.repayment[0]] ?? 0) + op.repayment[1];
    if (op.sale && final.kind === 'success') (saleIds[op.sale] ??= new Set()).add(final.id!);
  }
  for (const [p, net] of Object.entries(after.cards)) {
    const moved = after.stock[p]! - before.stock[p]!;
    if (net - before.cards[p]! !== moved) out.push(`${coop.name}: stock card of ${p} moved ${net - before.cards[p]!} today, the stock ${moved}`);
  }
  for (const [p, q] of Object.entries(stockOut)) if (before.stock[p]! - q !== after.stock[p]) out.push(`${coop.name}: stock of ${p}: ${before.stock[p]} - ${q} sold != ${after.stock[p]}`);
  for (const [a, s] of Object.entries(after.savings)) if ((before.savings[a] ?? 0) + (saved[a] ?? 0) !== s) out.push(`${coop.name}: savings ${a}: ${before.savings[a]} + ${saved[a] ?? 0} != ${s}`);
  for (const [l, p] of Object.entries(after.loansPaid)) if ((before.loansPaid[l] ?? 0) + (repaid[l] ?? 0) !== p) out.push(`${coop.name}: loan ${l} paid ${before.loansPaid[l]} + ${repaid[l] ?? 0} != ${p}`);
  for (const unit of SALE_UNITS) {
    const added = [...after.sales[unit]!].filter((id) => !before.sales[unit]!.has(id));
    const answered = saleIds[unit] ?? new Set();
    const extra = added.filter((id) => !answered.has(id));
    const missing = [...answered].filter((id) => !after.sales[unit]!.has(id));
    if (extra.length || missing.length || added.length !== answered.size) out.push(`${coop.name}: ${unit} sales: ${added.length} recorded, ${answered.size} answered as success (${extra.length} without a success, ${missing.length} missing)`);
  }
  // The idempotency record is written in the mutation's own transaction: there iff it was applied.
  const records = await batchGet(api.db, mine.map((d) => idempotencyKey({ kind: 'coop', coopId: coop.raw }, d.key)));
  mine.forEach((d, i) => {
    const applied = records[i] !== undefined;
    if (applied !== (d.final.kind === 'success')) out.push(`${coop.name}: ${d.op.field} ${d.key} answered ${JSON.stringify(d.final)} but ${applied ? 'was' : 'was not'} applied`);
  });
  return out;
}
