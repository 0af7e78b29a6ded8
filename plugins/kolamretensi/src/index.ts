import { defineUnit } from '@kkmp/plugin-sdk';
import { kolamDemo } from './demo';
import { kolamExamples } from './examples';
import { kolamSchema } from './schema/index';
import { kolamSettings, sampleSettings } from './settings';

/**
 * A city retention pond (kolam retensi) the cooperative runs under an agreement: flood control first
 * (water levels against alert thresholds, readings from staff or sensors with device credentials, an
 * alert log, operations and maintenance), a business second (fish cages, tickets, rentals), and the
 * city's share of the revenue posted as a payable.
 */
export default defineUnit({
  id: 'kolamretensi',
  name: { id: 'Kolam Retensi', en: 'Retention pond' },
  description: {
    id: 'Pengelolaan kolam retensi milik kota: tinggi muka air dan status siaga, log operasi dan pemeliharaan, keramba, tiket, sewa, bagi hasil kota.',
    en: 'Running a city retention pond: water levels and alert status, operations and maintenance, fish cages, tickets, rentals, and the city’s revenue share.',
  },
  version: '0.1.0',
  compatibility: '^1',
  dependsOn: [],
  settings: kolamSettings,
  sampleSettings,
  permissions: {
    'kolamretensi:read': { description: 'See ponds, water levels, alerts, operations, businesses and revenue.', roles: ['COOP_MANAGER', 'COOP_STAFF', 'SUPERVISOR'] },
    'kolamretensi:record': { description: 'Record readings, operations, tickets and cage events.', roles: ['COOP_MANAGER', 'COOP_STAFF'] },
    'kolamretensi:manage': { description: 'Register ponds and gauges, issue and revoke device credentials, schedule maintenance, let spaces, bill rentals, post the city’s share.', roles: ['COOP_MANAGER'] },
  },
  accounts: [
    { code: 'fishRevenue', name: { id: 'Penjualan ikan keramba', en: 'Fish sales' }, kind: 'REVENUE' },
    { code: 'ticketRevenue', name: { id: 'Pendapatan tiket kolam', en: 'Pond tickets' }, kind: 'REVENUE' },
    { code: 'rentalRevenue', name: { id: 'Pendapatan sewa kolam', en: 'Pond rentals' }, kind: 'REVENUE' },
    { code: 'fishCosts', name: { id: 'Biaya benih dan pakan', en: 'Fingerlings and feed' }, kind: 'EXPENSE' },
    { code: 'cityShare', name: { id: 'Bagi hasil kota', en: "City's revenue share" }, kind: 'EXPENSE' },
    { code: 'cityShareDue', name: { id: 'Utang bagi hasil kota', en: "City's revenue share payable" }, kind: 'LIABILITY' },
  ],
  schema: kolamSchema,
  demo: kolamDemo,
  examples: kolamExamples,
});
