import { ForbiddenError, type CoreContext, type Principal } from '@kkmp/core';
import type { AnyUnit, DeviceCaller, UnitContext } from '@kkmp/plugin-sdk';
import { gate, openUnit } from './guard';

/**
 * The gate of a mutation declared `devices: true`. A user goes through the usual gate; a device only
 * into its own cooperative and unit, where it holds no permission (`can` is false) and its resolver
 * gets `u.device` to hold it to its scope. The stand-in principal names the device (for records that
 * say who wrote them) and, being staff of no unit, holds nothing either.
 */
export async function deviceOrUserGate<S>(
  core: CoreContext,
  unit: AnyUnit,
  coopId: string,
  permission: string,
  device: DeviceCaller | null | undefined,
): Promise<{ context: UnitContext<S>; recordVersion: number }> {
  if (!device) return gate<S>(core, unit, coopId, permission);
  if (device.coopId !== coopId || device.unitId !== unit.id) throw new ForbiddenError(permission);
  const standIn: Principal = { userId: `device:${device.credentialId}`, role: 'COOP_STAFF', coopId, units: [] };
  return openUnit<S>(core, unit, coopId, { principal: standIn, can: () => false, device: { credentialId: device.credentialId, scope: device.scope } });
}

/** The core context a device's mutation runs in: still no principal (no rule lets it in), but named in the audit log. */
export function deviceCoreContext(core: CoreContext, device: DeviceCaller | null | undefined): CoreContext {
  return device ? { ...core, principal: null, actor: { userId: `device:${device.credentialId}`, role: 'DEVICE' } } : core;
}
