import { defineUnit } from '@kkmp/plugin-sdk';
import { commerceAccounts, commercePermissions } from '@kkmp/commerce';
import { airminumDemo } from './demo';
import { airminumExamples } from './examples';
import { airminumSchema } from './schema/index';
import { setUpDepot } from './services/setup';
import { airminumSettings, sampleSettings } from './settings';

/**
 * The drinking-water refill depot (depot air minum isi ulang): refills into the buyer's container,
 * priced per container type from the settings; sales stop by themselves while the hygiene certificate
 * (SLHS) has lapsed, the latest water test failed or a UV lamp is down (checked in each sale's
 * transaction); water tests judged against the limits; filters, membrane and lamps due by months or litres.
 */
export default defineUnit({
  id: 'airminum',
  name: { id: 'Depot air minum isi ulang', en: 'Drinking-water refill depot' },
  description: {
    id: 'Depot air minum koperasi: isi ulang ke wadah pembeli, penjualan berhenti sendiri bila SLHS habis, uji air gagal atau lampu UV mati; uji air, filter dan lampu terjadwal.',
    en: "The cooperative's refill depot: refills into the buyer's container; sales stop by themselves when the SLHS lapses, a water test fails or the UV lamp is down; water tests, filters and lamps scheduled.",
  },
  version: '0.1.0',
  compatibility: '^1',
  dependsOn: [],
  settings: airminumSettings,
  sampleSettings,
  permissions: {
    ...commercePermissions('airminum', 'water depot'),
    'airminum:operate': { description: 'Mark equipment down or working and log maintenance at the depot.', roles: ['COOP_MANAGER', 'COOP_STAFF'] },
  },
  accounts: [...commerceAccounts, { code: 'maintenance', name: { id: 'Beban perawatan depot air', en: 'Water depot maintenance' }, kind: 'EXPENSE' }],
  schema: airminumSchema,
  onEnable: setUpDepot,
  demo: airminumDemo,
  examples: airminumExamples,
});
