import { GraphQLError } from 'graphql';
import type { Db } from '@kkmp/store';
import type { DeviceCaller } from '@kkmp/plugin-sdk';
import { InvalidDeviceCredential, verifyDeviceToken } from './credentials';

const DEVICE_HEADER = /^Device\s+(\S+)$/i;

/** Whether the Authorization header carries a device credential rather than a user's bearer token. */
export function isDeviceHeader(header: string | null): header is string {
  return !!header && /^Device\s/i.test(header);
}

/** The device of an `Authorization: Device <credentialId>.<secret>` header; 401 when unknown, wrong or revoked. */
export async function authenticateDevice(db: Db, header: string): Promise<DeviceCaller> {
  try {
    const match = DEVICE_HEADER.exec(header);
    if (!match) throw new InvalidDeviceCredential();
    return await verifyDeviceToken(db, match[1]!);
  } catch (err) {
    if (!(err instanceof InvalidDeviceCredential)) throw err;
    throw new GraphQLError(err.message, {
      extensions: {
        code: 'UNAUTHENTICATED',
        messageEn: 'this device credential is unknown or has been revoked',
        messageId: 'kredensial perangkat ini tidak dikenal atau sudah dicabut',
        http: { status: 401 },
      },
    });
  }
}
