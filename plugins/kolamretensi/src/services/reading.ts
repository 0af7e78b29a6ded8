import { z } from '@kkmp/plugin-sdk';
import { STATUSES } from './levels';

/** A stored water-level reading, classified against the pond's thresholds. */
export const readingSchema = z.object({ at: z.string(), levelCm: z.number().int(), status: z.enum(STATUSES), sensorId: z.string(), recordedBy: z.string(), recordedAt: z.string() });
export type Reading = z.output<typeof readingSchema>;
