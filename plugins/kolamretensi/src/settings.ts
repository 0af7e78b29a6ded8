import { msg, rupiah, z } from '@kkmp/plugin-sdk';

/** Per-cooperative settings; each pond's own figures (thresholds, agreement) are data on the pond. */
export const kolamSettings = z.object({
  fishingTicketPrice: rupiah.default(15_000).describe('Price of a fishing ticket (tiket memancing), whole rupiah'),
  visitorTicketPrice: rupiah.default(5_000).describe('Price of a visitor ticket (tiket masuk), whole rupiah'),
  dueSoonDays: z.number().int().min(0, msg('must not be negative', 'tidak boleh negatif')).max(60).default(7).describe('Maintenance shows as DUE this many days before its date'),
});
export type KolamSettings = z.output<typeof kolamSettings>;

export const sampleSettings = { fishingTicketPrice: 15_000, visitorTicketPrice: 5_000, dueSoonDays: 7 };
