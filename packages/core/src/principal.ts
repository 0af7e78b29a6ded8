/**
 * Who is calling. Built from a verified JWT by the API; services take it from the context and check it
 * themselves, so every path into the data (GraphQL, CLI, plugins) meets the same rules.
 */
export const ROLES = ['PLATFORM_ADMIN', 'CITY_ADMIN', 'COOP_MANAGER', 'COOP_STAFF', 'SUPERVISOR', 'MEMBER'] as const;
export type Role = (typeof ROLES)[number];

export interface Principal {
  userId: string;
  name?: string;
  role: Role;
  /** CITY_ADMIN: the one city administered. */
  cityId?: string;
  /** Cooperative roles: the cooperative. */
  coopId?: string;
  /** MEMBER: the member record this user is. */
  memberId?: string;
  /** COOP_STAFF: the units the staff member operates (cashier of sembako, ...). */
  units?: string[];
}

/** Role a cooperative-scoped principal must hold one of, per claim shape. */
export const COOP_ROLES: readonly Role[] = ['COOP_MANAGER', 'COOP_STAFF', 'SUPERVISOR', 'MEMBER'];
