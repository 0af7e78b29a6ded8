import { CHANNELS, type AuthSession, type Grant, type InvitationSent, type SignInCodeSent } from '@kkmp/core';
import type { Builder } from '@kkmp/plugin-sdk';
import { decodeId, encodeId } from '../../ids';
import type { CoreRefs } from '../refs';

export type GrantWithName = Grant & { name?: string };

/** A grant's opaque id carries its person, so revoking reads it by key. */
export const grantIdOf = (g: Pick<Grant, 'personId' | 'grantId'>) => encodeId('Grant', g.personId, g.grantId);
export const parseGrantId = (id: string, field: string) => {
  const [personId, grantId] = decodeId(id, 'Grant', field, 2) as [string, string];
  return { personId, grantId };
};

export function registerPeopleTypes(builder: Builder, refs: CoreRefs) {
  const { RoleEnum } = refs;
  const ChannelEnum = builder.enumType('CodeChannel', {
    description: 'How a code reaches a person.',
    values: Object.fromEntries(CHANNELS.map((c) => [c, { description: c === 'SMS' ? 'Text message to a +62 mobile number.' : 'E-mail.' }])),
  });

  const GrantRef = builder.objectRef<GrantWithName>('AccessGrant').implement({
    description: 'One role of one person in one place (a city, a cooperative). A person may hold several; a token acts under one.',
    fields: (t) => ({
      id: t.id({ description: 'Opaque id (switch to it with refreshSession, take it back with revokeGrant).', resolve: grantIdOf }),
      personId: t.id({ description: 'The person (opaque id).', resolve: (g) => encodeId('Person', g.personId) }),
      personName: t.string({ nullable: true, description: 'Name of the person, in a tenant\'s list of its people.', resolve: (g) => g.name ?? null }),
      role: t.expose('role', { type: RoleEnum, description: 'Role.' }),
      cityId: t.id({ nullable: true, description: 'City (CITY_ADMIN).', resolve: (g) => (g.cityId ? encodeId('City', g.cityId) : null) }),
      cooperativeId: t.id({ nullable: true, description: 'Cooperative (cooperative roles).', resolve: (g) => (g.coopId ? encodeId('Cooperative', g.coopId) : null) }),
      memberId: t.id({ nullable: true, description: 'Member record (MEMBER).', resolve: (g) => (g.memberId && g.coopId ? encodeId('Member', g.coopId, g.memberId) : null) }),
      units: t.stringList({ description: 'Units a COOP_STAFF grant operates.', resolve: (g) => g.units ?? [] }),
      grantedAt: t.field({ type: 'DateTime', description: 'When the invitation was accepted.', resolve: (g) => g.grantedAt }),
    }),
  });

  const SessionRef = builder.objectRef<AuthSession>('AuthSession').implement({
    description:
      'Tokens after signing in. Send the access token as "Authorization: Bearer <token>"; it lives minutes. Before it ends, refreshSession with the refresh token (each refresh token works once).',
    fields: (t) => ({
      accessToken: t.exposeString('accessToken', { description: 'Short-lived ES256 JWT (see accessTokenExpiresAt).' }),
      accessTokenExpiresAt: t.field({ type: 'DateTime', description: 'When the access token stops working.', resolve: (s) => s.accessTokenExpiresAt }),
      refreshToken: t.exposeString('refreshToken', { description: 'One-time token for the next access token; keep it secret. Used twice, it ends the session on every device holding it.' }),
      refreshTokenExpiresAt: t.field({ type: 'DateTime', description: 'When the session ends at the latest (sign in again then).', resolve: (s) => s.refreshTokenExpiresAt }),
      grant: t.field({ type: GrantRef, description: 'The grant the access token acts under.', resolve: (s) => s.grant }),
      grants: t.field({ type: [GrantRef], description: 'Every grant the person holds.', resolve: (s) => s.grants }),
    }),
  });

  const InvitationRef = builder.objectRef<InvitationSent>('InvitationSent').implement({
    description: 'An invitation on its way. The code goes only to the person (SMS or e-mail), never into an answer.',
    fields: (t) => ({
      invitationId: t.exposeString('invitationId', { description: 'Invitation id (for support).' }),
      role: t.expose('role', { type: RoleEnum, description: 'Role the person will hold.' }),
      channel: t.expose('channel', { type: ChannelEnum, description: 'How the code is sent.' }),
      sentTo: t.exposeString('sentTo', { description: 'Where, partly masked.' }),
      validUntil: t.field({ type: 'DateTime', description: 'The code works once, until then.', resolve: (i) => i.validUntil }),
    }),
  });

  const SignedOutRef = builder.objectRef<{ at: string }>('SignedOut').implement({
    description: 'Sessions ended.',
    fields: (t) => ({ at: t.field({ type: 'DateTime', description: 'When.', resolve: (s) => s.at }) }),
  });

  const CodeSentRef = builder.objectRef<SignInCodeSent>('SignInCodeSent').implement({
    description: 'A sign-in code is on its way if an account has this login (the answer is the same either way).',
    fields: (t) => ({
      sentTo: t.exposeString('sentTo', { description: 'Where, partly masked.' }),
      validUntil: t.field({ type: 'DateTime', description: 'The code works once, until then.', resolve: (c) => c.validUntil }),
    }),
  });

  return { GrantRef, SessionRef, InvitationRef, SignedOutRef, CodeSentRef };
}

export type PeopleTypes = ReturnType<typeof registerPeopleTypes>;
