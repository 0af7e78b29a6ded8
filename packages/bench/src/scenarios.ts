import { randomUUID } from 'node:crypto';
import type { Fixture } from './seed';

/**
 * What a scenario is held to (the Targets): a read at most 2 sequential round trips plus one per
 * level of list nesting and >= 0.85x its floor; a unit's sale at most 3 and >= 0.85x; the trivial query
 * >= 0.15x bare http. Other writes (a pond reading) are measured with no target but calls at 1x = Nx.
 */
export type Kind = 'read' | 'sale' | 'write' | 'trivial';

export interface Scenario {
  name: string;
  title: string;
  kind: Kind;
  /** Levels of list nesting in the answer (a read's round-trip budget is 2 + this). */
  listLevels: number;
  token?: string;
  /** A request body; a mutation's carries a fresh idempotency key each time. */
  body(): string;
  /** The GraphQL field whose answer must not be an error type. */
  field?: string;
}

const ERR = '__typename ... on Error { code messageEn }';
const body = (query: string, variables: Record<string, unknown> = {}) => JSON.stringify({ query, variables });
const sale = (field: string, fields: string) =>
  `mutation($input: ${field[0]!.toUpperCase()}${field.slice(1)}Input!) { ${field}(input: $input) { ${ERR} ... on ${field[0]!.toUpperCase()}${field.slice(1)}Success { data { ${fields} } } } }`;

/** The scenarios' names, in the table's order. */
export const SCENARIO_NAMES = ['member-profile', 'products-50', 'sembako-sale', 'financial-position', 'city-20', 'loan-portfolio', 'member-statement', 'typename', 'lpg-sale', 'pupuk-redemption', 'airminum-sale', 'kolam-reading'];

/** Every scenario of the bench, over the seeded fixture (names are stable: the JSON and the suite test use them). */
export function scenarios(f: Fixture): Scenario[] {
  const c = f.cooperativeId;
  let readingSeq = 0;
  let farmerSeq = 0;
  let buyerSeq = 0;
  return [
    {
      name: 'member-profile',
      title: 'member profile with equity',
      kind: 'read',
      listLevels: 0,
      token: f.people.member,
      field: 'member',
      body: () =>
        body(`query($id: ID!) { member(id: $id) { ${ERR} ... on Member { id name memberNumber status joinDate equity { asOf balance pokokPaid wajibDue wajibPaid wajibArrears } } } }`, { id: f.memberId }),
    },
    {
      name: 'products-50',
      title: '50 products with stock',
      kind: 'read',
      listLevels: 1,
      token: f.people.staff,
      body: () =>
        body(
          `query($c: ID!) { sembakoProducts(cooperativeId: $c, first: 50) { edges { node { id sku name packName memberPrice nonMemberPrice ceilingPrice { perSellingUnit reference } stock { quantity averageCost } } } } }`,
          { c },
        ),
    },
    {
      name: 'sembako-sale',
      title: '3-line sembako sale',
      kind: 'sale',
      listLevels: 0,
      token: f.people.staff,
      field: 'sembakoSell',
      body: () =>
        body(sale('sembakoSell', 'id number total'), {
          // Members in turn, as at a real counter (one member's items are not a hot key of the run).
          input: { cooperativeId: c, idempotencyKey: randomUUID(), memberId: f.memberIds[buyerSeq++ % f.memberIds.length], paymentMethod: 'CASH', lines: f.sembakoLines },
        }),
    },
    {
      name: 'financial-position',
      title: 'financial position',
      kind: 'read',
      listLevels: 0,
      token: f.people.manager,
      field: 'cooperative',
      body: () =>
        body(
          `query($id: ID!, $asOf: Date!) { cooperative(id: $id) { ${ERR} ... on Cooperative { ledger { financialPosition(asOf: $asOf) { asOf balanced totalAssets totalLiabilities totalEquity currentSurplus assets { account amount } liabilities { account amount } equity { account amount } } } } } }`,
          { id: c, asOf: f.today },
        ),
    },
    {
      name: 'city-20',
      title: 'city: 20 cooperatives with units and totals',
      kind: 'read',
      listLevels: 1,
      token: f.cityToken,
      field: 'city',
      body: () => body(CITY_PAGE, { id: f.cityId, first: 20, asOf: f.today }),
    },
    {
      name: 'loan-portfolio',
      title: 'loan portfolio',
      kind: 'read',
      listLevels: 1,
      token: f.people.manager,
      body: () =>
        body(
          `query($c: ID!, $asOf: Date) { simpanpinjamPortfolio(cooperativeId: $c, asOf: $asOf) { asOf loanCount outstanding problemLoans problemLoanRatioBp allowance classes { number collectibility count outstanding } arrears { daysPastDue collectibility overdue outstanding loan { id productName principal } } } }`,
          { c, asOf: f.today },
        ),
    },
    {
      name: 'member-statement',
      title: 'member statement',
      kind: 'read',
      listLevels: 1,
      token: f.people.manager,
      body: () =>
        body(
          `query($c: ID!, $m: ID!, $from: Date, $to: Date) { simpanpinjamMemberStatement(cooperativeId: $c, memberId: $m, from: $from, to: $to) { from to savings { account { productName } opening closing lines { date kind amount balance } } timeDeposits { id principal maturityDate status } loans { id productName principal principalOutstanding collectibility daysPastDue due { total } schedule { number dueDate total state } } } }`,
          { c, m: f.memberId, from: `${f.today.slice(0, 7)}-01`, to: f.today },
        ),
    },
    { name: 'typename', title: '{ __typename }', kind: 'trivial', listLevels: 0, body: () => body('{ __typename }') },
    {
      name: 'lpg-sale',
      title: 'LPG sale (3 kg refill, micro business)',
      kind: 'sale',
      listLevels: 0,
      token: f.people.staff,
      field: 'lpgSell',
      body: () =>
        body(sale('lpgSell', 'number total'), {
          input: { cooperativeId: c, idempotencyKey: randomUUID(), buyerNik: f.lpgBuyerNik, paymentMethod: 'CASH', lines: [{ productId: f.lpgRefillId, quantity: 1 }] },
        }),
    },
    {
      name: 'pupuk-redemption',
      title: 'fertilizer redemption (1 kg Urea)',
      kind: 'sale',
      listLevels: 0,
      token: f.people.staff,
      field: 'pupukSell',
      body: () =>
        body(sale('pupukSell', 'number total'), {
          input: {
            cooperativeId: c,
            idempotencyKey: randomUUID(),
            // Each request a farmer in turn: one farmer's season allocation would run out.
            buyerNik: f.farmerNiks[farmerSeq++ % f.farmerNiks.length],
            paymentMethod: 'CASH',
            proofReference: `BENCH-${farmerSeq}`,
            lines: [{ productId: f.ureaId, quantity: 1 }],
          },
        }),
    },
    {
      name: 'airminum-sale',
      title: 'refill sale (3 gallons)',
      kind: 'sale',
      listLevels: 0,
      token: f.people.staff,
      field: 'airminumSell',
      body: () =>
        body(sale('airminumSell', 'number total'), {
          input: { cooperativeId: c, idempotencyKey: randomUUID(), paymentMethod: 'CASH', lines: [{ productId: f.refillId, quantity: 3 }] },
        }),
    },
    {
      name: 'kolam-reading',
      title: 'pond gauge reading',
      kind: 'write',
      listLevels: 0,
      token: f.people.staff,
      field: 'kolamretensiRecordReadings',
      body: () =>
        body(sale('kolamretensiRecordReadings', 'stored duplicates'), {
          // Staff read the gauges in turn, each gauge's readings in time order (the usual case: a late
          // reading re-decides the alert log around it, see alerts.ts), 100 ms apart from four minutes ago.
          input: (() => {
            const n = readingSeq++;
            const at = new Date(f.now.getTime() - 240_000 + 100 * Math.floor(n / f.gaugeIds.length)).toISOString();
            return { cooperativeId: c, idempotencyKey: randomUUID(), sensorId: f.gaugeIds[n % f.gaugeIds.length], readings: [{ at, levelCm: 655 }] };
          })(),
        }),
    },
  ];
}

export const CITY_PAGE = `query($id: ID!, $first: Int!, $asOf: Date!) { city(id: $id) { ${ERR} ... on City { cooperatives(first: $first) { edges { node { id name status units { unitId enabled } ledger { financialPosition(asOf: $asOf) { totalAssets totalLiabilities totalEquity currentSurplus } } } } } } } }`;

/** Whether an answer is what the scenario means: HTTP 200, no GraphQL error, no error type in its field. */
export function answered(s: Scenario, status: number, text: string): true | string {
  if (status !== 200) return `HTTP ${status}: ${text.slice(0, 200)}`;
  if (text.includes('"errors"')) return text.slice(0, 300);
  if (s.kind === 'sale' || s.kind === 'write') return text.includes('Success"') ? true : text.slice(0, 300);
  if (s.field && /"code":"[A-Z_]+"/.test(text)) return text.slice(0, 300);
  return true;
}
