import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import { ForbiddenError, NotFoundError, newId, type CoreContext } from '@kkmp/core';
import { getItem, pk, sk, update, type Db, type Key, type Transaction } from '@kkmp/store';
import type { DeviceCaller, UnitDeviceCredential, UnitDeviceCredentials } from '@kkmp/plugin-sdk';
import { z } from 'zod';

/**
 * Device credentials: a non-user caller (a water-level sensor) that a unit issues for one narrow job.
 * The host keeps each under its own key (the auth layer finds it by id before it knows the
 * cooperative), with the secret only as a SHA-256 hash: the secret is 32 random bytes, so a fast hash
 * is as strong as a slow one here (no dictionary to try).
 */
const credentialSchema = z.object({
  credentialId: z.string(),
  coopId: z.string(),
  unitId: z.string(),
  label: z.string(),
  scope: z.record(z.string(), z.string()),
  secretHash: z.string(),
  issuedAt: z.string(),
  issuedBy: z.string(),
  revokedAt: z.string().optional(),
});
type StoredCredential = z.output<typeof credentialSchema>;

const keyOf = (credentialId: string): Key => ({ pk: pk({ kind: 'platform' }, 'DEVICE', credentialId), sk: sk('CREDENTIAL') });
const hashOf = (secret: string) => createHash('sha256').update(secret).digest('hex');
const TOKEN = /^([0-9A-HJKMNP-TV-Z]{26})\.([A-Za-z0-9_-]{43})$/;
const TOKEN_ID = /^[0-9A-HJKMNP-TV-Z]{26}$/;

export class InvalidDeviceCredential extends Error {
  constructor() {
    super('invalid device credential');
    this.name = 'InvalidDeviceCredential';
  }
}

/** The device behind `<credentialId>.<secret>`, or InvalidDeviceCredential (unknown, wrong secret, revoked). One read. */
export async function verifyDeviceToken(db: Db, token: string): Promise<DeviceCaller> {
  const match = TOKEN.exec(token);
  if (!match) throw new InvalidDeviceCredential();
  const stored = await getItem(db, keyOf(match[1]!), credentialSchema);
  if (!stored || stored.revokedAt) throw new InvalidDeviceCredential();
  const given = Buffer.from(hashOf(match[2]!), 'hex');
  if (!timingSafeEqual(given, Buffer.from(stored.secretHash, 'hex'))) throw new InvalidDeviceCredential();
  return { credentialId: stored.credentialId, coopId: stored.coopId, unitId: stored.unitId, scope: stored.scope };
}

const publicView = (c: StoredCredential): UnitDeviceCredential => ({
  credentialId: c.credentialId,
  label: c.label,
  scope: c.scope,
  issuedAt: c.issuedAt,
  issuedBy: c.issuedBy,
  ...(c.revokedAt ? { revokedAt: c.revokedAt } : {}),
});

/** Tokens issued in one request, for the one response that shows them (never stored). */
const revealed = new WeakMap<object, Map<string, string>>();

export function revealedDeviceToken(requestContext: unknown, credentialId: string): string | null {
  if (!requestContext || typeof requestContext !== 'object') return null;
  return revealed.get(requestContext)?.get(credentialId) ?? null;
}

/** `u.devices` of a unit mutation: writes go into its transaction; the token is kept for this request's response only. */
export function createUnitDeviceCredentials(core: CoreContext, tx: Transaction, coopId: string, unitId: string, requestContext: object, issuedBy: string): UnitDeviceCredentials {
  return {
    async issue({ label, scope }) {
      const secret = randomBytes(32).toString('base64url');
      const stored: StoredCredential = {
        credentialId: newId(core.clock.now()),
        coopId,
        unitId,
        label,
        scope: { ...scope },
        secretHash: hashOf(secret),
        issuedAt: core.clock.now().toISOString(),
        issuedBy,
      };
      tx.create({ ...keyOf(stored.credentialId), type: 'DeviceCredential', ...stored });
      // A re-run of the mutation issues another id; only the committed one is ever asked for.
      const tokens = revealed.get(requestContext) ?? new Map<string, string>();
      tokens.set(stored.credentialId, `${stored.credentialId}.${secret}`);
      revealed.set(requestContext, tokens);
      return publicView(stored);
    },
    async revoke(credentialId) {
      const stored = TOKEN_ID.test(credentialId) ? await getItem(core.db, keyOf(credentialId), credentialSchema) : undefined;
      if (!stored) throw new NotFoundError('DeviceCredential', credentialId);
      // Another cooperative's or another unit's credential is not this unit's to touch.
      if (stored.coopId !== coopId || stored.unitId !== unitId) throw new ForbiddenError(`${unitId}:devices`);
      if (stored.revokedAt) return publicView(stored);
      const revokedAt = core.clock.now().toISOString();
      tx.update(keyOf(credentialId), update().set('revokedAt', revokedAt), { expression: 'coopId = :c AND unitId = :u', values: { ':c': coopId, ':u': unitId } });
      return publicView({ ...stored, revokedAt });
    },
  };
}
