import { defineUnit, z } from '@kkmp/plugin-sdk';
import { commerce, commercePermissionNames, commercePermissions } from '@kkmp/commerce';

/**
 * A test unit shaped like a drinking-water refill depot: it fills the customer's containers at the
 * counter, so it takes the catalog and counter sales only, with no stock, counts or purchasing.
 */
export default defineUnit({
  id: 'depot',
  name: { id: 'Depot air uji', en: 'Test water depot' },
  description: { id: 'Unit uji: katalog dan penjualan saja.', en: 'A test unit: catalog and sales only.' },
  version: '1.0.0',
  compatibility: '^1',
  settings: z.object({ note: z.string().default('').describe('A note') }),
  sampleSettings: {},
  permissions: commercePermissions('depot', 'test depot'),
  schema(b, unit) {
    commerce(b, unit, { permissions: commercePermissionNames('depot'), sales: { receiptPrefix: 'AIR' } });
  },
});
