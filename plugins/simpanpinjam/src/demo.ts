import type { UnitDemoContext } from '@kkmp/plugin-sdk';
import { addMonths } from './dates';

const ok = (r: any, field: string) => {
  const x = r[field];
  if (!x?.__typename?.endsWith('Success')) throw new Error(`${field}: ${JSON.stringify(x)}`);
  return x.data;
};

/**
 * Demo: a savings product and a loan product; two members save; one loan is paid on time and one has
 * fallen behind, so the portfolio report shows a DPK loan. Dates move with the demo clock.
 */
export async function demo(ctx: UnitDemoContext): Promise<void> {
  const [ani, budi] = ctx.members;
  if (!ani || !budi) return;
  const cooperativeId = ctx.cooperativeId;
  const m = async (name: string, input: Record<string, unknown>, as: 'manager' | 'staff' = 'manager', selection = '{ id }') => {
    const type = `Simpanpinjam${name.slice(0, 1).toUpperCase()}${name.slice(1)}Input`;
    const field = `simpanpinjam${name.slice(0, 1).toUpperCase()}${name.slice(1)}`;
    const r = await ctx.gql(`mutation($input: ${type}!) { ${field}(input: $input) { __typename ... on ${field.slice(0, 1).toUpperCase()}${field.slice(1)}Success { data ${selection} } ... on Error { code messageEn } } }`, { input: { cooperativeId, ...input } }, as);
    return ok(r, field) as { id: string };
  };
  const today = ctx.today();
  // History starts four months back so the late loan is past due today.
  const start = addMonths(today, -4);
  ctx.setTime(start, '09:00');

  const sukarela = await m('createSavingsProduct', { name: 'Simpanan Sukarela', kind: 'SAVINGS', annualRateBp: 300, balanceMethod: 'MINIMUM', minBalance: 10_000 });
  const usaha = await m('createLoanProduct', {
    name: 'Pinjaman Usaha Mikro',
    interestMethod: 'FLAT',
    annualRateBp: 1800,
    minAmount: 500_000,
    maxAmount: 10_000_000,
    minTermMonths: 3,
    maxTermMonths: 24,
    adminFeeBp: 100,
    adminFeeDeducted: true,
    penaltyMethod: 'PER_DAY',
    penaltyRateBp: 5,
    maxLoanToSavingsBp: 50_000,
  });
  for (const [member, amount] of [[ani, 2_500_000], [budi, 1_000_000]] as const) {
    const account = await m('openSavingsAccount', { memberId: member.id, productId: sukarela.id }, 'staff');
    await m('deposit', { accountId: account.id, amount }, 'staff');
  }
  const lend = async (memberId: string, amount: number, purpose: string) => {
    const loan = await m('applyForLoan', { memberId, productId: usaha.id, amount, termMonths: 6, purpose }, 'staff');
    await m('approveLoan', { loanId: loan.id });
    await m('disburseLoan', { loanId: loan.id }, 'staff');
    return loan;
  };
  const current = await lend(ani.id, 3_000_000, 'Modal warung sembako');
  const late = await lend(budi.id, 2_000_000, 'Perbaikan gerobak');
  // Flat 1.5% a month: 3 000 000 pays 500 000 + 45 000 a month; 2 000 000 pays 333 333 + 30 000 and stops after one.
  for (let month = 1; month <= 3; month++) {
    ctx.setTime(addMonths(start, month), '10:00');
    await m('repayLoan', { loanId: current.id, amount: 545_000 }, 'staff', '{ closed }');
    if (month === 1) await m('repayLoan', { loanId: late.id, amount: 363_333 }, 'staff', '{ closed }');
  }
  ctx.setTime(today, '09:00');
}

