import type { Builder, UnitSchemaKit } from '@kkmp/plugin-sdk';
import { commerce, commercePermissionNames } from '@kkmp/commerce';
import { releaseBuyerLimits, prefetchBuyerLimits, takeBuyerLimits, type SembakoSaleData } from '../services/limits';
import type { SembakoSettings } from '../settings';
import { registerReorderList } from './reorder';
import { registerReports } from './reports';

/**
 * The shop on the commerce kit: catalog with HET, stock and counts, purchasing from Bulog and ID Food,
 * and counter sales whose per-buyer limits (SPHP rice) are the unit's own rule; then its reports.
 */
export function sembakoSchema(b: Builder, unit: UnitSchemaKit<SembakoSettings>): void {
  const shop = commerce<SembakoSettings, SembakoSaleData>(b, unit, {
    permissions: commercePermissionNames('sembako'),
    region: (s) => s.hetRegion,
    stock: true,
    purchasing: true,
    sales: { receiptPrefix: 'SBK', hooks: { prefetch: prefetchBuyerLimits, beforeSale: takeBuyerLimits, onVoid: releaseBuyerLimits } },
  });
  registerReports(b, unit, shop);
  registerReorderList(b, unit, shop);
}
