import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { installedUnits } from '@kkmp/api';
import { buildHostSchema } from '@kkmp/host';
import { isObjectType } from 'graphql';
import { describe, expect, it } from 'vitest';
import { schemaNames, unknownSchemaNames, type DocNameRules } from '../support/doc-names';

const root = join(import.meta.dirname, '..', '..');
const read = (path: string) => readFileSync(join(root, path), 'utf8');
const unitPages = readdirSync(join(root, 'plugins')).map((id) => join('plugins', id, 'README.md')).filter((f) => existsSync(join(root, f)));
const markdown = ['README.md', ...readdirSync(join(root, 'docs'), { recursive: true, encoding: 'utf8' }).filter((f) => f.endsWith('.md')).map((f) => join('docs', f)), ...unitPages];

/** Relative link targets of a markdown file ([text](target)), anchors dropped. */
function links(path: string): string[] {
  return [...read(path).matchAll(/\]\(([^)\s]+)\)/g)].map((m) => m[1]!).filter((t) => !/^[a-z]+:/.test(t) && !t.startsWith('#')).map((t) => t.split('#')[0]!);
}

describe('docs for front-end teams and plugin authors', () => {
  it('the README links the API guide, the unit pages, the plugin guide, the example client and the schema', () => {
    expect(links('README.md')).toEqual(expect.arrayContaining(['docs/api.md', 'docs/units/README.md', 'docs/writing-a-unit.md', 'examples/client', 'schema.graphql']));
  });

  it('every relative link in README.md, docs/ and the unit pages points at a file that exists', () => {
    const broken = markdown.flatMap((file) => links(file).filter((t) => !existsSync(join(root, dirname(file), t))).map((t) => `${file} -> ${t}`));
    expect(broken).toEqual([]);
  });

  it('docs/api.md covers auth, errors, pagination, idempotency keys and limits, and names every error type', () => {
    const api = read('docs/api.md');
    const headings = [...api.matchAll(/^##+ (.+)$/gm)].map((m) => m[1]);
    expect(headings).toEqual(expect.arrayContaining(['Authentication', 'Errors', 'Pagination', 'Idempotency', 'Limits', 'Schema changes and deprecation']));
    const { schema } = buildHostSchema(installedUnits);
    const errorTypes = Object.values(schema.getTypeMap()).filter((t) => isObjectType(t) && t.getInterfaces().some((i) => i.name === 'Error'));
    expect(errorTypes.length).toBeGreaterThan(5);
    expect(errorTypes.map((t) => t.name).filter((name) => !api.includes(`\`${name}\``))).toEqual([]);
  });

  it('each installed unit has its page (plugins/<id>/README.md), listed in docs/units/README.md', () => {
    const index = links('docs/units/README.md');
    for (const unit of installedUnits) {
      expect(existsSync(join(root, 'plugins', unit.id, 'README.md')), `plugins/${unit.id}/README.md`).toBe(true);
      expect(index, `docs/units/README.md links the page of ${unit.id}`).toContain(`../../plugins/${unit.id}/README.md`);
    }
  });

  it('the list of unit pages in docs/units/README.md is the one generated from plugins/*/README.md', () => {
    execFileSync(process.execPath, ['scripts/units-index.mjs', '--check'], { cwd: root, stdio: 'pipe' });
  });

  describe('every operation, type and field a Markdown page names exists in the schema', () => {
    const { schema } = buildHostSchema(installedUnits);
    const unitIds = installedUnits.map((u) => u.id);
    // Settings keys are JSON inside `settings`, not schema names; a unit page's settings table names them.
    const settingsKeys = installedUnits.flatMap((u) => Object.keys((u.settings as { shape?: object }).shape ?? {}));
    // coopId: a token claim (docs/api.md, Authentication). parkir: the worked example of docs/writing-a-unit.md.
    const rules = (strict: boolean): DocNameRules => ({ schema: schemaNames(schema), unitIds, strict, allowed: new Set(['coopId', ...settingsKeys]), exampleUnitIds: ['parkir'] });
    const frontEnd = new Set(['README.md', join('docs', 'api.md'), join('docs', 'units', 'README.md')]);

    it('in README.md, docs/ and the unit pages', () => {
      const unknown = markdown.flatMap((file) => unknownSchemaNames(read(file), rules(frontEnd.has(file))).map((name) => `${file}: ${name}`));
      expect(unknown).toEqual([]);
    });

    it('a made-up operation, type or field is caught', () => {
      expect(unknownSchemaNames('Open a loan with `simpanpinjamOpenLoan` and read `LpgSaleReceipt`.', rules(false))).toEqual(['simpanpinjamOpenLoan', 'LpgSaleReceipt']);
      expect(unknownSchemaNames('Call `createMemberAccount(input:)`; it answers `MemberAccountResult`.', rules(true))).toEqual(['createMemberAccount', 'MemberAccountResult']);
      expect(unknownSchemaNames('Call `simpanpinjamApplyForLoan { loanId }` and `registerMember`.', rules(true))).toEqual([]);
    });
  });
});
