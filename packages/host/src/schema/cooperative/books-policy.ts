import { DEFAULT_BACKDATING, firstFinancialYearOf } from '@kkmp/core';
import type { Builder } from '@kkmp/plugin-sdk';
import type { CoreRefs } from '../refs';

type Window = { staffDays: number; managerDays: number | null };

/** How far back the cooperative's books take business events: first financial year and backdating window. */
export function registerBooksPolicy(builder: Builder, { CooperativeRef }: CoreRefs) {
  const WindowRef = builder.objectRef<Window>('BackdatingWindow').implement({
    description: 'How many days back a business event may be dated (businessDate), by role. Locked periods and closed years are refused whatever the window.',
    fields: (t) => ({
      staffDays: t.exposeInt('staffDays', { description: 'Days back a cashier or operator (COOP_STAFF) may date an event.' }),
      managerDays: t.exposeInt('managerDays', { nullable: true, description: 'Days back a manager may date an event; null: any day of an open period.' }),
    }),
  });
  builder.objectFields(CooperativeRef, (t) => ({
    firstFinancialYear: t.int({
      description: 'First financial year of the books: no business event, join date or year close before 1 January of it. Defaults to the year the cooperative was created.',
      resolve: (c) => firstFinancialYearOf(c),
    }),
    backdating: t.field({ type: WindowRef, description: 'The backdating window (default: 7 days for staff, open periods for managers).', resolve: (c) => c.backdating ?? DEFAULT_BACKDATING }),
  }));
  const WindowInput = builder.inputType('BackdatingWindowInput', {
    description: 'How many days back a business event may be dated, by role.',
    fields: (t) => ({
      staffDays: t.int({ description: 'Days back for COOP_STAFF (0-366).' }),
      managerDays: t.int({ required: false, description: 'Days back for managers; null or absent: any day of an open period.' }),
    }),
  });
  return { WindowInput };
}
