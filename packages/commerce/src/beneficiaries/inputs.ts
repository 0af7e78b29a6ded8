import { text, z } from '@kkmp/plugin-sdk';

/** The unit's buyer types, e.g. ['RUMAH_TANGGA', 'USAHA_MIKRO'] for LPG 3 kg. */
export type BuyerTypes = readonly [string, ...string[]];

export const registerInput = (types: BuyerTypes) =>
  z.object({
    nik: z.string(),
    /** Optional for a member: the member's name is taken. */
    name: text(100).optional().nullable(),
    buyerType: z.enum(types),
    note: text(200).optional().nullable(),
  });

export const updateInput = (types: BuyerTypes) =>
  z.object({
    name: text(100).optional().nullable(),
    buyerType: z.enum(types).optional().nullable(),
    note: text(200).optional().nullable(),
  });

/** The documents checked for a verification. */
export const verifyInput = z.object({ reference: text(200) });

/** Why a buyer is blocked or unblocked. */
export const reasonInput = z.object({ reason: text(200) });

/** One row of a list to import (Pertamina's registered buyers, a farmer group's e-RDKK list). */
export const importRowInput = (types: BuyerTypes) =>
  registerInput(types).extend({
    /** Documents already checked by whoever made the list: the row comes in verified. */
    verifiedReference: text(200).optional().nullable(),
  });

export const MAX_IMPORT_ROWS = 50;
