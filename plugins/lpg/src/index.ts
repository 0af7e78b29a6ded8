import { defineUnit } from '@kkmp/plugin-sdk';
import { commerceAccounts, commercePermissions } from '@kkmp/commerce';
import { lpgDemo } from './demo';
import { lpgExamples } from './examples';
import { lpgSchema } from './schema/index';
import { lpgSettings, sampleSettings } from './settings';

/**
 * The LPG 3 kg outlet (pangkalan / sub-pangkalan): subsidized 3 kg refills only to registered buyers,
 * each sale with the buyer's NIK and type, never above the HET, within the outlet's limits; full and
 * empty cylinders counted; supply from the agent. Non-subsidized 5.5 kg and 12 kg are ordinary goods.
 */
export default defineUnit({
  id: 'lpg',
  name: { id: 'Pangkalan LPG 3 kg', en: 'LPG 3 kg outlet' },
  description: {
    id: 'Pangkalan LPG 3 kg koperasi: jual ke pembeli terdaftar dengan NIK, tidak melebihi HET, tukar tabung kosong, pasokan dari agen.',
    en: "The cooperative's LPG 3 kg outlet: sells to registered buyers by NIK, never above the HET, exchanges empties, tracks supply from the agent.",
  },
  version: '0.1.0',
  compatibility: '^1',
  dependsOn: [],
  settings: lpgSettings,
  sampleSettings,
  permissions: commercePermissions('lpg', 'LPG outlet'),
  accounts: [...commerceAccounts],
  schema: lpgSchema,
  demo: lpgDemo,
  examples: lpgExamples,
});
