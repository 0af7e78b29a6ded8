import type { UnitSchemaKit } from '@kkmp/plugin-sdk';
import { prefetchBook } from '../loans/book';
import { rebuildLoanBook } from '../services/loan-book';
import { memberStatement, memberStatementArgs, portfolio, portfolioArgs, provisionAllowance } from '../services/reports';
import type { SimpanpinjamSettings } from '../settings';
import type { Refs } from './types';

/** Reports and the allowance: GraphQL fields mapped to the services in ../services, which hold the rules. */

type Kit = UnitSchemaKit<SimpanpinjamSettings>;

export function registerReports(unit: Kit, r: Refs) {
  unit.query('portfolio', {
    type: r.Portfolio,
    description: 'Loan portfolio report on any date: collectibility per class, problem-loan risk and ratio, and the arrears list.',
    permission: 'simpanpinjam:read',
    args: (t) => ({ asOf: t({ type: 'Date', required: false, description: 'The date (default today).' }) }),
    schema: portfolioArgs,
    // The loan book's marker comes with the gate's read, before the book's rows (see readBook).
    prefetch: prefetchBook,
    resolve: (args, u) => portfolio(u, args.asOf ?? u.today()),
  });

  unit.mutation('provisionAllowance', {
    type: r.Provision,
    description:
      "Bring the allowance for loan losses (penyisihan penghapusan pinjaman) to today's problem-loan risk: posts Dr allowance expense, Cr allowance for an increase (the reverse for a release). Write-offs use the allowance first.",
    permission: 'simpanpinjam:manage',
    businessEvent: true,
    input: () => ({}),
    resolve: (_input, u) => provisionAllowance(u),
  });

  unit.mutation('rebuildLoanBook', {
    type: r.LoanBookRebuild,
    description:
      'Rebuild the loan book from the loans, 40 loans a call: call again (each with a new idempotency key) until `complete` is true. For loans made before the book was kept, or to check it (the portfolio, the related-party limit and the lists of approved or active loans read the book instead of every loan, and read every loan while a rebuild runs or the book is not complete). Safe while loans are being written; a loan whose row is right costs no write.',
    permission: 'simpanpinjam:manage',
    businessEvent: false,
    input: () => ({}),
    resolve: (_input, u) => rebuildLoanBook(u),
  });

  unit.query('memberStatement', {
    type: r.MemberStatement,
    description: "A member's savings, time deposits and loans for a period.",
    permission: 'simpanpinjam:read',
    args: (t) => ({
      memberId: t.id({ description: 'The member (a Member id).' }),
      from: t({ type: 'Date', required: false, description: 'First day (default: first day of this month).' }),
      to: t({ type: 'Date', required: false, description: 'Last day (default: today).' }),
    }),
    schema: memberStatementArgs,
    resolve: (args, u) => memberStatement(u, args),
  });
}
