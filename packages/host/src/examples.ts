import { Kind, parse, validate, type GraphQLSchema, type OperationDefinitionNode } from 'graphql';
import type { AnyUnit, UnitExample } from '@kkmp/plugin-sdk';

/** The host's own examples: what every deployment has, whatever units it installs. */
export const coreExamples: UnitExample[] = [
  {
    name: 'Who am I',
    description: 'The Authorization header below holds the demo manager token; other demo tokens are printed by `npm run dev`.',
    query: `query Me {
  me { userId name role cityId cooperativeId units }
}`,
  },
  {
    name: 'Sign in',
    description:
      'Signs in as the demo manager (its password is printed by `npm run dev`). Put the accessToken in the header editor as "Authorization: Bearer ..."; refresh it with refreshSession before accessTokenExpiresAt.',
    query: `mutation SignIn($login: String!, $password: String!) {
  signIn(input: { login: $login, password: $password }) {
    __typename
    ... on SignInSuccess {
      data {
        accessToken
        accessTokenExpiresAt
        refreshToken
        grant { id role cooperativeId }
        grants { id role cooperativeId memberId }
      }
    }
    ... on BusinessRuleError { rule }
    ... on Error { code messageEn messageId }
  }
}`,
    variables: { login: '$core.managerLogin', password: '$core.managerPassword' },
  },
  {
    name: 'City dashboard',
    description: "Dinas Koperasi's view: every cooperative of the city with its status, units and balance sheet totals.",
    as: 'city',
    query: `query CityDashboard($cityId: ID!, $asOf: Date!, $first: Int, $after: String) {
  city(id: $cityId) {
    __typename
    ... on City {
      name
      cooperatives(first: $first, after: $after) {
        pageInfo { hasNextPage endCursor }
        edges {
          node {
            id
            name
            status
            statusChangedAt
            kelurahan { name kecamatan }
            units { unitId }
            ledger { financialPosition(asOf: $asOf) { totalAssets totalEquity currentSurplus } }
          }
        }
      }
    }
    ... on Error { code messageEn messageId }
  }
}`,
    variables: { cityId: '$cityId', asOf: '$today', first: 20 },
  },
  {
    name: 'City activation: X of Y active',
    description: 'Counts per city and kelurahan measured from what cooperatives record (activity within the window), units, constraints, overdue follow-ups.',
    as: 'city',
    query: `query CityActivation($cityId: ID!) {
  city(id: $cityId) {
    __typename
    ... on City {
      name
      dashboard {
        asOf
        windowDays
        counts { total formed legalEntity operating active inactive operatingWithoutActivity }
        kelurahan { kelurahan { name kecamatan } counts { total active } }
        units { unitId enabled trading }
        constraints { constraint cooperatives }
        overdueFollowUps
      }
    }
    ... on Error { code messageEn messageId }
  }
}`,
    variables: { cityId: '$cityId' },
  },
  {
    name: 'Operating cooperatives without activity',
    description: 'The ones to call in: OPERATING, yet no business transaction within the window, with their summaries; `totalCount` counts them all.',
    as: 'city',
    query: `query Inactive($cityId: ID!, $after: String) {
  city(id: $cityId) {
    __typename
    ... on City {
      cooperativeActivity(first: 50, after: $after, filter: { status: OPERATING, active: false }) {
        totalCount
        pageInfo { hasNextPage endCursor }
        edges { node { lastActivityDate daysSinceActivity members unitsEnabled lastRatDate cooperative { name kelurahan { name } } } }
      }
      overdueFollowUps { cooperative { name } nextFollowUpDate constraints }
    }
    ... on Error { code messageEn messageId }
  }
}`,
    variables: { cityId: '$cityId' },
  },
  {
    name: 'Record a follow-up',
    description: 'A visit or a meeting at city hall: the constraints found, the actions agreed, the next follow-up date.',
    as: 'city',
    query: `mutation RecordFollowUp($input: RecordFollowUpInput!) {
  recordFollowUp(input: $input) {
    __typename
    ... on RecordFollowUpSuccess { data { id date kind constraints actions nextFollowUpDate } }
    ... on ValidationError { fields { field messageEn messageId } }
    ... on Error { code messageEn messageId }
  }
}`,
    variables: { input: { cooperativeId: '$cooperativeId', kind: 'MEETING_AT_CITY_HALL', constraints: ['CAPITAL', 'MANAGEMENT'], actions: ['Pelatihan pembukuan', 'Temu usaha dengan Perum Bulog'] } },
  },
  {
    name: 'City exports (CSV)',
    description: 'The activation table as a CSV file; other kinds: COOPERATIVES, FOLLOW_UPS, TRAINING_ATTENDANCE.',
    as: 'city',
    query: `query CityCsv($cityId: ID!) {
  city(id: $cityId) { __typename ... on City { exportCsv(kind: ACTIVATION) } ... on Error { code messageEn messageId } }
}`,
    variables: { cityId: '$cityId' },
  },
  {
    name: 'Cooperative profile',
    description: 'The cooperative, its board and the business units it runs.',
    query: `query Cooperative($id: ID!) {
  cooperative(id: $id) {
    __typename
    ... on Cooperative {
      name
      legalName
      status
      registrationNumber
      kelurahan { name kecamatan city { name } }
      board { name position }
      units { unitId enabled settings }
    }
    ... on Error { code messageEn messageId }
  }
}`,
    variables: { id: '$cooperativeId' },
  },
  {
    name: 'Members',
    description: 'Members page by page (Relay connection: first/after), with their equity savings balance.',
    query: `query Members($id: ID!, $first: Int, $after: String) {
  cooperative(id: $id) {
    ... on Cooperative {
      members(first: $first, after: $after) {
        pageInfo { hasNextPage endCursor }
        edges { node { id memberNumber name status joinDate equity { balance wajibArrears } } }
      }
    }
    ... on Error { code messageEn messageId }
  }
}`,
    variables: { id: '$cooperativeId', first: 10 },
  },
];

/**
 * Problems with examples against the schema: each must be one named operation that validates, with a
 * value for every required variable. Runs at start-up so a renamed field fails fast, not in a browser.
 */
export function checkExamples(schema: GraphQLSchema, units: readonly AnyUnit[]): string[] {
  const sets: [string, UnitExample[]][] = [['core', coreExamples], ...units.map((u): [string, UnitExample[]] => [u.id, u.examples ?? []])];
  const problems: string[] = [];
  for (const [owner, examples] of sets) {
    for (const example of examples) {
      for (const problem of [...checkExample(schema, example), ...checkPlaceholders(owner, example)]) problems.push(`${owner}: example "${example.name}": ${problem}`);
    }
  }
  return problems;
}

/** Values every deployment's GraphiQL fills in ("$cooperativeId"); a unit's own come from its demo ("$lpg.refillId"). */
const HOST_VALUES = ['cooperativeId', 'cityId', 'memberId', 'today', 'monthStart'];

/** "$name" strings must name a value GraphiQL fills: a tab must run as shipped, with nothing to paste. */
function checkPlaceholders(owner: string, example: UnitExample): string[] {
  const strings = (v: unknown): string[] => (typeof v === 'string' ? [v] : v && typeof v === 'object' ? Object.values(v).flatMap(strings) : []);
  return strings(example.variables ?? {})
    .filter((s) => s.startsWith('$') && !HOST_VALUES.includes(s.slice(1)) && !new RegExp(`^\\$${owner}\\.[A-Za-z]\\w*$`).test(s))
    .map((s) => `variable value "${s}" is not filled in: use ${HOST_VALUES.map((n) => `$${n}`).join(', ')} or "$${owner}.<name>" returned by the unit's demo`);
}

function checkExample(schema: GraphQLSchema, example: UnitExample): string[] {
  let document;
  try {
    document = parse(example.query);
  } catch (err) {
    return [err instanceof Error ? err.message : String(err)];
  }
  const operations = document.definitions.filter((d): d is OperationDefinitionNode => d.kind === Kind.OPERATION_DEFINITION);
  if (operations.length !== 1 || !operations[0]!.name) return ['must hold exactly one named operation'];
  const problems = validate(schema, document).map((e) => e.message);
  for (const v of operations[0]!.variableDefinitions ?? []) {
    const required = v.type.kind === Kind.NON_NULL_TYPE && !v.defaultValue;
    if (required && example.variables?.[v.variable.name.value] === undefined) problems.push(`no value for required variable $${v.variable.name.value}`);
  }
  return problems;
}
