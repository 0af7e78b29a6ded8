#!/usr/bin/env node
// Scaffolds a business-unit plugin: `pnpm create-unit <id>` (or `npm run create-unit -- <id>`).
// Writes plugins/<id>/ with a working unit, service-first (settings, permissions, a record type, a query and
// a mutation whose zod input schema and rules live in src/services/, GraphiQL examples), its tests (the
// conformance suite, the input rules, the behaviour over the API) and its docs page (README.md);
// lists the page in docs/units/README.md (generated), links the package into the workspace (`pnpm install`:
// @kkmp/api gets it as a dependency through .pnpmfile.cjs) and prints what to add to units.config.ts.
//   --dir <path>   write somewhere else             --no-install   skip `pnpm install`
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { spawnSync } from 'node:child_process';
import { parseArgs } from 'node:util';
import { writeUnitsIndex } from './units-index.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const { values, positionals } = parseArgs({ allowPositionals: true, options: { dir: { type: 'string' }, 'no-install': { type: 'boolean' } } });
const id = positionals[0];
if (!id || !/^[a-z][a-z0-9]{1,23}$/.test(id)) {
  console.error('usage: pnpm create-unit <id>   (id: 2-24 lowercase letters/digits, starting with a letter, e.g. "klinik")');
  process.exit(2);
}
// A unit's package is @kkmp/unit-<id>: "testing" would take the name of the unit-testing package.
if (id === 'testing') {
  console.error('"testing" is reserved: @kkmp/unit-testing is the package units test with; choose another id');
  process.exit(2);
}
const Prefix = id[0].toUpperCase() + id.slice(1);
const dir = values.dir ? join(process.cwd(), values.dir) : join(root, 'plugins', id);
if (existsSync(dir)) {
  console.error(`${relative(root, dir)} exists already`);
  process.exit(2);
}

const packageJson = () =>
  JSON.stringify(
    {
      name: `@kkmp/unit-${id}`,
      version: '0.1.0',
      private: true,
      type: 'module',
      description: `Business unit "${id}" for kkmp.`,
      exports: { '.': './src/index.ts' },
      dependencies: { '@kkmp/plugin-sdk': 'workspace:*' },
      devDependencies: { '@kkmp/unit-testing': 'workspace:*' },
    },
    null,
    2,
  ) + '\n';

const tsconfig = () => JSON.stringify({ extends: relative(dir, join(root, 'tsconfig.json')), include: ['src/**/*.ts', 'test/**/*.ts'] }, null, 2) + '\n';

const settingsTs = () => `import { rupiah, z } from '@kkmp/plugin-sdk';

/** Per-cooperative settings, validated on enableUnit; every field has a default (see the guide). */
export const settingsSchema = z.object({
  maxAmount: rupiah.default(1_000_000).describe('Largest amount one record may carry, whole rupiah'),
});
export type ${Prefix}Settings = z.output<typeof settingsSchema>;
`;

// The rules live in a service module: its zod input schema (parsed by the kit before it runs, so a bad
// field comes back as a ValidationError naming it) and plain functions (u, input) that tests can call.
const serviceTs = () => `import { ValidationError, positiveRupiah, text, z, type UnitContext, type UnitMutationContext } from '@kkmp/plugin-sdk';
import type { ${Prefix}Settings } from '../settings';

/** One record the unit keeps, as stored under RECORD#<id>. Replace with your unit's own (a sale, a reading, ...). */
export const recordSchema = z.object({
  id: z.string(),
  title: z.string(),
  amount: z.number().int(),
  createdAt: z.string(),
  createdBy: z.string(),
});
export type ${Prefix}Record = z.infer<typeof recordSchema>;

/** Input of addRecord: trimmed text of 1-200 characters, a positive amount of whole rupiah. */
export const addRecordInput = z.object({ title: text(200), amount: positiveRupiah });

export function listRecords(u: UnitContext<${Prefix}Settings>): Promise<${Prefix}Record[]> {
  return u.store.all(recordSchema, ['RECORD']);
}

export async function addRecord(u: UnitMutationContext<${Prefix}Settings>, input: z.output<typeof addRecordInput>): Promise<${Prefix}Record> {
  // A limit from the settings: the schema cannot know it, so the service checks it, naming the field.
  if (input.amount > u.settings.maxAmount) {
    throw ValidationError.field('input.amount', \`at most \${u.settings.maxAmount} rupiah\`, \`paling banyak Rp\${u.settings.maxAmount}\`);
  }
  const record: ${Prefix}Record = { id: u.newId(), title: input.title, amount: input.amount, createdAt: u.now().toISOString(), createdBy: u.principal.userId };
  u.writes.create(['RECORD', record.id], record);
  return record;
}
`;

// The schema file stays thin: GraphQL types and operations mapped to the service.
const indexTs = () => `import { defineUnit } from '@kkmp/plugin-sdk';
import { ${id}Examples } from './examples';
import { addRecord, addRecordInput, listRecords, type ${Prefix}Record } from './services/records';
import { settingsSchema } from './settings';

export default defineUnit({
  id: '${id}',
  name: { id: '${Prefix}', en: '${Prefix}' },
  description: { id: 'Unit usaha ${id}.', en: 'The ${id} business unit.' },
  version: '0.1.0',
  compatibility: '^1',
  settings: settingsSchema,
  sampleSettings: { maxAmount: 500_000 },
  permissions: {
    '${id}:read': { description: 'See records.', roles: ['COOP_MANAGER', 'COOP_STAFF', 'SUPERVISOR'] },
    '${id}:write': { description: 'Add records.', roles: ['COOP_MANAGER', 'COOP_STAFF'] },
  },
  // GraphiQL tabs in \`npm run dev\`; the host validates them against the schema at start-up.
  examples: ${id}Examples,
  schema(b, unit) {
    const Record = b.objectRef<${Prefix}Record>('${Prefix}Record').implement({
      description: 'A record of the ${id} unit.',
      fields: (t) => ({
        id: t.exposeString('id', { description: 'Id.' }),
        title: t.exposeString('title', { description: 'What it is.' }),
        amount: t.expose('amount', { type: 'Rupiah', description: 'Amount in whole rupiah.' }),
        createdAt: t.expose('createdAt', { type: 'DateTime', description: 'When it was recorded.' }),
      }),
    });

    unit.query('records', {
      type: [Record],
      description: 'Records of the cooperative, oldest first.',
      permission: '${id}:read',
      resolve: (_args, u) => listRecords(u),
    });

    unit.mutation('addRecord', {
      type: Record,
      description: 'Add a record.',
      permission: '${id}:write',
      // It keeps a record, moves no money: no businessDate, no posting. A sale or a payment says true.
      businessEvent: false,
      input: (t) => ({
        title: t.string({ description: 'What it is (1-200 characters).' }),
        amount: t.field({ type: 'Rupiah', description: 'Amount in whole rupiah, more than zero and at most the maxAmount setting.' }),
      }),
      schema: addRecordInput,
      resolve: (input, u) => addRecord(u, input),
    });
  },
});
`;

const examplesTs = () => `import type { UnitExample } from '@kkmp/plugin-sdk';

/** GraphiQL tabs for the unit's main flows ("$cooperativeId" becomes the demo cooperative's id). */
export const ${id}Examples: UnitExample[] = [
  {
    name: '${Prefix}: add a record',
    description: 'Adds a record; an amount above the maxAmount setting is refused with a ValidationError naming input.amount.',
    query: \`mutation ${Prefix}AddRecord($input: ${Prefix}AddRecordInput!) {
  ${id}AddRecord(input: $input) {
    __typename
    ... on ${Prefix}AddRecordSuccess { data { id title amount createdAt } }
    ... on ValidationError { fields { field messageEn messageId } }
    ... on Error { code messageEn messageId }
  }
}\`,
    variables: { input: { cooperativeId: '$cooperativeId', title: 'Setoran', amount: 75000 } },
  },
  {
    name: '${Prefix}: records',
    description: 'Records of the cooperative, oldest first.',
    query: \`query ${Prefix}Records($cooperativeId: ID!) {
  ${id}Records(cooperativeId: $cooperativeId) { id title amount createdAt }
}\`,
    variables: { cooperativeId: '$cooperativeId' },
  },
];
`;

const testTs = () => `import { describeUnitConformance, startUnitTestHost, type UnitTestHost } from '@kkmp/unit-testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import unit from '../src/index';
import { addRecordInput } from '../src/services/records';

describeUnitConformance(unit);

describe('${id}: records', () => {
  it('input rules: a blank title and a non-positive amount are refused, each by its field', () => {
    const refused = addRecordInput.safeParse({ title: '   ', amount: 0 });
    expect(refused.success).toBe(false);
    expect(refused.error?.issues.map((i) => i.path.join('.')).sort()).toEqual(['amount', 'title']);
    expect(addRecordInput.parse({ title: ' Setoran ', amount: 75_000 })).toEqual({ title: 'Setoran', amount: 75_000 });
  });

  describe('over the API', () => {
    let host: UnitTestHost;
    beforeAll(async () => {
      host = await startUnitTestHost([unit]);
      await host.enable(host.a, '${id}', { maxAmount: 100_000 });
    });
    afterAll(() => host.close());

    const add = \`mutation($input: ${Prefix}AddRecordInput!) { ${id}AddRecord(input: $input) {
      __typename ... on ${Prefix}AddRecordSuccess { data { title amount } } ... on ValidationError { fields { field } } } }\`;

    it('adds and lists records; refuses bad input and an amount above the setting, naming the field', async () => {
      const ok = await host.gql(add, { input: { cooperativeId: host.a.id, title: ' Setoran ', amount: 75_000 } }, host.a.staff);
      expect(ok.data.${id}AddRecord.data).toEqual({ title: 'Setoran', amount: 75_000 });
      const blank = await host.gql(add, { input: { cooperativeId: host.a.id, title: ' ', amount: 1_000 } }, host.a.staff);
      expect(blank.data.${id}AddRecord.fields).toEqual([{ field: 'input.title' }]);
      const tooMuch = await host.gql(add, { input: { cooperativeId: host.a.id, title: 'Besar', amount: 150_000 } }, host.a.manager);
      expect(tooMuch.data.${id}AddRecord.fields).toEqual([{ field: 'input.amount' }]);
      const list = await host.gql(\`query($id: ID!) { ${id}Records(cooperativeId: $id) { title amount } }\`, { id: host.a.id }, host.a.supervisor);
      expect(list.data.${id}Records).toEqual([{ title: 'Setoran', amount: 75_000 }]);
    });
  });
});
`;

// The unit's docs page, for front-end teams first (docs/units/README.md lists it), then for developers.
const readme = () => `# ${Prefix} (\`${id}\`)

The ${id} business unit. Describe here, for front-end teams, what it does for the cooperative.

- Package \`@kkmp/unit-${id}\` (\`plugins/${id}\`); every operation takes \`cooperativeId\` and needs the unit
  enabled (\`enableUnit\`), else \`UNIT_NOT_ENABLED\`. Conventions for all units: [docs/api.md](../../docs/api.md).
- Permissions: \`${id}:read\` (manager, staff, supervisor), \`${id}:write\` (manager, staff).
- Money is whole rupiah (\`Rupiah\`).

## Settings

| field | default | meaning |
|---|---|---|
| \`maxAmount\` | \`1000000\` | the largest amount one record may carry, in whole rupiah |

## Operations

\`\`\`graphql
mutation Add($input: ${Prefix}AddRecordInput!) {
  ${id}AddRecord(input: $input) {
    __typename
    ... on ${Prefix}AddRecordSuccess { data { id title amount createdAt } }
    ... on ValidationError { fields { field messageEn messageId } }   # a blank input.title; input.amount not above 0 or above maxAmount
    ... on Error { code messageEn messageId }
  }
}
query Records($cooperativeId: ID!) { ${id}Records(cooperativeId: $cooperativeId) { id title amount createdAt } }
\`\`\`

\`npm run dev\` shows both as GraphiQL tabs (\`src/examples.ts\`).

## For developers

- The contract: [docs/writing-a-unit.md](../../docs/writing-a-unit.md). The rules are in \`src/services/\`
  (input schemas and functions the tests call directly); \`src/index.ts\` maps GraphQL to them.
- Test it: \`npm run test:unit -- ${id}\` (its own type check and tests, without the repo-wide checks).
- Install it in a deployment: import it in \`packages/api/src/units.config.ts\` and add it to
  \`installedUnits\`, then \`npm run schema\`.
`;

const files = {
  'package.json': packageJson(),
  'tsconfig.json': tsconfig(),
  'src/index.ts': indexTs(),
  'src/settings.ts': settingsTs(),
  'src/services/records.ts': serviceTs(),
  'src/examples.ts': examplesTs(),
  [`test/${id}.test.ts`]: testTs(),
  'README.md': readme(),
};
for (const [name, content] of Object.entries(files)) {
  const path = join(dir, name);
  mkdirSync(dirname(path), { recursive: true });
  writeFileSync(path, content);
}
console.log(`created ${relative(root, dir) || dir}/ (${Object.keys(files).join(', ')})`);
if (!values.dir && writeUnitsIndex(root)) console.log('listed its page (README.md) in docs/units/README.md');
if (!values['no-install']) {
  const r = spawnSync(process.execPath, [join(root, 'scripts/kkmp.mjs'), 'install'], { cwd: root, stdio: 'inherit' });
  if (r.status !== 0) process.exit(r.status ?? 1);
}
console.log(`
next:
  npm run test:unit -- ${id}
  install it: add to packages/api/src/units.config.ts
    import ${id} from '@kkmp/unit-${id}';
  and \`${id}\` to installedUnits, then \`npm run schema\` (schema.graphql and the example client's types).
  No package.json to edit: @kkmp/api depends on every plugin under plugins/ (.pnpmfile.cjs).`);
