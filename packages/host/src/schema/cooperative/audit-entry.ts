import type { Builder } from '@kkmp/plugin-sdk';
import { encodeId } from '../../ids';
import type { CoreRefs } from '../refs';

/** One entry of a tenant's audit log. */
export function registerAuditEntryType(builder: Builder, refs: CoreRefs) {
  const { AuditEntryRef } = refs;
  AuditEntryRef.implement({
    description: 'One mutation as the audit log saw it: who, when, what, with which input, and how it ended.',
    fields: (t) => ({
      id: t.id({ description: 'Opaque id.', resolve: (e) => encodeId('AuditEntry', e.tenantPath, e.id) }),
      at: t.expose('at', { type: 'DateTime', description: 'When.' }),
      actorUserId: t.exposeString('actorUserId', { description: 'User id (token subject) of the caller.' }),
      actorRole: t.exposeString('actorRole', { description: 'Role of the caller at the time.' }),
      operation: t.exposeString('operation', { description: 'GraphQL mutation name.' }),
      inputDigest: t.exposeString('inputDigest', { description: 'SHA-256 of the validated input (base64url): proves what was sent without storing personal data twice.' }),
      outcome: t.exposeString('outcome', { description: 'OK, or the error code it ended with.' }),
      targetId: t.exposeString('targetId', { nullable: true, description: 'Internal id of the main record touched.' }),
    }),
  });
}
