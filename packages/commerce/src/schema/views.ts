import type { ReadCtx } from '../context';
import { keys } from '../model/keys';
import type { Product } from '../model/product';
import type { Sale, SaleData } from '../model/sale';
import { stockSchema, type StockLevel } from '../model/stock';

/**
 * The kit's GraphQL types are shared by every unit on it, so what they answer carries its unit: ids
 * are encoded with the unit's type prefix ("SembakoProduct:<id>", as before the types were shared),
 * and `typename` names the concrete type (the standard one, or the unit's own when it adds fields).
 */
export interface OfUnit {
  idPrefix: string;
  typename: string;
}

/** A product as answered: with its stock and the day and region its prices are read for. */
export interface ProductView extends Product, OfUnit {
  stock?: StockLevel;
  on: string;
  region?: string;
}

/** A sale as answered: with the cooperative it belongs to (receipt header). */
export interface SaleView<D extends SaleData = SaleData> extends Omit<Sale, 'unitData'>, OfUnit {
  unitData: Partial<D>;
  coopId: string;
  coopName: string;
  timeZone: 'WIB' | 'WITA' | 'WIT';
}

/** Products with their stock (one batched read; none without the stock module), for today in a region. */
export async function productViews(u: ReadCtx, products: Product[], of: OfUnit & { region: string | undefined; keepsStock: boolean }): Promise<ProductView[]> {
  const stocks = of.keepsStock ? await u.store.getMany(stockSchema, products.map((p) => keys.stock(p.id))) : [];
  const on = u.today(); // once for the list, not per product
  return products.map((p, i) => ({
    ...p,
    ...(stocks[i] ? { stock: stocks[i] } : {}),
    on,
    ...(of.region ? { region: of.region } : {}),
    idPrefix: of.idPrefix,
    typename: of.typename,
  }));
}

export function saleView<D extends SaleData>(u: ReadCtx, sale: Sale, of: OfUnit): SaleView<D> {
  return {
    ...sale,
    unitData: sale.unitData as Partial<D>,
    coopId: u.cooperative.id,
    coopName: u.cooperative.name,
    timeZone: u.cooperative.timeZone as SaleView['timeZone'],
    idPrefix: of.idPrefix,
    typename: of.typename,
  };
}
