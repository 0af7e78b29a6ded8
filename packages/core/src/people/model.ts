import { pk, sk, type Tenant } from '@kkmp/store';
import { z } from 'zod';
import { ROLES } from '../principal';

/**
 * People and their access, kept in the one table. A person is not inside any one tenant (a pengurus
 * may also be a member, someone may serve two cooperatives), so the person's own items live in a
 * platform partition of their own; each grant is mirrored into its tenant's partition so a cooperative
 * lists (and audits) its people without reading anyone else's.
 */
const PLATFORM: Tenant = { kind: 'platform' };

export const CHANNELS = ['SMS', 'EMAIL'] as const;
export type Channel = (typeof CHANNELS)[number];

export const grantSchema = z.object({
  grantId: z.string(),
  personId: z.string(),
  role: z.enum(ROLES),
  cityId: z.string().optional(),
  coopId: z.string().optional(),
  memberId: z.string().optional(),
  units: z.array(z.string()).optional(),
  grantedBy: z.string(),
  grantedAt: z.string(),
});
export type Grant = z.infer<typeof grantSchema>;
/** What an invitation promises: a grant before it has a person and an id. */
export type GrantSpec = Pick<Grant, 'role' | 'cityId' | 'coopId' | 'memberId' | 'units'>;

export const personSchema = z.object({
  personId: z.string(),
  name: z.string(),
  login: z.string(),
  channel: z.enum(CHANNELS),
  createdAt: z.string(),
  /** "Sign out everywhere" raises it: sessions begun under a lower epoch are refused. */
  sessionEpoch: z.number().int().optional(),
  version: z.number().int(),
});
export type Person = z.infer<typeof personSchema>;

/** The login's credential: kept apart from the profile so sign-in reads one item per login. */
export const credentialSchema = z.object({ personId: z.string(), passwordHash: z.string().optional() });

export const invitationSchema = z.object({
  invitationId: z.string(),
  login: z.string(),
  channel: z.enum(CHANNELS),
  name: z.string(),
  grant: z.object({
    role: z.enum(ROLES),
    cityId: z.string().optional(),
    coopId: z.string().optional(),
    memberId: z.string().optional(),
    units: z.array(z.string()).optional(),
  }),
  invitedBy: z.string(),
  createdAt: z.string(),
  validUntil: z.string(),
  usedAt: z.string().optional(),
});
export type Invitation = z.infer<typeof invitationSchema>;

export const sessionSchema = z.object({
  familyId: z.string(),
  personId: z.string(),
  grantId: z.string(),
  /** SHA-256 of the refresh token that is current; earlier ones are kept as "used" markers. */
  currentHash: z.string(),
  createdAt: z.string(),
  validUntil: z.string(),
  revokedAt: z.string().optional(),
  /** The person's sessionEpoch when the session began. */
  epoch: z.number().int(),
  version: z.number().int(),
});
export type Session = z.infer<typeof sessionSchema>;

const personPk = (personId: string) => pk(PLATFORM, 'PERSON', personId);
export const keys = {
  person: (personId: string) => ({ pk: personPk(personId), sk: sk('PROFILE') }),
  grant: (personId: string, grantId: string) => ({ pk: personPk(personId), sk: sk('GRANT', grantId) }),
  grantsOf: (personId: string) => ({ partition: personPk(personId), prefix: sk('GRANT') + '#' }),
  /** The grant's mirror in its tenant's partition (a cooperative's, a city's, or the platform's). */
  tenantGrant: (tenant: Tenant, grantId: string) => ({ pk: pk(tenant), sk: sk('PERSONGRANT', grantId) }),
  tenantGrants: (tenant: Tenant) => ({ partition: pk(tenant), prefix: sk('PERSONGRANT') + '#' }),
  credential: (login: string) => ({ pk: pk(PLATFORM, 'LOGIN', login), sk: sk('CREDENTIAL') }),
  invitation: (codeHash: string) => ({ pk: pk(PLATFORM, 'INVITE', codeHash), sk: sk('INVITE') }),
  session: (personId: string, familyId: string) => ({ pk: personPk(personId), sk: sk('SESSION', familyId) }),
  usedRefresh: (personId: string, familyId: string, hash: string) => ({ pk: personPk(personId), sk: sk('SESSION', familyId, 'USED', hash) }),
};

/** The tenant a grant belongs to: its cooperative, else its city, else the platform. */
export function grantTenant(g: GrantSpec): Tenant {
  if (g.coopId) return { kind: 'coop', coopId: g.coopId };
  if (g.cityId) return { kind: 'city', cityId: g.cityId };
  return PLATFORM;
}

/** DynamoDB's TTL attribute (epoch seconds): the table deletes the item some time after it. */
export const ttlOf = (until: Date) => Math.floor(until.getTime() / 1000);
