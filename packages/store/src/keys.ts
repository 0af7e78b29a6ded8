/**
 * Key codec. Every partition key starts with its tenant: the platform, a city, or a cooperative. Nothing
 * outside this file builds a key string, so tenancy cannot be forgotten.
 */
export type Tenant =
  | { kind: 'platform' }
  | { kind: 'city'; cityId: string }
  | { kind: 'coop'; coopId: string };

const SEP = '#';

export function tenantPrefix(t: Tenant): string {
  switch (t.kind) {
    case 'platform':
      return 'PLATFORM';
    case 'city':
      return `CITY${SEP}${part(t.cityId)}`;
    case 'coop':
      return `COOP${SEP}${part(t.coopId)}`;
  }
}

/** A key part may not contain the separator; ids and codes never do, so one that does is a bug or an attack. */
export function part(value: string): string {
  if (value.length === 0 || value.includes(SEP)) {
    throw new Error(`invalid key part ${JSON.stringify(value)}`);
  }
  return value;
}

/** Partition key: tenant followed by optional sub-partition parts (e.g. a unit namespace). */
export function pk(t: Tenant, ...parts: string[]): string {
  return [tenantPrefix(t), ...parts.map(part)].join(SEP);
}

/** Sort key from parts; the first part names the item type. */
export function sk(...parts: string[]): string {
  return parts.map(part).join(SEP);
}

/** Prefix for begins_with queries over one item type (ends with the separator so MEMBER does not match MEMBERX). */
export function skPrefix(...parts: string[]): string {
  return sk(...parts) + SEP;
}

export interface Key {
  pk: string;
  sk: string;
}
