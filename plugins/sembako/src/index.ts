import { defineUnit } from '@kkmp/plugin-sdk';
import { commerceAccounts, commercePermissions } from '@kkmp/commerce';
import { sembakoDemo } from './demo';
import { sembakoExamples } from './examples';
import { sembakoSchema } from './schema/index';
import { sampleSettings, sembakoSettings } from './settings';

/**
 * The sembako (sembilan bahan pokok: staple goods) shop: rice SPHP from Bulog, Minyakita, sugar, flour,
 * eggs, sold to members and the public. Built on the SDK's commerce kit; adds per-buyer limits on
 * price-controlled goods, the daily summary, the reorder list and margins per product.
 */
export default defineUnit({
  id: 'sembako',
  name: { id: 'Toko Sembako', en: 'Staple-goods shop (sembako)' },
  description: {
    id: 'Toko sembako koperasi: beli dari Bulog/ID Food, jual ke anggota dan umum, stok dan HET terjaga, pembukuan otomatis.',
    en: "The cooperative's staple-goods shop: buys from Bulog and ID Food, sells to members and the public, keeps stock and price ceilings (HET), posts its own books.",
  },
  version: '1.0.0',
  compatibility: '^1',
  dependsOn: [],
  settings: sembakoSettings,
  sampleSettings,
  permissions: commercePermissions('sembako', 'sembako shop'),
  accounts: [...commerceAccounts],
  schema: sembakoSchema,
  demo: sembakoDemo,
  examples: sembakoExamples,
});
