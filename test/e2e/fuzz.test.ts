import { installedUnits } from '@kkmp/api';
import { buildHostSchema } from '@kkmp/host';
import fc from 'fast-check';
import {
  getNamedType,
  isEnumType,
  isInputObjectType,
  isListType,
  isNonNullType,
  type GraphQLField,
  type GraphQLInputObjectType,
  type GraphQLInputType,
} from 'graphql';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { platformAdmin, startTestApi, type TestApi } from '../support/api';
import { cityWithCoop, nextNik, ops } from '../support/fixtures';
import { makeNik } from '@kkmp/core';

/**
 * Fuzzing (issue 20) with fast-check: generated hostile inputs (any unicode with controls and text-direction
 * characters, huge strings, wrong types, nested garbage, huge and negative numbers and money, junk and
 * foreign ids, bad idempotency keys) against every mutation of the schema, and hostile documents (deep
 * nesting, many aliases, bogus and cyclic fragments, unknown fields, garbage), over real HTTP to the real
 * API on DynamoDB Local, as callers of every kind. Every case must hold:
 *   - no HTTP 5xx;
 *   - no unmasked error: every error carries a known code, and none is INTERNAL (masked or not: the docs
 *     call INTERNAL a bug) or shows a stack or an exception's name;
 *   - nothing written after a refusal: a request that did not succeed writes nothing but its audit entry
 *     and sign-in attempt counters (every DynamoDB write is seen by middleware on the real client).
 * Runs: FUZZ_RUNS (default 1500 input cases) and FUZZ_DOC_RUNS (default 400 documents); FUZZ_SEED repeats a run.
 * `FUZZ_RUNS=20000 ./node_modules/.bin/vitest run test/e2e/fuzz.test.ts` runs a long one.
 */
const RUNS = Number(process.env.FUZZ_RUNS ?? 1500);
const DOC_RUNS = Number(process.env.FUZZ_DOC_RUNS ?? 400);
const SEED = Number(process.env.FUZZ_SEED ?? Date.now() % 2 ** 31);

const KNOWN_CODES = new Set([
  // graphql-yoga's answer to a document of several operations without an operationName (HTTP 400).
  'OPERATION_RESOLUTION_FAILURE',
  'VALIDATION', 'NOT_FOUND', 'FORBIDDEN', 'UNAUTHENTICATED', 'CONFLICT', 'IDEMPOTENCY_KEY_REUSED', 'INVALID_STATE', 'UNIT_NOT_ENABLED',
  'UNIT_DEPENDENCY', 'BUSINESS_RULE', 'GRAPHQL_PARSE_FAILED', 'GRAPHQL_VALIDATION_FAILED', 'BAD_REQUEST', 'BAD_USER_INPUT',
]);

const { schema } = buildHostSchema(installedUnits);
const mutations = Object.values(schema.getMutationType()!.getFields()).filter((f) => f.args.some((a) => a.name === 'input'));
const inputTypeOf = (m: GraphQLField<unknown, unknown>) => getNamedType(m.args.find((a) => a.name === 'input')!.type) as GraphQLInputObjectType;

// ---- what the API writes: middleware on the real client sees every write command and its keys ----

interface Write {
  command: string;
  sk: string;
  attempt: boolean;
}
let writes: Write[] = [];
const plain = (v: unknown): string => (typeof v === 'string' ? v : v && typeof v === 'object' && 'S' in v ? String((v as { S: unknown }).S) : String(v));

function writesOf(command: string, input: any): Write[] {
  // The attempt counters, and the lock a counter writes when it reaches its limit (throttle.ts).
  const one = (sk: unknown, values?: Record<string, unknown>) => ({
    command,
    sk: plain(sk),
    attempt: Object.values(values ?? {}).some((v) => plain(v) === 'AttemptWindow' || plain(v) === 'SignInLock'),
  });
  switch (command) {
    case 'PutItemCommand':
      return [one(input.Item?.sk, input.Item)];
    case 'UpdateItemCommand':
    case 'DeleteItemCommand':
      return [one(input.Key?.sk, input.ExpressionAttributeValues)];
    case 'TransactWriteItemsCommand':
      return (input.TransactItems ?? []).flatMap((t: any) =>
        t.Put ? [one(t.Put.Item?.sk, t.Put.Item)] : t.Update ? [one(t.Update.Key?.sk, t.Update.ExpressionAttributeValues)] : t.Delete ? [one(t.Delete.Key?.sk)] : [],
      );
    case 'BatchWriteItemCommand':
      return Object.values(input.RequestItems ?? {}).flatMap((reqs: any) => reqs.map((r: any) => one(r.PutRequest?.Item?.sk ?? r.DeleteRequest?.Key?.sk)));
    default:
      return [];
  }
}

/** What a refusal may write: its audit entry, and the sign-in attempt counters that make lock-outs work. */
const allowedAfterRefusal = (w: Write) => w.sk.startsWith('AUDIT#') || w.attempt;

// ---- hostile values by GraphQL type ----

const HOSTILE_TEXT = ['\u0000', 'a\u0000b', '\u202eRLO', '\u2066iso\u2069', '\u001b[2J\u001b[31m', '\ud800', '\udfff lone', '\u0085next', '\u007f', 'x\r\ny', '\t', ' ', '', '😀'.repeat(300)];
const text = fc.oneof(
  { weight: 3, arbitrary: fc.string({ maxLength: 40 }) },
  { weight: 3, arbitrary: fc.string({ unit: 'binary', maxLength: 40 }) },
  { weight: 2, arbitrary: fc.string({ unit: fc.constantFrom('\u0000', '\u001b', '\u202e', '\u2067', '\ud800', 'a', 'é', '\n', '\u0090'), maxLength: 20 }) },
  { weight: 3, arbitrary: fc.constantFrom(...HOSTILE_TEXT) },
  { weight: 1, arbitrary: fc.constantFrom(201, 501, 2_001, 200_001).map((n) => 'x'.repeat(n)) },
);
const garbage = fc.oneof(
  fc.integer(),
  fc.double(),
  fc.boolean(),
  fc.constant(null),
  fc.constant({}),
  fc.array(fc.string(), { maxLength: 3 }),
  fc.jsonValue({ maxDepth: 4 }),
  fc.constant(JSON.parse('['.repeat(60) + ']'.repeat(60))),
);
const bigNumbers = fc.constantFrom(-1, 0, 2 ** 31, -(2 ** 31) - 1, Number.MAX_SAFE_INTEGER, Number.MAX_SAFE_INTEGER + 2, 1e308, 1.5, -0.5);
const money = fc.oneof(fc.integer({ min: -1_000_000, max: 10_000_000 }), bigNumbers, fc.constantFrom('-5', '1e3', '99999999999999999999', ' 7 ', '0x10', '１２'));
const date = fc.oneof(fc.constantFrom('2026-03-15', '2026-03-01', '2025-12-31', '2026-02-30', '2999-01-01', '1900-01-01', '15-03-2026', ''), text);

interface Ids {
  cooperativeId: string;
  cityId: string;
  kelurahanId: string;
  memberId: string;
}
let ids: Ids;

function idArb(name: string) {
  const own = (ids as unknown as Record<string, string>)[name];
  return fc.oneof(
    { weight: 4, arbitrary: fc.constantFrom(...[own ?? ids.memberId, ids.cooperativeId, ids.memberId]) },
    { weight: 1, arbitrary: fc.constantFrom(ids.cityId, ids.kelurahanId) },
    { weight: 2, arbitrary: text },
    { weight: 1, arbitrary: fc.constantFrom(Buffer.from('Member:../../x:y').toString('base64url'), Buffer.from('Cooperative:\u0000').toString('base64url'), 'TWVtYmVy'.repeat(500)) },
  );
}

const badKey = fc.oneof(fc.constantFrom('', 'short', '😀'.repeat(600), 'k\u0000ey-12345', 'k'.repeat(201)), fc.string({ maxLength: 250 }));

/**
 * A case attacks one kind of value and keeps the rest plausible, so it gets past GraphQL's own coercion
 * and into the resolvers: `clean` (plausible everywhere: business refusals and successes), `text`,
 * `numbers`, `ids`, `types` (a wrong JSON type now and then: GraphQL refuses the request whole).
 */
type Mode = 'clean' | 'text' | 'numbers' | 'ids' | 'keys' | 'types';
const MODES: Mode[] = ['clean', 'text', 'text', 'numbers', 'ids', 'keys', 'types'];

/** Plausible text by field name; anything else a short word. */
function goodText(name: string): fc.Arbitrary<unknown> {
  if (name === 'idempotencyKey') return fc.uuid();
  if (/nik$/i.test(name)) return fc.integer({ min: 1, max: 9999 }).map((seq) => makeNik({ provinceCode: '32', regencyCode: '73', districtCode: '10', birthDate: '1990-05-17', sex: 'FEMALE', sequence: seq }));
  if (/month$|^through$/i.test(name)) return fc.constantFrom('2026-02', '2026-03');
  if (/phone|login/i.test(name)) return fc.constant('+6281234567890');
  if (name === 'password') return fc.constant('rahasia-kuat-123');
  return fc.oneof(fc.constantFrom('Beras Premium', 'Jl. Mawar 3\nRT 02', 'INV-2026-001', 'Catatan rapat', 'Siti Nur’aini', 'BERAS-5'), fc.string({ unit: fc.constantFrom(...'abcdefghijklmnopqrstuvwxyz0123456789 '), minLength: 1, maxLength: 20 }));
}

function goodScalar(scalar: string, name: string): fc.Arbitrary<unknown> {
  switch (scalar) {
    case 'ID':
      return fc.constant((ids as unknown as Record<string, string>)[name] ?? ids.memberId);
    case 'Int':
      return fc.integer({ min: 1, max: 100 });
    case 'Rupiah':
      return fc.integer({ min: 500, max: 500_000 });
    case 'Boolean':
      return fc.boolean();
    case 'Date':
      return fc.constantFrom('2026-03-15', '2026-03-14', '2026-03-01');
    case 'DateTime':
      return fc.constant('2026-03-15T02:00:00.000Z');
    case 'JSON':
      return fc.constant({});
    default:
      return goodText(name);
  }
}

function hostileScalar(scalar: string, name: string, mode: Mode): fc.Arbitrary<unknown> | undefined {
  if (mode === 'keys' && name === 'idempotencyKey') return badKey;
  if (mode === 'text' && scalar === 'String' && name !== 'idempotencyKey') return text;
  if (mode === 'numbers' && (scalar === 'Int' || scalar === 'Rupiah')) return scalar === 'Int' ? fc.oneof(fc.integer({ min: -5, max: 1_000_000 }), bigNumbers) : money;
  if (mode === 'numbers' && scalar === 'Date') return date;
  if (mode === 'ids' && scalar === 'ID') return idArb(name);
  if (mode === 'text' && scalar === 'JSON') return fc.oneof(fc.jsonValue({ maxDepth: 5 }), fc.constant(JSON.parse('{"a":'.repeat(40) + '"\\u0000"' + '}'.repeat(40))));
  return undefined;
}

function valueArb(type: GraphQLInputType, name: string, depth: number, mode: Mode): fc.Arbitrary<unknown> {
  if (isNonNullType(type)) return valueArb(type.ofType, name, depth, mode);
  if (isListType(type)) {
    const item = valueArb(type.ofType, name, depth, mode);
    const lists = fc.array(item, { minLength: 1, maxLength: 3 });
    return mode === 'clean' ? lists : fc.oneof({ weight: 6, arbitrary: lists }, { weight: 1, arbitrary: fc.array(item, { maxLength: 0 }) }, { weight: 1, arbitrary: fc.array(item, { minLength: 120, maxLength: 140 }) });
  }
  const named = getNamedType(type);
  if (isEnumType(named)) {
    const good = fc.constantFrom(...named.getValues().map((v) => v.name));
    return mode === 'types' ? fc.oneof({ weight: 5, arbitrary: good }, { weight: 1, arbitrary: text }) : good;
  }
  if (isInputObjectType(named)) return depth > 4 ? fc.constant({}) : objectArb(named, depth + 1, mode);
  const good = goodScalar(named.name, name);
  const hostile = hostileScalar(named.name, name, mode);
  return hostile ? fc.oneof({ weight: 2, arbitrary: good }, { weight: 3, arbitrary: hostile }) : good;
}

function objectArb(type: GraphQLInputObjectType, depth: number, mode: Mode): fc.Arbitrary<Record<string, unknown>> {
  const fields = Object.values(type.getFields());
  const shape = Object.fromEntries(
    fields.map((f) => {
      const value = valueArb(f.type, f.name, depth, mode);
      // In `types` mode a value of the wrong type now and then, or an unknown field: GraphQL must refuse it whole.
      return [f.name, mode === 'types' ? fc.oneof({ weight: 8, arbitrary: value }, { weight: 1, arbitrary: garbage }) : value];
    }),
  );
  const required = fields.filter((f) => isNonNullType(f.type)).map((f) => f.name);
  const extra = mode === 'types' ? fc.option(fc.string({ minLength: 1, maxLength: 8 }), { freq: 4 }) : fc.constant(null);
  return fc.tuple(fc.record(shape, { requiredKeys: required }), extra).map(([rec, unknown]) => (unknown ? { ...rec, [`zz${unknown}`]: 1 } : rec));
}

// ---- the API under attack ----

let api: TestApi;
const callers: Record<string, string | undefined> = {};
beforeAll(async () => {
  api = await startTestApi();
  const f = await cityWithCoop(api, 'Kota Fuzz');
  const member = await api.gql(ops.registerMember, { input: { cooperativeId: f.coopId, nik: nextNik(), name: 'Anggota Uji', address: 'Jl. Uji 1' } }, f.manager);
  ids = { cooperativeId: f.coopId, cityId: f.cityId, kelurahanId: f.kelurahanId, memberId: member.data.registerMember.data.id };
  for (const unit of installedUnits) {
    await api.gql(`mutation($input: UnitSettingsInput!) { enableUnit(input: $input) { __typename } }`, { input: { cooperativeId: f.coopId, unitId: unit.id, settings: unit.sampleSettings } }, f.manager);
  }
  Object.assign(callers, {
    manager: f.manager,
    staff: await api.token({ userId: 'fuzz-staff', role: 'COOP_STAFF', coopId: f.rawCoopId, units: installedUnits.map((u) => u.id) }),
    cityAdmin: f.cityAdmin,
    platform: await api.token(platformAdmin),
    anonymous: undefined,
  });
  api.db.raw.middlewareStack.add(
    (next, context) => async (args) => {
      const out = await next(args);
      // Only what DynamoDB accepted: a transaction its conditions cancelled (a create refused as a
      // duplicate, e.g. a second cooperative for a kelurahan) wrote nothing (seed 850094846 counted one).
      writes.push(...writesOf(context.commandName ?? '', (args as { input: unknown }).input));
      return out;
    },
    { step: 'initialize', name: 'fuzzWrites' },
  );
}, 120_000);
afterAll(() => api?.close());

async function post(body: string, token?: string): Promise<{ status: number; json: any }> {
  const res = await fetch(api.url, { method: 'POST', headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) }, body });
  const textBody = await res.text();
  let json: any;
  try {
    json = JSON.parse(textBody);
  } catch {
    json = { unparsed: textBody.slice(0, 200) };
  }
  return { status: res.status, json };
}

/** Characters no stored text may hold (the test's own oracle of the text rule: controls, bidi overrides, lone surrogates). */
const FORBIDDEN_CHARS = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;

/** Every string in a value, keys included. */
function stringsOf(v: unknown): string[] {
  if (typeof v === 'string') return [v];
  if (Array.isArray(v)) return v.flatMap(stringsOf);
  if (v && typeof v === 'object') return Object.entries(v).flatMap(([k, x]) => [k, ...stringsOf(x)]);
  return [];
}

/** Every way a response can break the rules; empty when it holds. */
function violations(status: number, json: any, written: Write[], sent: string): string[] {
  const out: string[] = [];
  if (status >= 500) out.push(`HTTP ${status}`);
  for (const e of json?.errors ?? []) {
    const code = e.extensions?.code;
    if (!KNOWN_CODES.has(code)) out.push(`error with code ${code}: ${String(e.message).slice(0, 120)}`);
    const shown = JSON.stringify(e);
    if (/\bat .+\.(ts|js):\d+|stack|TypeError|ReferenceError|ValidationException|DynamoDB/i.test(shown)) out.push(`internals shown: ${shown.slice(0, 160)}`);
  }
  const data = json?.data ? Object.values(json.data) : [];
  const succeeded = data.some((v: any) => v && typeof v === 'object' && String(v.__typename).endsWith('Success'));
  if (succeeded && FORBIDDEN_CHARS.test(sent)) out.push('accepted text with control or text-direction characters');
  if (!succeeded) {
    const bad = written.filter((w) => !allowedAfterRefusal(w));
    if (bad.length) out.push(`wrote after a refusal: ${bad.map((w) => `${w.command} ${w.sk.slice(0, 60)}`).join(', ')}`);
  }
  return out;
}

const seen = { cases: 0, mutations: new Set<string>(), documents: 0, outcomes: new Map<string, number>(), acceptedWrites: 0 };

/** How a response ended: the union member's code or Success, else the first error's code. */
function outcomeOf(json: any): string {
  const v: any = json?.data ? Object.values(json.data)[0] : undefined;
  if (v && typeof v === 'object') return String(v.__typename).endsWith('Success') ? 'accepted' : String(v.code);
  return String(json?.errors?.[0]?.extensions?.code ?? 'none');
}
const found: string[] = [];

async function check(label: string, body: string, token: string | undefined, sent: string) {
  writes = [];
  const { status, json } = await post(body, token);
  const problems = violations(status, json, writes, sent);
  const outcome = outcomeOf(json);
  seen.outcomes.set(outcome, (seen.outcomes.get(outcome) ?? 0) + 1);
  if (outcome === 'accepted') seen.acceptedWrites += writes.length;
  if (problems.length && found.length < 30) found.push(`${label}: ${problems.join('; ')} <- ${body.slice(0, 300)}`);
  return problems.length === 0;
}

describe('fuzzing every mutation with hostile inputs and documents', () => {
  it('hostile inputs: no 5xx, no unmasked error, nothing written after a refusal', async () => {
    const caseArb = fc
      .tuple(fc.constantFrom(...mutations), fc.constantFrom('manager', 'manager', 'manager', 'staff', 'cityAdmin', 'platform', 'anonymous'), fc.constantFrom(...MODES))
      .chain(([m, caller, mode]) => objectArb(inputTypeOf(m), 0, mode).map((input) => ({ m, caller, input })));
    await fc.assert(
      fc.asyncProperty(caseArb, async ({ m, caller, input }) => {
        seen.cases += 1;
        seen.mutations.add(m.name);
        const query = `mutation($input: ${inputTypeOf(m).name}!) { ${m.name}(input: $input) { __typename ... on Error { code messageEn messageId } } }`;
        const sent = stringsOf(input).join(' ');
        await check(`${m.name} as ${caller}`, JSON.stringify({ query, variables: { input } }), callers[caller], sent);
      }),
      { numRuns: RUNS, seed: SEED, endOnFailure: true },
    );
    console.log(`fuzz: ${seen.cases} cases across ${seen.mutations.size} mutations (of ${mutations.length}), ${found.length} violations (seed ${SEED})`);
    console.log(`fuzz outcomes: ${[...seen.outcomes].sort((a, b) => b[1] - a[1]).map(([k, n]) => `${k} ${n}`).join(', ')}; ${seen.acceptedWrites} items written by accepted cases`);
    // The write watch works: accepted cases wrote (a watch that saw nothing would pass any case).
    expect(seen.acceptedWrites).toBeGreaterThan(0);
    expect(found, found.join('\n')).toEqual([]);
  }, 600_000);

  it('hostile documents: no 5xx, no unmasked error, nothing written', async () => {
    const field = fc.constantFrom(...mutations.map((m) => m.name));
    const docArb = fc.oneof(
      // Deep nesting of selections and of input literals.
      fc.integer({ min: 10, max: 300 }).map((d) => `{ me ${'{ grant '.repeat(d)}${'}'.repeat(d)} }`),
      fc.tuple(field, fc.integer({ min: 10, max: 200 })).map(([f, d]) => `mutation { ${f}(input: ${'{ a: '.repeat(d)}1${'}'.repeat(d)}) { __typename } }`),
      // Many aliases of a mutation.
      fc.tuple(field, fc.integer({ min: 2, max: 200 })).map(([f, n]) => `mutation { ${Array.from({ length: n }, (_, i) => `a${i}: ${f}(input: {}) { __typename }`).join(' ')} }`),
      // Bogus, unused and cyclic fragments.
      field.map((f) => `mutation { ${f}(input: {}) { ...Missing } }`),
      fc.constant('query { me { ...A } } fragment A on Me { ...B } fragment B on Me { ...A }'),
      fc.constant('fragment Lonely on Query { __typename } query { __typename }'),
      // Unknown fields and arguments, and a string literal full of controls.
      fc.tuple(field, fc.string({ minLength: 1, maxLength: 20 })).map(([f, s]) => `mutation { ${f}(input: {}, bogus: ${JSON.stringify(s)}) { nope } }`),
      fc.tuple(field, text).map(([f, s]) => `mutation { ${f}(input: { cooperativeId: ${JSON.stringify(s)}, idempotencyKey: ${JSON.stringify(s)} }) { __typename } }`),
      // Garbage and near-garbage.
      fc.string({ unit: 'binary', maxLength: 200 }),
      fc.constantFrom('', '{', 'mutation', '}}}}', 'query { __schema { types { name } } }'.repeat(50), `{ ${'__typename '.repeat(5000)}}`),
    );
    const bodyArb = fc.oneof(
      { weight: 8, arbitrary: docArb.map((query) => JSON.stringify({ query })) },
      { weight: 1, arbitrary: fc.jsonValue({ maxDepth: 3 }).map((v) => JSON.stringify(v)) },
      { weight: 1, arbitrary: docArb.map((query) => JSON.stringify({ query, variables: 'nope', operationName: 7 })) },
    );
    let writtenByDocuments = 0;
    await fc.assert(
      fc.asyncProperty(bodyArb, fc.constantFrom('manager', 'platform', 'anonymous'), async (body, caller) => {
        seen.documents += 1;
        await check(`document as ${caller}`, body, callers[caller], '');
        writtenByDocuments += writes.length;
      }),
      { numRuns: DOC_RUNS, seed: SEED, endOnFailure: true },
    );
    console.log(`fuzz: ${seen.documents} hostile documents, ${found.length} violations, ${writtenByDocuments} items written (seed ${SEED})`);
    expect(found, found.join('\n')).toEqual([]);
  }, 600_000);
});
