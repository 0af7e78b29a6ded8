import { InvalidStateError, defineUnit, msg, z } from '@kkmp/plugin-sdk';
import { commerce, commerceAccounts, commercePermissionNames, commercePermissions, consumeQuotas, periodKey, releaseQuotas } from '@kkmp/commerce';

/**
 * A test unit shaped like the LPG 3 kg outlet, to prove the commerce kit carries rules that are not the
 * sembako shop's: every sale needs the buyer's NIK and type, a per-NIK monthly limit per buyer type,
 * a gate that stops all sales (supply suspended), and a HET by distance tier.
 */
export default defineUnit({
  id: 'outlet',
  name: { id: 'Pangkalan uji', en: 'Test outlet' },
  description: { id: 'Unit uji untuk kit niaga.', en: 'A test unit for the commerce kit.' },
  version: '1.0.0',
  compatibility: '^1',
  settings: z.object({
    suspended: z.boolean().default(false).describe('Supply suspended: no sales'),
    hetRegion: z.string().default('GARUT-60KM').describe('HET region and distance tier'),
    monthlyLimit: z.object({ RUMAH_TANGGA: z.number().int().min(1, msg('at least 1', 'paling sedikit 1')), USAHA_MIKRO: z.number().int().min(1) }).default({ RUMAH_TANGGA: 3, USAHA_MIKRO: 10 }).describe('Cylinders per NIK per month, by buyer type'),
  }),
  sampleSettings: {},
  permissions: commercePermissions('outlet', 'test outlet'),
  accounts: [...commerceAccounts],
  schema(b, unit) {
    const BuyerType = b.enumType('OutletBuyerType', {
      description: 'Registered buyer type.',
      values: { RUMAH_TANGGA: { description: 'Household.' }, USAHA_MIKRO: { description: 'Micro business.' } } as const,
    });
    commerce(b, unit, {
      permissions: commercePermissionNames('outlet'),
      receiptPrefix: 'OUT',
      region: (s) => s.hetRegion,
      requireBuyerNik: true,
      saleInput: (t) => ({ buyerType: t.field({ type: BuyerType, description: 'Buyer type, from the registration.' }) }),
      hooks: {
        gate: async (u) => {
          if (u.settings.suspended) throw new InvalidStateError('supply is suspended: no sales', 'pasokan dihentikan: tidak boleh menjual');
        },
        beforeSale: async (sale, u) => {
          const type = sale.extra.buyerType as 'RUMAH_TANGGA' | 'USAHA_MIKRO';
          const cylinders = sale.lines.reduce((n, l) => n + l.quantity, 0);
          await consumeQuotas(u, [
            { key: [type, periodKey(sale.date, 'MONTH'), sale.buyerNik!], amount: cylinders, limit: u.settings.monthlyLimit[type], rule: 'BUYER_QUOTA', field: 'input.lines.0.quantity', what: { en: 'cylinders this month', id: 'tabung bulan ini' } },
          ]);
        },
        onVoid: async (sale, u) => {
          const type = sale.extra.buyerType as string;
          releaseQuotas(u, [{ key: [type, periodKey(sale.date, 'MONTH'), sale.buyerNik!], amount: sale.lines.reduce((n, l) => n + l.quantity, 0) }]);
        },
      },
    });
  },
});
