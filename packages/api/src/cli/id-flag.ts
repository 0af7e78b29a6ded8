import { decodeId, encodeId } from '@kkmp/plugin-sdk';
import { UsageError } from './usage-error';

/** Internal ids are ULIDs: 26 Crockford base-32 characters (as in demo-users.json). */
const INTERNAL = /^[0-9A-HJKMNP-TV-Z]{26}$/i;

export type IdType = 'City' | 'Cooperative' | 'Member';
const PARTS: Record<IdType, number> = { City: 1, Cooperative: 1, Member: 2 };

/**
 * An id given on the command line, as the API prints it (the GraphQL id: a Member's carries its
 * cooperative) or as an internal id. Returns the internal parts: [id], or [coopId, memberId] for a
 * public Member id. A wrong kind of id is named, not silently put in the token.
 */
export function idFlag(value: string, type: IdType, flag: string): string[] {
  if (INTERNAL.test(value)) return [value.toUpperCase()];
  const [kind, ...parts] = Buffer.from(value, 'base64url').toString('utf8').split(':');
  const isPublicId = !!kind && /^[A-Z][A-Za-z]*$/.test(kind) && parts.length > 0 && encodeId(kind, ...parts) === value;
  if (isPublicId && kind !== type) throw new UsageError(`--${flag} wants a ${type} id; ${value} is a ${kind} id.`);
  if (isPublicId) {
    try {
      return decodeId(value, type, flag, PARTS[type]);
    } catch {
      // falls through to the message below
    }
  }
  throw new UsageError(
    `--${flag} "${value}" is not a ${type} id: give the id the API prints (e.g. ${encodeId(type, ...Array<string>(PARTS[type]).fill('01JABCDEFGHJKMNPQRSTVWXYZ0'))}) or the internal one from demo-users.json (26 letters and digits).`,
  );
}
