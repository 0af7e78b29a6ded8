import { defineUnit } from '@kkmp/plugin-sdk';
import { commerceAccounts, commercePermissions } from '@kkmp/commerce';
import { pupukDemo } from './demo';
import { pupukExamples } from './examples';
import { pupukSchema } from './schema/index';
import { pupukSettings, sampleSettings } from './settings';

/**
 * The subsidized fertilizer kiosk (kios pupuk, PPTS): redeems subsidized fertilizer only to farmers on
 * the e-RDKK, within each farmer's allocation for the season, at the HET on the business date, with a
 * proof of each redemption; allocations imported from the farmer groups' lists; stock from the
 * distributor; reports for the distributor and the agriculture office. Market-price fertilizer is sold as ordinary goods.
 */
export default defineUnit({
  id: 'pupuk',
  name: { id: 'Kios pupuk bersubsidi', en: 'Subsidized fertilizer kiosk' },
  description: {
    id: 'Kios pupuk koperasi: tebus pupuk bersubsidi dengan NIK sesuai alokasi e-RDKK per musim tanam, tidak melebihi HET, dengan bukti; impor e-RDKK, stok dari distributor, laporan bulanan.',
    en: "The cooperative's fertilizer kiosk: subsidized fertilizer redeemed by NIK within each farmer's e-RDKK allocation for the season, never above the HET, with proof; e-RDKK imports, stock from the distributor, monthly reports.",
  },
  version: '0.1.0',
  compatibility: '^1',
  dependsOn: [],
  settings: pupukSettings,
  sampleSettings,
  permissions: commercePermissions('pupuk', 'fertilizer kiosk'),
  accounts: [...commerceAccounts],
  schema: pupukSchema,
  demo: pupukDemo,
  examples: pupukExamples,
});
