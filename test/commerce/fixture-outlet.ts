import { InvalidStateError, defineUnit, msg, z } from '@kkmp/plugin-sdk';
import { commerce, commerceAccounts, commercePermissionNames, commercePermissions, consumeQuotas, periodKey, releaseQuotas, type QuotaTaken } from '@kkmp/commerce';

/** What an outlet sale keeps: the buyer type it was sold under and the quota it took, for the void. */
export interface OutletSaleData {
  [key: string]: unknown;
  buyerType: string;
  emptyReturned: boolean;
  quota: QuotaTaken[];
}

const settings = z.object({
  suspended: z.boolean().default(false).describe('Supply suspended: no sales'),
  hetRegion: z.string().default('GARUT-60KM').describe('HET region and distance tier'),
  monthlyLimit: z
    .object({ RUMAH_TANGGA: z.number().int().min(1, msg('at least 1', 'paling sedikit 1')), USAHA_MIKRO: z.number().int().min(1) })
    .default({ RUMAH_TANGGA: 3, USAHA_MIKRO: 10 })
    .describe('Cylinders per NIK per month, by buyer type'),
});
type Settings = z.output<typeof settings>;

/**
 * A test unit shaped like the LPG 3 kg outlet, to prove the commerce kit carries rules that are not the
 * sembako shop's: every sale by a verified buyer in the beneficiary registry, a per-NIK monthly limit
 * by the buyer's registered type (kept with the sale, given back on a void), a gate that stops all
 * sales, a HET by distance tier, and sale fields of its own (`OutletSale`).
 */
export default defineUnit({
  id: 'outlet',
  name: { id: 'Pangkalan uji', en: 'Test outlet' },
  description: { id: 'Unit uji untuk kit niaga.', en: 'A test unit for the commerce kit.' },
  version: '1.0.0',
  compatibility: '^1',
  settings,
  sampleSettings: {},
  permissions: commercePermissions('outlet', 'test outlet'),
  accounts: [...commerceAccounts],
  schema(b, unit) {
    commerce<Settings, OutletSaleData>(b, unit, {
      permissions: commercePermissionNames('outlet'),
      region: (s) => s.hetRegion,
      stock: true,
      purchasing: true,
      beneficiaries: {
        buyerTypes: { RUMAH_TANGGA: 'Household (KTP + KK).', USAHA_MIKRO: 'Micro business (KTP + NIB + photo of the business).' },
        saleNeeds: 'VERIFIED',
      },
      sales: {
        receiptPrefix: 'OUT',
        input: (t) => ({ emptyReturned: t.boolean({ required: false, description: 'The buyer handed in an empty cylinder.' }) }),
        saleFields: (t, refs) => ({
          buyerType: t.field({ type: refs.buyerType!, nullable: true, description: 'The buyer type it was sold under.', resolve: (s) => s.unitData.buyerType ?? null }),
          emptyReturned: t.boolean({ description: 'An empty cylinder was handed in.', resolve: (s) => s.unitData.emptyReturned ?? false }),
        }),
        hooks: {
          gate: async (u) => {
            if (u.settings.suspended) throw new InvalidStateError('supply is suspended: no sales', 'pasokan dihentikan: tidak boleh menjual');
          },
          beforeSale: async (sale, u) => {
            const type = sale.beneficiary!.buyerType as keyof Settings['monthlyLimit'];
            const cylinders = sale.lines.reduce((n, l) => n + l.quantity, 0);
            const quota = await consumeQuotas(u, [
              { key: [type, periodKey(sale.date, 'MONTH'), sale.buyerNik!], amount: cylinders, limit: u.settings.monthlyLimit[type], rule: 'BUYER_QUOTA', field: 'input.lines.0.quantity', what: { en: 'cylinders this month', id: 'tabung bulan ini' } },
            ]);
            return { buyerType: type, emptyReturned: sale.input.emptyReturned === true, quota };
          },
          // Only what the sale kept: the buyer's type may have changed in the registry since.
          onVoid: async (sale, u) => releaseQuotas(u, sale.unitData.quota ?? []),
        },
      },
    });
  },
});
