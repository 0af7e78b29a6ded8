import type { Principal } from '@kkmp/core';
import type { Builder } from '@kkmp/plugin-sdk';
import { encodeId } from '../ids';

import type { CoreRefs } from './refs';

export function registerMeSchema(builder: Builder, refs: CoreRefs) {
  const { RoleEnum } = refs;
  const ViewerRef = builder.objectRef<Principal>('Viewer').implement({
    description: 'The signed-in caller, as the bearer token says.',
    fields: (t) => ({
      userId: t.exposeString('userId', { description: 'User id (token subject).' }),
      name: t.exposeString('name', { nullable: true, description: 'Display name.' }),
      role: t.expose('role', { type: RoleEnum, description: 'Role.' }),
      cityId: t.id({ nullable: true, description: 'City administered (CITY_ADMIN).', resolve: (p) => (p.cityId ? encodeId('City', p.cityId) : null) }),
      cooperativeId: t.id({ nullable: true, description: 'Own cooperative (cooperative roles).', resolve: (p) => (p.coopId ? encodeId('Cooperative', p.coopId) : null) }),
      memberId: t.id({
        nullable: true,
        description: 'Own member record (MEMBER).',
        resolve: (p) => (p.memberId && p.coopId ? encodeId('Member', p.coopId, p.memberId) : null),
      }),
      units: t.stringList({ description: 'Units a COOP_STAFF user operates.', resolve: (p) => p.units ?? [] }),
    }),
  });

  builder.queryFields((t) => ({
    me: t.field({
      type: ViewerRef,
      nullable: true,
      description: 'Who you are; null without a valid token.',
      resolve: (_r, _a, ctx) => ctx.principal,
    }),
  }));
}
