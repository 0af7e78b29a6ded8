import { execFileSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { installedUnits } from '@kkmp/api';
import { coreExamples } from '@kkmp/host';
import { afterAll, describe, expect, it } from 'vitest';

// A front-end team's generated client: GraphQL Code Generator's client preset against schema.graphql,
// with the scalar mapping of examples/codegen/codegen.ts, over the example app and every GraphiQL example
// document; then the TypeScript compiler over all of it. Inside examples/codegen so its packages resolve.
const root = join(import.meta.dirname, '..', '..');
const example = join(root, 'examples', 'codegen');
const work = mkdtempSync(join(example, '.check-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

const run = (cmd: string, args: string[]) => {
  try {
    return execFileSync(cmd, args, { cwd: work, encoding: 'utf8', stdio: 'pipe', timeout: 120_000 });
  } catch (e) {
    const { stdout = '', stderr = '' } = e as { stdout?: string; stderr?: string };
    throw new Error(`${cmd} ${args.join(' ')} failed:\n${stdout}\n${stderr}`);
  }
};

describe('a client generated with GraphQL Code Generator (client preset)', () => {
  it('generates from schema.graphql with the scalar mapping and type-checks the example app and every example document', () => {
    cpSync(join(example, 'app'), join(work, 'app'), { recursive: true, filter: (src) => !src.includes(`${join('app', 'gql')}`) });
    mkdirSync(join(work, 'documents'));
    const examples = [...coreExamples, ...installedUnits.flatMap((u) => u.examples ?? [])];
    examples.forEach((e, i) => writeFileSync(join(work, 'documents', `${String(i).padStart(3, '0')}.graphql`), e.query));
    writeFileSync(
      join(work, 'codegen.ts'),
      `import { scalars } from ${JSON.stringify(join(example, 'codegen.ts'))};
export default {
  schema: ${JSON.stringify(join(root, 'schema.graphql'))},
  documents: ['app/**/*.ts', '!app/gql/**', 'documents/*.graphql'],
  generates: { 'app/gql/': { preset: 'client', config: { scalars, strictScalars: true, enumsAsTypes: true, useTypeImports: true } } },
};\n`,
    );
    run(join(example, 'node_modules', '.bin', 'graphql-codegen'), ['--config', 'codegen.ts', '--silent']);
    const generated = readFileSync(join(work, 'app', 'gql', 'graphql.ts'), 'utf8');
    // The mapping shows in the generated types: dates as strings, rupiah as numbers, nothing left as any.
    expect(generated).toContain('businessDate?: string | null | undefined;');
    expect(generated).toMatch(/total: number/);
    expect(generated).not.toMatch(/:\s*any\b/);
    // Every example document became a typed document: its operation's result type is generated.
    const operations = examples.map((e) => /^\s*(query|mutation)\s+(\w+)/m.exec(e.query)).map((m) => m && `export type ${m[2]}${m[1] === 'query' ? 'Query' : 'Mutation'} =`);
    expect(operations.filter((o) => !o || !generated.includes(o))).toEqual([]);

    writeFileSync(join(work, 'tsconfig.json'), JSON.stringify({ extends: join(root, 'tsconfig.json'), compilerOptions: { lib: ['ES2023', 'DOM'], noEmit: true }, include: ['app/**/*.ts'] }));
    run(process.execPath, [join(root, 'node_modules', 'typescript', 'bin', 'tsc'), '-p', 'tsconfig.json']);
    expect(readdirSync(join(work, 'app'))).toContain('cashier.ts');
  }, 180_000);
});
