import type { CoreContext } from '../context';
import type { AccountKind, Chart } from './accounts';
import { EARLIEST, movements, movementsOver, movementsUpTo, type Movement } from './balances';
import { isCashFlowAccount } from './keys';

/** Statements for the whole cooperative (consolidated) or one unit's segment. */
export interface Scope {
  coopId: string;
  /** Unit id for a per-unit statement; absent for consolidated. */
  unitId?: string;
}

export interface AccountLine {
  account: string;
  name: { id: string; en: string };
  kind: AccountKind;
  /** Balance in the account's normal direction (assets/expenses: debit - credit; contra accounts reversed). */
  amount: number;
  /** Contra account (accumulated depreciation): shown positive, subtracted in totals. */
  contra: boolean;
}

function inScope(m: Movement, scope: Scope) {
  if (isCashFlowAccount(m.account)) return false;
  return !scope.unitId || m.segment === scope.unitId;
}

function byAccount(ms: Movement[], chart: Chart, scope: Scope): AccountLine[] {
  const sums = new Map<string, number>();
  for (const m of ms.filter((x) => inScope(x, scope))) sums.set(m.account, (sums.get(m.account) ?? 0) + (m.debit - m.credit) * chart.sign(m.account));
  return [...sums.entries()]
    .filter(([, amount]) => amount !== 0)
    .map(([account, amount]) => ({ account, name: chart.get(account)!.name, kind: chart.get(account)!.kind, amount, contra: !!chart.get(account)!.contra }))
    .sort((a, b) => a.account.localeCompare(b.account));
}

const total = (lines: AccountLine[], kind: AccountKind) => lines.filter((l) => l.kind === kind).reduce((s, l) => s + (l.contra ? -l.amount : l.amount), 0);

export interface TrialBalanceLine {
  account: string;
  name: { id: string; en: string };
  kind: AccountKind;
  openingDebit: number;
  openingCredit: number;
  debit: number;
  credit: number;
  closingDebit: number;
  closingCredit: number;
}

export async function trialBalance(ctx: CoreContext, scope: Scope, from: string, to: string) {
  const chart = ctx.chart;
  const dayBefore = new Date(Date.parse(`${from}T00:00:00Z`) - 86_400_000).toISOString().slice(0, 10);
  const [opening, period] = await Promise.all([movementsUpTo(ctx, scope.coopId, dayBefore), movements(ctx, scope.coopId, from, to)]);
  const lines = new Map<string, TrialBalanceLine>();
  const line = (account: string) => {
    let l = lines.get(account);
    if (!l) {
      const acc = chart.get(account)!;
      l = { account, name: acc.name, kind: acc.kind, openingDebit: 0, openingCredit: 0, debit: 0, credit: 0, closingDebit: 0, closingCredit: 0 };
      lines.set(account, l);
    }
    return l;
  };
  // Revenue and expenses open each financial year at zero: earlier years' net sits in 3320 (SHU belum dibagi).
  const yearStart = `${from.slice(0, 4)}-01-01`;
  const thisYearBefore = from > yearStart ? await movements(ctx, scope.coopId, yearStart, dayBefore) : [];
  const resultAccount = (code: string) => ['REVENUE', 'EXPENSE'].includes(chart.get(code)?.kind ?? '');
  const openingNet = new Map<string, number>();
  for (const m of opening.filter((x) => inScope(x, scope) && !resultAccount(x.account))) openingNet.set(m.account, (openingNet.get(m.account) ?? 0) + m.debit - m.credit);
  let priorResult = 0;
  for (const m of opening.filter((x) => inScope(x, scope) && resultAccount(x.account))) priorResult += m.debit - m.credit;
  for (const m of thisYearBefore.filter((x) => inScope(x, scope) && resultAccount(x.account))) {
    openingNet.set(m.account, (openingNet.get(m.account) ?? 0) + m.debit - m.credit);
    priorResult -= m.debit - m.credit;
  }
  if (priorResult !== 0) openingNet.set('3320', (openingNet.get('3320') ?? 0) + priorResult);
  for (const [account, net] of openingNet) {
    if (net === 0) continue;
    const l = line(account);
    l.openingDebit = Math.max(net, 0);
    l.openingCredit = Math.max(-net, 0);
  }
  for (const m of period.filter((x) => inScope(x, scope))) {
    const l = line(m.account);
    l.debit += m.debit;
    l.credit += m.credit;
  }
  const out = [...lines.values()].sort((a, b) => a.account.localeCompare(b.account));
  for (const l of out) {
    const net = l.openingDebit - l.openingCredit + l.debit - l.credit;
    l.closingDebit = Math.max(net, 0);
    l.closingCredit = Math.max(-net, 0);
  }
  const sum = (k: keyof TrialBalanceLine) => out.reduce((s, l) => s + (l[k] as number), 0);
  return { from, to, lines: out, totals: { debit: sum('debit'), credit: sum('credit'), closingDebit: sum('closingDebit'), closingCredit: sum('closingCredit') } };
}

/**
 * Laporan posisi keuangan. The books close by computation, not by closing entries: the surplus of the
 * financial year so far is "SHU tahun berjalan" (3310), the surplus of earlier years not yet distributed
 * is "SHU belum dibagi" (3320, which the RAT's distribution entry debits). Revenue and expense accounts
 * therefore never need zeroing, and statements of a closed year still show its results.
 */
export async function financialPosition(ctx: CoreContext, scope: Scope, asOf: string) {
  const chart = ctx.chart;
  const yearStart = `${asOf.slice(0, 4)}-01-01`;
  // One query per range of balance items: this year's months and today's days are inside "everything so far".
  const [all, thisYear] = (await movementsOver(ctx, scope.coopId, [[EARLIEST, asOf], [yearStart, asOf]])) as [Movement[], Movement[]];
  const lines = byAccount(all, chart, scope);
  const yearLines = byAccount(thisYear, chart, scope);
  const currentSurplus = total(yearLines, 'REVENUE') - total(yearLines, 'EXPENSE');
  const priorSurplus = total(lines, 'REVENUE') - total(lines, 'EXPENSE') - currentSurplus;
  const equity = withComputed(lines.filter((l) => l.kind === 'EQUITY'), chart, { '3310': currentSurplus, '3320': priorSurplus });
  const assets = lines.filter((l) => l.kind === 'ASSET');
  const liabilities = lines.filter((l) => l.kind === 'LIABILITY');
  const totalAssets = total(lines, 'ASSET');
  const totalLiabilities = total(lines, 'LIABILITY');
  const totalEquity = total(equity, 'EQUITY');
  const isCurrent = (l: AccountLine) => chart.get(l.account)?.current !== false;
  return {
    asOf,
    assets,
    liabilities,
    equity,
    currentSurplus,
    currentAssets: total(assets.filter(isCurrent), 'ASSET'),
    nonCurrentAssets: total(assets.filter((l) => !isCurrent(l)), 'ASSET'),
    currentLiabilities: total(liabilities.filter(isCurrent), 'LIABILITY'),
    nonCurrentLiabilities: total(liabilities.filter((l) => !isCurrent(l)), 'LIABILITY'),
    totalAssets,
    totalLiabilities,
    totalEquity,
    balanced: totalAssets === totalLiabilities + totalEquity,
  };
}

/** Adds computed amounts to equity lines (creating them when absent), dropping lines that end at zero. */
function withComputed(lines: AccountLine[], chart: Chart, add: Record<string, number>): AccountLine[] {
  const out = new Map(lines.map((l) => [l.account, { ...l }]));
  for (const [account, amount] of Object.entries(add)) {
    const acc = chart.get(account)!;
    const line = out.get(account) ?? { account, name: acc.name, kind: acc.kind, amount: 0, contra: false };
    line.amount += amount;
    out.set(account, line);
  }
  return [...out.values()].filter((l) => l.amount !== 0).sort((a, b) => a.account.localeCompare(b.account));
}

/** Laporan hasil usaha: revenue (member and non-member apart), costs, and the surplus (SHU). */
export async function results(ctx: CoreContext, scope: Scope, from: string, to: string) {
  const chart = ctx.chart;
  const lines = byAccount(await movements(ctx, scope.coopId, from, to), chart, scope);
  const revenue = lines.filter((l) => l.kind === 'REVENUE');
  const expenses = lines.filter((l) => l.kind === 'EXPENSE');
  const memberRevenue = revenue.filter((l) => chart.get(l.account)?.member === 'MEMBER').reduce((s, l) => s + l.amount, 0);
  const nonMemberRevenue = revenue.filter((l) => chart.get(l.account)?.member === 'NON_MEMBER').reduce((s, l) => s + l.amount, 0);
  const totalRevenue = total(lines, 'REVENUE');
  const totalExpenses = total(lines, 'EXPENSE');
  // Hasil usaha in steps: revenue - cost of goods = gross surplus; - operating costs = surplus before tax; - tax.
  const sumOf = (codes: (code: string) => boolean) => expenses.filter((l) => codes(l.account)).reduce((s2, l) => s2 + l.amount, 0);
  const costOfGoods = sumOf((c) => c.startsWith('5') || c.endsWith('.cogs'));
  const incomeTax = sumOf((c) => c === '6210');
  const grossSurplus = totalRevenue - costOfGoods;
  const operatingExpenses = totalExpenses - costOfGoods - incomeTax;
  return {
    from,
    to,
    revenue,
    expenses,
    memberRevenue,
    nonMemberRevenue,
    totalRevenue,
    costOfGoods,
    grossSurplus,
    operatingExpenses,
    surplusBeforeTax: grossSurplus - operatingExpenses,
    incomeTax,
    totalExpenses,
    surplus: totalRevenue - totalExpenses,
  };
}

/** Arus kas, direct method: receipts and payments by the account they were received for or paid to. */
export async function cashFlow(ctx: CoreContext, scope: Scope, from: string, to: string) {
  const chart = ctx.chart;
  const [period, opening] = await Promise.all([
    movements(ctx, scope.coopId, from, to),
    movementsUpTo(ctx, scope.coopId, new Date(Date.parse(`${from}T00:00:00Z`) - 86_400_000).toISOString().slice(0, 10)),
  ]);
  const cashOf = (ms: Movement[]) =>
    ms.filter((m) => chart.get(m.account)?.cash && (!scope.unitId || m.segment === scope.unitId)).reduce((s, m) => s + m.debit - m.credit, 0);
  const lines = period
    .filter((m) => isCashFlowAccount(m.account) && (!scope.unitId || m.segment === scope.unitId))
    .map((m) => {
      const [, cls, account] = m.account.split('~') as [string, 'OPERATING' | 'INVESTING' | 'FINANCING', string];
      return { class: cls, account, name: chart.get(account)?.name ?? { id: account, en: account }, receipts: m.debit, payments: m.credit };
    });
  const merged = new Map<string, (typeof lines)[number]>();
  for (const l of lines) {
    const k = `${l.class}|${l.account}`;
    const cur = merged.get(k);
    if (cur) {
      cur.receipts += l.receipts;
      cur.payments += l.payments;
    } else merged.set(k, { ...l });
  }
  const all = [...merged.values()].sort((a, b) => `${a.class}${a.account}`.localeCompare(`${b.class}${b.account}`));
  const net = (cls: string) => all.filter((l) => l.class === cls).reduce((s, l) => s + l.receipts - l.payments, 0);
  const openingCash = cashOf(opening);
  const netChange = net('OPERATING') + net('INVESTING') + net('FINANCING');
  return { from, to, lines: all, operating: net('OPERATING'), investing: net('INVESTING'), financing: net('FINANCING'), openingCash, netChange, closingCash: openingCash + cashOf(period) };
}

/** Changes in equity over a period: opening, movements per equity account, surplus, closing. */
export async function changesInEquity(ctx: CoreContext, scope: Scope, from: string, to: string) {
  const chart = ctx.chart;
  const dayBefore = new Date(Date.parse(`${from}T00:00:00Z`) - 86_400_000).toISOString().slice(0, 10);
  const [openingPos, closingPos, period] = await Promise.all([
    financialPosition(ctx, scope, dayBefore),
    financialPosition(ctx, scope, to),
    results(ctx, scope, from, to),
  ]);
  const accounts = new Set([...openingPos.equity, ...closingPos.equity].map((l) => l.account));
  const amountIn = (lines: AccountLine[], account: string) => lines.find((l) => l.account === account)?.amount ?? 0;
  const rows = [...accounts].sort().map((account) => ({
    account,
    name: chart.get(account)!.name,
    opening: amountIn(openingPos.equity, account),
    closing: amountIn(closingPos.equity, account),
    change: amountIn(closingPos.equity, account) - amountIn(openingPos.equity, account),
  }));
  return { from, to, rows, surplus: period.surplus, openingTotal: openingPos.totalEquity, closingTotal: closingPos.totalEquity };
}
