import type { PeopleDeps } from '@kkmp/core';
import type { ApiContext } from '@kkmp/plugin-sdk';

/** The host's request context: the plugins' ApiContext plus what the people operations need. */
export interface HostContext extends ApiContext {
  people: PeopleDeps;
}

/** The people operations' dependencies; only the host builds contexts, so they are always there. */
export function peopleDeps(ctx: ApiContext): PeopleDeps {
  const deps = (ctx as Partial<HostContext>).people;
  if (!deps) throw new Error('request context without people dependencies');
  return deps;
}

/**
 * The caller's address for per-source limits: API Gateway's sourceIp (passed by the Lambda handler)
 * or the socket's peer under node:http. X-Forwarded-For is never read: any client can write it.
 */
export function sourceOf(serverContext: unknown): string {
  const c = serverContext as { sourceIp?: unknown; req?: { socket?: { remoteAddress?: unknown } } };
  if (typeof c.sourceIp === 'string' && c.sourceIp) return c.sourceIp;
  const peer = c.req?.socket?.remoteAddress;
  return typeof peer === 'string' && peer ? peer : 'unknown';
}
