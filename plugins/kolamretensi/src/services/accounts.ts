import { ACCOUNTS as CORE } from '@kkmp/plugin-sdk';

/** Accounts the unit posts to: its own revenue by business line, the city's share, and the core's cash and receivables. */
export const ACCOUNTS = {
  fishRevenue: 'kolamretensi.fishRevenue',
  ticketRevenue: 'kolamretensi.ticketRevenue',
  rentalRevenue: 'kolamretensi.rentalRevenue',
  fishCosts: 'kolamretensi.fishCosts',
  cityShare: 'kolamretensi.cityShare',
  cityShareDue: 'kolamretensi.cityShareDue',
  cash: CORE.cash,
  receivables: CORE.tradeReceivables,
} as const;

export const LINES = ['FISH', 'TICKETS', 'RENTALS'] as const;
export type Line = (typeof LINES)[number];
export const LINE_ACCOUNT: Record<Line, string> = { FISH: ACCOUNTS.fishRevenue, TICKETS: ACCOUNTS.ticketRevenue, RENTALS: ACCOUNTS.rentalRevenue };
