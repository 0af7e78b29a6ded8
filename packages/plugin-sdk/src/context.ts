import type { CoreContext, Principal } from '@kkmp/core';

/**
 * A device (a water-level sensor, ...) calling with a device credential instead of a user token
 * (`Authorization: Device <credentialId>.<secret>`). It is no user: it holds no role and no permission,
 * and may call only the mutations its unit declared `devices: true`, in its own cooperative.
 */
export interface DeviceCaller {
  credentialId: string;
  coopId: string;
  unitId: string;
  /** What the unit limited the credential to when it issued it (e.g. `{ pondId, sensorId }`). */
  scope: Record<string, string>;
}

/** GraphQL context: the core context for services plus request facts. */
export interface ApiContext {
  core: CoreContext;
  /** The signed-in user; null for anonymous callers and for devices. */
  principal: Principal | null;
  /** The device credential the request came with, if any (then `principal` is null). */
  device?: DeviceCaller | null;
  requestId: string;
}
