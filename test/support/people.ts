import type { TestApi } from './api';

const SESSION = `accessToken accessTokenExpiresAt refreshToken refreshTokenExpiresAt grant { id role cooperativeId memberId units } grants { id role cooperativeId memberId }`;
const ERR = `... on BusinessRuleError { rule field } ... on ValidationError { fields { field messageEn messageId } } ... on Error { code messageEn messageId }`;

export const peopleOps = {
  invitePerson: `mutation($input: InvitePersonInput!) { invitePerson(input: $input) { __typename ... on InvitePersonSuccess { data { invitationId role channel sentTo validUntil } } ${ERR} } }`,
  acceptInvitation: `mutation($input: AcceptInvitationInput!) { acceptInvitation(input: $input) { __typename ... on AcceptInvitationSuccess { data { ${SESSION} } } ${ERR} } }`,
  signIn: `mutation($input: SignInInput!) { signIn(input: $input) { __typename ... on SignInSuccess { data { ${SESSION} } } ${ERR} } }`,
  requestSignInCode: `mutation($input: RequestSignInCodeInput!) { requestSignInCode(input: $input) { __typename ... on RequestSignInCodeSuccess { data { sentTo validUntil } } ${ERR} } }`,
  signInWithCode: `mutation($input: SignInWithCodeInput!) { signInWithCode(input: $input) { __typename ... on SignInWithCodeSuccess { data { ${SESSION} } } ${ERR} } }`,
  refreshSession: `mutation($input: RefreshSessionInput!) { refreshSession(input: $input) { __typename ... on RefreshSessionSuccess { data { ${SESSION} } } ${ERR} } }`,
  signOut: `mutation($input: SignOutInput!) { signOut(input: $input) { __typename ... on SignOutSuccess { data { at } } ${ERR} } }`,
  signOutEverywhere: `mutation { signOutEverywhere { __typename ... on SignOutEverywhereSuccess { data { at } } ${ERR} } }`,
  revokeGrant: `mutation($input: RevokeGrantInput!) { revokeGrant(input: $input) { __typename ... on RevokeGrantSuccess { data { id role } } ${ERR} } }`,
  myGrants: `{ myGrants { id role cooperativeId memberId } }`,
};

export interface Session {
  accessToken: string;
  accessTokenExpiresAt: string;
  refreshToken: string;
  grant: { id: string; role: string; cooperativeId: string | null; memberId: string | null; units: string[] };
  grants: { id: string; role: string; cooperativeId: string | null; memberId: string | null }[];
}

/** Invites through the API; answers the GraphQL result and the code the person received. */
export async function invite(api: TestApi, token: string, input: Record<string, unknown>) {
  const res = await api.gql(peopleOps.invitePerson, { input }, token);
  const code = api.outbox.lastCodeFor(normalizedLogin(String(input.login)));
  return { res: res.data?.invitePerson ?? res, code };
}

export async function accept(api: TestApi, code: string, password?: string) {
  return (await api.gql(peopleOps.acceptInvitation, { input: { code, ...(password ? { password } : {}) } })).data.acceptInvitation;
}

export async function signIn(api: TestApi, login: string, password: string, grantId?: string) {
  return (await api.gql(peopleOps.signIn, { input: { login, password, ...(grantId ? { grantId } : {}) } })).data.signIn;
}

export async function refresh(api: TestApi, refreshToken: string, grantId?: string) {
  return (await api.gql(peopleOps.refreshSession, { input: { refreshToken, ...(grantId ? { grantId } : {}) } })).data.refreshSession;
}

/** Invite + accept in one step: the new person's first session. */
export async function onboard(api: TestApi, inviterToken: string, input: Record<string, unknown>, password = 'kata-sandi-rahasia-1'): Promise<Session> {
  const { res, code } = await invite(api, inviterToken, input);
  if (res.__typename !== 'InvitePersonSuccess' || !code) throw new Error(`invite failed: ${JSON.stringify(res)}`);
  const accepted = await accept(api, code, password);
  if (accepted.__typename !== 'AcceptInvitationSuccess') throw new Error(`accept failed: ${JSON.stringify(accepted)}`);
  return accepted.data;
}

function normalizedLogin(login: string): string {
  const phone = login.replace(/[\s.()-]/g, '');
  return /^(\+62|62|0)8\d{7,12}$/.test(phone) ? `+62${phone.replace(/^(\+62|62|0)/, '')}` : login.toLowerCase();
}

let phoneSeq = 1000;
/** A fresh Indonesian mobile number per call. */
export const nextPhone = () => `0812${String(55500000 + phoneSeq++)}`;
