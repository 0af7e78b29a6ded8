import { ValidationError } from '@kkmp/core/kernel';

/**
 * Public ids carry their type and tenant path ("Member:<coopId>:<memberId>", base64url), so a request
 * names its tenant before any read and the services can check it first. Clients treat ids as opaque.
 * Unit plugins use their own type names (e.g. "SembakoProduct").
 */
export function encodeId(type: string, ...parts: string[]): string {
  return Buffer.from([type, ...parts].join(':'), 'utf8').toString('base64url');
}

/** Decodes an id of the expected type, or throws a validation error naming the input field. */
export function decodeId(id: string, type: string, field: string, parts = 1): string[] {
  const decoded = Buffer.from(id, 'base64url').toString('utf8').split(':');
  const [kind, ...rest] = decoded;
  if (kind !== type || rest.length !== parts || rest.some((p) => !/^[0-9A-Za-z_-]{1,64}$/.test(p))) {
    throw ValidationError.field(field, `is not a ${type} id`, `bukan id ${type}`);
  }
  return rest;
}

export const one = (id: string, type: string, field: string) => decodeId(id, type, field, 1)[0]!;
export const two = (id: string, type: string, field: string) => decodeId(id, type, field, 2) as [string, string];
