import { buildHostSchema, coreExamples, graphiqlOptions, UnitSetError } from '@kkmp/host';
import type { AnyUnit } from '@kkmp/plugin-sdk';
import { installedUnits } from '@kkmp/api';
import { describe, expect, it } from 'vitest';
import { notes } from '../units/fixture-units';

const withExamples = (examples: AnyUnit['examples']): AnyUnit => ({ ...(notes as AnyUnit), examples });

const listNotes = {
  name: 'Notes of the cooperative',
  description: 'Every note, oldest first.',
  query: 'query ListNotes($cooperativeId: ID!) { notesList(cooperativeId: $cooperativeId) { __typename } }',
  variables: { cooperativeId: '$cooperativeId' },
  as: 'staff',
};

function problemsOf(unit: AnyUnit): string {
  try {
    buildHostSchema([unit]);
  } catch (err) {
    expect(err).toBeInstanceOf(UnitSetError);
    return (err as UnitSetError).message;
  }
  throw new Error('the stale example was accepted');
}

describe('example operations: GraphiQL tabs that cannot go stale', () => {
  it('accepts examples that validate against the schema, and the core examples do', () => {
    expect(() => buildHostSchema([withExamples([listNotes])])).not.toThrow();
    expect(coreExamples.map((e) => e.name)).toEqual(expect.arrayContaining(['City dashboard', 'Cooperative profile', 'Members']));
  });

  it('every installed unit ships example operations (its tabs in GraphiQL)', () => {
    const without = installedUnits.filter((u) => !u.examples?.length).map((u) => u.id);
    expect(without, 'units without `examples` in defineUnit (see docs/writing-a-unit.md, "Examples")').toEqual([]);
  });

  it('fails start-up on an example that names a field the schema does not have', () => {
    const stale = { ...listNotes, query: listNotes.query.replace('notesList', 'notesAll') };
    expect(problemsOf(withExamples([stale]))).toMatch(/notes: example "Notes of the cooperative": Cannot query field "notesAll" on type "Query"/);
  });

  it('fails start-up on a missing required variable, an anonymous operation, or a syntax error', () => {
    expect(problemsOf(withExamples([{ ...listNotes, variables: {} }]))).toMatch(/no value for required variable \$cooperativeId/);
    expect(problemsOf(withExamples([{ ...listNotes, query: '{ me { role } }' }]))).toMatch(/exactly one named operation/);
    expect(problemsOf(withExamples([{ ...listNotes, query: 'query Broken { me { role }' }]))).toMatch(/Syntax Error/);
  });

  it('fails start-up on a variable value GraphiQL does not fill in (nothing to paste), and accepts the unit\'s own demo values', () => {
    const paste = { ...listNotes, variables: { cooperativeId: '$cooperativeId', input: { noteId: '$paste-a-note-id' } } };
    expect(problemsOf(withExamples([paste]))).toMatch(/variable value "\$paste-a-note-id" is not filled in/);
    const foreign = { ...listNotes, variables: { cooperativeId: '$cooperativeId', noteId: '$sembako.productId' } };
    expect(problemsOf(withExamples([foreign]))).toMatch(/"\$sembako.productId" is not filled in: .* "\$notes.<name>" returned by the unit's demo/);
    expect(() => buildHostSchema([withExamples([{ ...listNotes, variables: { cooperativeId: '$cooperativeId', noteId: '$notes.noteId' } }])])).not.toThrow();
  });

  it('becomes a tab after the core ones, with demo ids substituted and the token of its demo user', () => {
    const options = graphiqlOptions([withExamples([listNotes])], {
      assets: { js: '', css: '', favicon: '', editorWorkerService: '', jsonWorker: '', graphqlWorker: '' },
      tokens: { manager: 'manager-token', staff: 'staff-token' },
      substitutions: { cooperativeId: 'Q29vcDox' },
    });
    const tabs = options.defaultTabs!;
    expect(tabs).toHaveLength(coreExamples.length + 1);
    const tab = tabs.at(-1)!;
    expect(tab.query).toMatch(/^# notes: Notes of the cooperative\n# Every note, oldest first\.\nquery ListNotes/);
    expect(JSON.parse(tab.variables!)).toEqual({ cooperativeId: 'Q29vcDox' });
    expect(JSON.parse(tab.headers!)).toEqual({ Authorization: 'Bearer staff-token' });
    expect(JSON.parse(options.headers!)).toEqual({ Authorization: 'Bearer manager-token' });
    // "$today" is always known: the city dashboard asks for the balance sheet as of the day it opens.
    const dashboard = tabs[coreExamples.findIndex((e) => e.name === 'City dashboard')]!;
    expect(JSON.parse(dashboard.variables!).asOf).toMatch(/^\d{4}-\d{2}-\d{2}$/);
  });
});
