import { listPeople, myGrants } from '@kkmp/core';
import type { Builder } from '@kkmp/plugin-sdk';
import { pageRequest, toConnection } from '@kkmp/plugin-sdk';
import type { CoreRefs } from '../refs';
import type { PeopleTypes } from './types';

/** Who holds access where: a cooperative's and a city's people, and your own grants. */
export function registerPeopleReads(builder: Builder, refs: CoreRefs, { GrantRef }: PeopleTypes) {
  builder.objectFields(refs.CooperativeRef, (t) => ({
    people: t.connection({
      type: GrantRef,
      // Refused alone (null with an error), so the rest of the cooperative or city still arrives.
      nullable: true,
      description: "The cooperative's people and their grants (managers, supervisors, the platform).",
      resolve: async (coop, args, ctx) => toConnection(await listPeople(ctx.core, { kind: 'coop', coopId: coop.id }, pageRequest(args))),
    }),
  }));
  builder.objectFields(refs.CityRef, (t) => ({
    people: t.connection({
      type: GrantRef,
      // Refused alone (null with an error), so the rest of the cooperative or city still arrives.
      nullable: true,
      description: "The city's admins (its own admins, the platform).",
      resolve: async (city, args, ctx) => toConnection(await listPeople(ctx.core, { kind: 'city', cityId: city.id }, pageRequest(args))),
    }),
  }));
  builder.queryFields((t) => ({
    myGrants: t.field({
      type: [GrantRef],
      description: 'Every grant you hold (switch with refreshSession). Empty for a development token.',
      resolve: (_r, _a, ctx) => myGrants(ctx.core),
    }),
  }));
}
