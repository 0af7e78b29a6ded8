import {
  BusinessRuleError,
  ValidationError,
  acceptInvitation,
  invitePerson,
  refreshSession,
  requestSignInCode,
  revokeGrant,
  signInWithCode,
  signIn,
  signOut,
  signOutEverywhere,
} from '@kkmp/core';
import type { Builder } from '@kkmp/plugin-sdk';
import { peopleDeps } from '../../auth/context';
import { one, two } from '../../ids';
import { MUTATION_ERRORS } from '../errors';
import { IDEMPOTENCY_KEY_FIELD as idem } from '../idempotency';
import type { CoreRefs } from '../refs';
import { parseGrantId, type PeopleTypes } from './types';

const ERRORS = [...MUTATION_ERRORS, BusinessRuleError];
const grantOf = (id: string | null | undefined, field: string) => (id ? parseGrantId(id, field).grantId : undefined);

/** Invitations, sign-in, sessions and grants. Every rule lives in @kkmp/core's people services. */
export function registerPeopleMutations(builder: Builder, refs: CoreRefs, types: PeopleTypes) {
  const { RoleEnum } = refs;
  const { SessionRef, InvitationRef, GrantRef, SignedOutRef, CodeSentRef } = types;

  const InvitePersonInput = builder.inputType('InvitePersonInput', {
    description:
      'Invite someone to a role. PLATFORM_ADMIN invites CITY_ADMIN; CITY_ADMIN the first COOP_MANAGER of a cooperative in its city; COOP_MANAGER managers, staff (with units), supervisors and members of its cooperative.',
    fields: (t) => ({
      idempotencyKey: t.string(idem),
      login: t.string({ description: 'Mobile number (+62 or 08...) or e-mail address the code is sent to; the person signs in with it.' }),
      name: t.string({ description: 'Name of the person.' }),
      role: t.field({ type: RoleEnum, description: 'Role to grant.' }),
      cityId: t.id({ required: false, description: 'City (CITY_ADMIN only).' }),
      cooperativeId: t.id({ required: false, description: 'Cooperative (cooperative roles).' }),
      memberId: t.id({ required: false, description: 'Their member record (MEMBER only).' }),
      units: t.stringList({ required: false, description: 'Units operated (COOP_STAFF only), e.g. ["sembako"].' }),
    }),
  });
  const AcceptInvitationInput = builder.inputType('AcceptInvitationInput', {
    description: 'Accept an invitation with the code received.',
    fields: (t) => ({
      code: t.string({ description: 'The code from the SMS or e-mail (dashes and case do not matter).' }),
      password: t.string({ required: false, description: 'Password to set (at least 10 characters); required unless the login already has an account.' }),
    }),
  });
  const SignInInput = builder.inputType('SignInInput', {
    description: 'Sign in with a password.',
    fields: (t) => ({
      login: t.string({ description: 'Mobile number or e-mail address.' }),
      password: t.string({ description: 'Password.' }),
      grantId: t.id({ required: false, description: 'Grant to act under (default: the first one held).' }),
    }),
  });
  const RequestSignInCodeInput = builder.inputType('RequestSignInCodeInput', {
    description: 'Ask for a one-time sign-in code (instead of a password).',
    fields: (t) => ({ login: t.string({ description: 'Mobile number or e-mail address of the account.' }) }),
  });
  const SignInWithCodeInput = builder.inputType('SignInWithCodeInput', {
    description: 'Sign in with the one-time code received.',
    fields: (t) => ({
      login: t.string({ description: 'Mobile number or e-mail address.' }),
      code: t.string({ description: 'The code from the SMS or e-mail.' }),
      grantId: t.id({ required: false, description: 'Grant to act under (default: the first one held).' }),
    }),
  });
  const RefreshSessionInput = builder.inputType('RefreshSessionInput', {
    description: 'Exchange the refresh token for new tokens; optionally switch to another grant you hold.',
    fields: (t) => ({
      refreshToken: t.string({ description: 'The latest refresh token (each works once).' }),
      grantId: t.id({ required: false, description: 'Act under this grant from now on (e.g. your MEMBER grant in another cooperative).' }),
    }),
  });
  const SignOutInput = builder.inputType('SignOutInput', {
    description: 'End this session.',
    fields: (t) => ({ refreshToken: t.string({ description: "This session's refresh token." }) }),
  });
  const RevokeGrantInput = builder.inputType('RevokeGrantInput', {
    description: 'Take a grant back.',
    fields: (t) => ({ idempotencyKey: t.string(idem), grantId: t.id({ description: 'The grant (AccessGrant.id).' }) }),
  });

  builder.mutationFields((t) => ({
    invitePerson: t.field({
      type: InvitationRef,
      description: 'Send a one-time invitation code (valid 72 hours) to a phone or e-mail, for a role you may grant. Audited.',
      errors: { types: ERRORS },
      args: { input: t.arg({ type: InvitePersonInput }) },
      resolve: (_r, { input }, ctx) => {
        const coopId = input.cooperativeId ? one(input.cooperativeId, 'Cooperative', 'input.cooperativeId') : undefined;
        const member = input.memberId ? two(input.memberId, 'Member', 'input.memberId') : undefined;
        if (member && coopId && member[0] !== coopId) throw ValidationError.field('input.memberId', 'is a member of another cooperative', 'anggota koperasi lain');
        return invitePerson(ctx.core, peopleDeps(ctx), {
          ...input,
          cityId: input.cityId ? one(input.cityId, 'City', 'input.cityId') : undefined,
          cooperativeId: coopId,
          memberId: member?.[1],
          units: input.units ?? undefined,
          idempotencyKey: input.idempotencyKey ?? undefined,
        });
      },
    }),
    acceptInvitation: t.field({
      type: SessionRef,
      description: 'Accept an invitation: a new login sets its password; you are signed in under the new grant.',
      errors: { types: ERRORS },
      args: { input: t.arg({ type: AcceptInvitationInput }) },
      resolve: (_r, { input }, ctx) => acceptInvitation(ctx.core, peopleDeps(ctx), input),
    }),
    signIn: t.field({
      type: SessionRef,
      description: 'Sign in with login and password. Wrong password and unknown login get the same answer; repeated failures lock the login (and the source) for a while.',
      errors: { types: ERRORS },
      args: { input: t.arg({ type: SignInInput }) },
      resolve: (_r, { input }, ctx) => signIn(ctx.core, peopleDeps(ctx), { ...input, grantId: grantOf(input.grantId, 'input.grantId') }),
    }),
    requestSignInCode: t.field({
      type: CodeSentRef,
      description: 'Send a one-time sign-in code (valid 10 minutes) to the login, if an account has it. At most 3 per 15 minutes.',
      errors: { types: ERRORS },
      args: { input: t.arg({ type: RequestSignInCodeInput }) },
      resolve: (_r, { input }, ctx) => requestSignInCode(ctx.core, peopleDeps(ctx), input),
    }),
    signInWithCode: t.field({
      type: SessionRef,
      description: 'Sign in with a one-time code; refused and limited like a wrong password.',
      errors: { types: ERRORS },
      args: { input: t.arg({ type: SignInWithCodeInput }) },
      resolve: (_r, { input }, ctx) => signInWithCode(ctx.core, peopleDeps(ctx), { ...input, grantId: grantOf(input.grantId, 'input.grantId') }),
    }),
    refreshSession: t.field({
      type: SessionRef,
      description: 'New tokens for a refresh token (which then stops working). Refused once the grant was taken back or the session ended.',
      errors: { types: ERRORS },
      args: { input: t.arg({ type: RefreshSessionInput }) },
      resolve: (_r, { input }, ctx) => refreshSession(ctx.core, peopleDeps(ctx), { refreshToken: input.refreshToken, grantId: grantOf(input.grantId, 'input.grantId') }),
    }),
    signOut: t.field({
      type: SignedOutRef,
      description: 'End this session (its refresh token stops working; the access token ends within minutes).',
      errors: { types: ERRORS },
      args: { input: t.arg({ type: SignOutInput }) },
      resolve: async (_r, { input }, ctx) => {
        await signOut(ctx.core, input);
        return { at: ctx.core.clock.now().toISOString() };
      },
    }),
    signOutEverywhere: t.field({
      type: SignedOutRef,
      description: 'End every session of the signed-in person, on every device.',
      errors: { types: ERRORS },
      resolve: (_r, _a, ctx) => signOutEverywhere(ctx.core),
    }),
    revokeGrant: t.field({
      type: GrantRef,
      description: 'Take a grant back (whoever may give it may take it). Access under it ends within the access-token lifetime. Audited.',
      errors: { types: ERRORS },
      args: { input: t.arg({ type: RevokeGrantInput }) },
      resolve: (_r, { input }, ctx) => revokeGrant(ctx.core, { ...parseGrantId(input.grantId, 'input.grantId'), idempotencyKey: input.idempotencyKey ?? undefined }),
    }),
  }));
}
