/**
 * People and access: persons, grants (domain data in our table, mirrored per tenant, audited),
 * invitations, passwords (scrypt), one-time codes, sign-in limits and rotating refresh-token families.
 * The host signs access tokens (jose, ES256 with kid) and delivers codes; everything else is here.
 *
 * Why not OpenAuth (@openauthjs/openauth 0.4.3, checked 2026-12-01): its issuer is a Hono app with
 * OAuth redirect flows and HTML UIs, and it reads Date.now() throughout (issuer, refresh reuse, the
 * DynamoDB storage's expiry), so tests cannot move its clock; its password provider is e-mail only with
 * open self-registration and no attempt limits or lockout; a reused refresh token past its 60 s window
 * invalidates every token of the subject by a storage scan, not the one family; it keeps one generated
 * ES256 key with no rotation; invitations with our grants would be a custom provider. What it would
 * have given us (ES256, JWKS, DynamoDB storage) is a few small files on jose and node:crypto here.
 */
export { CHANNELS, type Channel, type Grant, type GrantSpec, type Person, type Invitation } from './model';
export { loginField, maskLogin, channelOf } from './login';
export { SCRYPT, PASSWORD_MIN, hashPassword, verifyPassword } from './password';
export { LIMITS as SIGN_IN_LIMITS } from './throttle';
export { checkMayGrant } from './rules';
export { sha256, newCode, type AccessTokenIssuer, type AccessClaims, type CodeSender, type CodeMessage, type PeopleDeps } from './tokens';
export { SESSION_DAYS, principalOf, refreshSession, signOut, signOutEverywhere, startSession, type AuthSession } from './sessions';
export { signIn } from './signin';
export { INVITATION_HOURS, invitePerson, acceptInvitation, writeGrant, type InvitationSent } from './invitations';
export { revokeGrant, listPeople, myGrants, type TenantGrant } from './grants';
export { bootstrapPerson, bootstrapAdminInvitation } from './bootstrap';
export { requestSignInCode, signInWithCode, SIGN_IN_CODE_MINUTES, type SignInCodeSent } from './code-sign-in';
