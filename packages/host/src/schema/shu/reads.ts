import { getPatronage, getShuShare, listRats } from '@kkmp/core';
import type { Builder } from '@kkmp/plugin-sdk';
import type { CoreRefs } from '../refs';
import type { ShuTypes } from './shared';

/** `Cooperative.shuYear`, `Cooperative.rats`, and a member's patronage and SHU statement. */
export function registerShuReads(builder: Builder, refs: CoreRefs, { YearRef, RatRef, ShareRef }: ShuTypes) {
  const { CooperativeRef, MemberRef } = refs;
  builder.objectFields(CooperativeRef, (t) => ({
    shuYear: t.field({
      type: YearRef,
      nullable: true,
      description: 'SHU of a financial year. Managers and supervisors (a member reads their own with Member.shuStatement).',
      args: { year: t.arg.int({ description: 'Financial year.' }) },
      resolve: (coop, args) => ({ coopId: coop.id, year: args.year }),
    }),
    rats: t.field({ type: [RatRef], description: "Members' meetings, oldest first.", resolve: (coop, _a, ctx) => listRats(ctx.core, coop.id) }),
  }));
  const PatronageRef = builder.objectRef<{ unitId: string; amount: number }>('Patronage').implement({
    description: "A member's purchases from one unit in a year, counted as units post member sales.",
    fields: (t) => ({
      unitId: t.exposeString('unitId', { description: 'Business unit.' }),
      amount: t.expose('amount', { type: 'Rupiah', description: 'Amount (net of reversals).' }),
    }),
  });
  builder.objectField(MemberRef, 'patronage', (t) =>
    t.field({
      type: [PatronageRef],
      description: 'Transactions with the cooperative in a year, per unit: the basis of SHU jasa usaha.',
      args: { year: t.arg.int({ description: 'Financial year.' }) },
      resolve: (m, args, ctx) => getPatronage(ctx.core, m.coopId, m.id, args.year),
    }),
  );
  builder.objectField(MemberRef, 'shuStatement', (t) =>
    t.field({
      type: ShareRef,
      nullable: true,
      description: "This member's SHU for a closed year (members read their own).",
      args: { year: t.arg.int({ description: 'Financial year.' }) },
      resolve: (m, args, ctx) => getShuShare(ctx.core, m.coopId, m.id, args.year).then((s) => s ?? null),
    }),
  );
}
