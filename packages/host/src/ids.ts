import { decodeId } from '@kkmp/plugin-sdk';

export { encodeId, decodeId } from '@kkmp/plugin-sdk';

/** The one tenant-path part of an id of the given type (a city, a cooperative). */
export const one = (id: string, type: string, field: string) => decodeId(id, type, field, 1)[0]!;
/** The two parts of an id under a cooperative (cooperative, record). */
export const two = (id: string, type: string, field: string) => decodeId(id, type, field, 2) as [string, string];
