import type { UnitTestHost } from '@kkmp/unit-testing';

let seq = 0;
/** A distinct structurally valid NIK (Kota Bandung, born April 1985) per call. */
export function nextNik(): string {
  seq += 1;
  const day = String(1 + (seq % 28)).padStart(2, '0');
  return `327310${day}0485${String(1000 + seq).padStart(4, '0')}`;
}

/** Local 09:00 WIB of a date, as the instant the host clock takes. */
export const at = (date: string, time = '02:00:00') => `${date}T${time}Z`;

export async function registerMember(host: UnitTestHost, name: string): Promise<string> {
  const res = await host.gql(
    `mutation($input: RegisterMemberInput!) { registerMember(input: $input) { __typename ... on RegisterMemberSuccess { data { id } } ... on Error { code messageEn } } }`,
    { input: { cooperativeId: host.a.id, nik: nextNik(), name, address: 'Jl. Merdeka 1, Sukamaju' } },
    host.a.manager,
  );
  if (res.data?.registerMember?.__typename !== 'RegisterMemberSuccess') throw new Error(`registerMember: ${JSON.stringify(res)}`);
  return res.data.registerMember.data.id;
}

export async function payWajib(host: UnitTestHost, memberId: string, amount: number) {
  const res = await host.gql(
    `mutation($input: RecordEquityPaymentInput!) { recordEquityPayment(input: $input) { __typename ... on Error { code messageEn } } }`,
    { input: { memberId, kind: 'WAJIB', amount } },
    host.a.manager,
  );
  if (res.data?.recordEquityPayment?.__typename !== 'RecordEquityPaymentSuccess') throw new Error(`recordEquityPayment: ${JSON.stringify(res)}`);
}

const ERRORS = `... on BusinessRuleError { code rule field details messageEn messageId }
  ... on ValidationError { code fields { field messageEn messageId } }
  ... on Error { code messageEn messageId }`;

/** Runs simpanpinjam<Name>(input) and returns its union value (data under .data on success). */
export async function mutate(host: UnitTestHost, name: string, input: Record<string, unknown>, token: string, selection = '{ id }') {
  const field = `simpanpinjam${name.slice(0, 1).toUpperCase()}${name.slice(1)}`;
  const type = `${field.slice(0, 1).toUpperCase()}${field.slice(1)}`;
  const res = await host.gql(
    `mutation($input: ${type}Input!) { ${field}(input: $input) { __typename ... on ${type}Success { data ${selection} } ${ERRORS} } }`,
    { input: { cooperativeId: host.a.id, ...input } },
    token,
  );
  if (res.errors) throw new Error(`${field}: ${JSON.stringify(res.errors)}`);
  return res.data[field];
}

/** Like mutate, but throws unless it succeeded; returns data. */
export async function ok(host: UnitTestHost, name: string, input: Record<string, unknown>, token: string, selection = '{ id }') {
  const r = await mutate(host, name, input, token, selection);
  if (!String(r.__typename).endsWith('Success')) throw new Error(`${name} failed: ${JSON.stringify(r)}`);
  return r.data;
}

export async function query(host: UnitTestHost, doc: string, variables: Record<string, unknown>, token: string) {
  const res = await host.gql(doc, { cooperativeId: host.a.id, ...variables }, token);
  if (res.errors) throw new Error(JSON.stringify(res.errors));
  return res.data;
}

export const LOAN = `{ id status principal principalOutstanding daysPastDue collectibility collectibilityClass enteredBy boardApprovedBy supervisorApprovedBy closedOn
  schedule { number dueDate principal interest fee state paidPrincipal paidInterest paidFee penalty }
  due { penalty fee interest principal total } payoff { penalty fee interest principal total }
  repayments { date amount penalty fee interest principal } events { what by } }`;

/** Closing balance (debit positive) of one account in the trial balance up to a date. */
export async function accountBalance(host: UnitTestHost, account: string, to: string): Promise<number> {
  const res = await host.gql(
    `query($id: ID!, $to: Date!) { cooperative(id: $id) { ... on Cooperative { ledger { trialBalance(from: "2026-01-01", to: $to) { lines { account closingDebit closingCredit } } } } } }`,
    { id: host.a.id, to },
    host.a.manager,
  );
  if (res.errors) throw new Error(JSON.stringify(res.errors));
  const line = res.data.cooperative.ledger.trialBalance.lines.find((l: { account: string }) => l.account === account);
  return line ? line.closingDebit - line.closingCredit : 0;
}
