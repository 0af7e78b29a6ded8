#!/usr/bin/env node
// Scaffolds a business-unit plugin: `pnpm create-unit <id>` (or `npm run create-unit -- <id>`).
// Writes plugins/<id>/ with a working unit (one record type, a query, a mutation, settings, permissions)
// and a test that runs the SDK's conformance suite plus a behaviour test; then links it into the workspace.
//   --dir <path>   write somewhere else (tests use this)       --no-install   skip `pnpm install`
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { spawnSync } from 'node:child_process';
import { parseArgs } from 'node:util';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const { values, positionals } = parseArgs({ allowPositionals: true, options: { dir: { type: 'string' }, 'no-install': { type: 'boolean' } } });
const id = positionals[0];
if (!id || !/^[a-z][a-z0-9]{1,23}$/.test(id)) {
  console.error('usage: pnpm create-unit <id>   (id: 2-24 lowercase letters/digits, starting with a letter, e.g. "klinik")');
  process.exit(2);
}
const Prefix = id[0].toUpperCase() + id.slice(1);
const dir = values.dir ? join(process.cwd(), values.dir) : join(root, 'plugins', id);
if (existsSync(dir)) {
  console.error(`${relative(root, dir)} exists already`);
  process.exit(2);
}

const files = {
  'package.json': JSON.stringify(
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
  ) + '\n',
  'tsconfig.json': JSON.stringify({ extends: relative(dir, join(root, 'tsconfig.json')), include: ['src/**/*.ts', 'test/**/*.ts'] }, null, 2) + '\n',
  'src/index.ts': `import { ValidationError, defineUnit, z } from '@kkmp/plugin-sdk';

/** One record the unit keeps. Replace with your unit's own (a sale, a reading, a ticket, ...). */
const recordSchema = z.object({
  id: z.string(),
  title: z.string(),
  amount: z.number().int(),
  createdAt: z.string(),
  createdBy: z.string(),
});
type ${Prefix}Record = z.infer<typeof recordSchema>;

export default defineUnit({
  id: '${id}',
  name: { id: '${Prefix}', en: '${Prefix}' },
  description: { id: 'Unit usaha ${id}.', en: 'The ${id} business unit.' },
  version: '0.1.0',
  compatibility: '^1',
  settings: z.object({
    /** Largest amount one record may carry, in whole rupiah. */
    maxAmount: z.number().int().positive().default(1_000_000),
  }),
  sampleSettings: { maxAmount: 500_000 },
  permissions: {
    '${id}:read': { description: 'See records.', roles: ['COOP_MANAGER', 'COOP_STAFF', 'SUPERVISOR'] },
    '${id}:write': { description: 'Add records.', roles: ['COOP_MANAGER', 'COOP_STAFF'] },
  },
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
      resolve: (_args, u) => u.store.all(recordSchema, ['RECORD']),
    });

    unit.mutation('addRecord', {
      type: Record,
      description: 'Add a record.',
      permission: '${id}:write',
      input: (t) => ({
        title: t.string({ description: 'What it is.' }),
        amount: t.field({ type: 'Rupiah', description: 'Amount in whole rupiah.' }),
      }),
      resolve: async (input, u) => {
        if (input.amount > u.settings.maxAmount) {
          throw ValidationError.field('input.amount', \`at most \${u.settings.maxAmount} rupiah\`, \`paling banyak Rp\${u.settings.maxAmount}\`);
        }
        const record: ${Prefix}Record = { id: u.newId(), title: input.title, amount: input.amount, createdAt: u.now().toISOString(), createdBy: u.principal.userId };
        u.writes.create(['RECORD', record.id], record);
        return record;
      },
    });
  },
});
`,
  [`test/${id}.test.ts`]: `import { describeUnitConformance, startUnitTestHost, type UnitTestHost } from '@kkmp/unit-testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import unit from '../src/index';

describeUnitConformance(unit);

describe('${id}: records', () => {
  let host: UnitTestHost;
  beforeAll(async () => {
    host = await startUnitTestHost([unit]);
    await host.enable(host.a, '${id}', { maxAmount: 100_000 });
  });
  afterAll(() => host.close());

  const add = \`mutation($input: ${Prefix}AddRecordInput!) { ${id}AddRecord(input: $input) {
    __typename ... on ${Prefix}AddRecordSuccess { data { title amount } } ... on ValidationError { fields { field } } } }\`;

  it('adds and lists records; refuses an amount above the setting', async () => {
    const ok = await host.gql(add, { input: { cooperativeId: host.a.id, title: 'Setoran', amount: 75_000 } }, host.a.staff);
    expect(ok.data.${id}AddRecord.data).toEqual({ title: 'Setoran', amount: 75_000 });
    const tooMuch = await host.gql(add, { input: { cooperativeId: host.a.id, title: 'Besar', amount: 150_000 } }, host.a.manager);
    expect(tooMuch.data.${id}AddRecord.fields[0].field).toBe('input.amount');
    const list = await host.gql(\`query($id: ID!) { ${id}Records(cooperativeId: $id) { title amount } }\`, { id: host.a.id }, host.a.supervisor);
    expect(list.data.${id}Records).toEqual([{ title: 'Setoran', amount: 75_000 }]);
  });
});
`,
  'README.md': `# @kkmp/unit-${id}

The ${id} business unit. See \`docs/writing-a-unit.md\` at the repository root for the contract.

- Install it: add \`import ${id} from '@kkmp/unit-${id}'\` to \`packages/api/src/units.config.ts\` and
  \`"@kkmp/unit-${id}": "workspace:*"\` to \`packages/api/package.json\`.
- Test it: \`npm test -- plugins/${id}\`.
`,
};

for (const [name, content] of Object.entries(files)) {
  const path = join(dir, name);
  mkdirSync(dirname(path), { recursive: true });
  writeFileSync(path, content);
}
console.log(`created ${relative(root, dir) || dir}/ (${Object.keys(files).join(', ')})`);
if (!values['no-install']) {
  const r = spawnSync(process.execPath, [join(root, 'scripts/kkmp.mjs'), 'install'], { cwd: root, stdio: 'inherit' });
  if (r.status !== 0) process.exit(r.status ?? 1);
}
console.log(`next: npm test -- ${relative(root, dir)}   then install it in packages/api/src/units.config.ts`);
