import { CONNECTION_TOTAL_COUNT, encodeId, resolveTotalCount, type Builder } from '@kkmp/plugin-sdk';
import { CUSTOMER_CLASSES, UNITS_OF_MEASURE, type Ceiling, type Price } from '../../model/product';
import type { StockLevel } from '../../model/stock';
import { averageCost } from '../../rules/costing';
import { ceilingOn, ceilingPerPack, priceOn } from '../../rules/pricing';
import type { ProductView } from '../views';
import { values } from './describe';

const newestFirst = <T extends { effectiveFrom: string }>(list: T[]) => [...list].sort((a, z) => (a.effectiveFrom < z.effectiveFrom ? 1 : -1));

/** What a product shows: its unit of measure, prices, ceilings and stock. */
function productParts(b: Builder) {
  const UnitOfMeasure = b.enumType('CommerceUnitOfMeasure', {
    description: 'Base unit a product is measured in.',
    values: values(UNITS_OF_MEASURE, { GRAM: 'Grams (rice, sugar, flour, fertilizer).', MILLILITRE: 'Millilitres (cooking oil, water).', PIECE: 'Pieces (eggs, LPG cylinders, gallons).' }),
  });
  const CustomerClass = b.enumType('CommerceCustomerClass', {
    description: 'Who buys: members pay member prices.',
    values: values(CUSTOMER_CLASSES, { MEMBER: 'A member of the cooperative (anggota): member price, counts for SHU jasa usaha.', NON_MEMBER: 'The public (non-anggota).' }),
  });
  const PriceRef = b.objectRef<Price>('CommercePrice').implement({
    description: 'A selling price per selling unit for a customer class, from a date.',
    fields: (t) => ({
      customerClass: t.expose('customerClass', { type: CustomerClass, description: 'Who pays it.' }),
      amount: t.expose('amount', { type: 'Rupiah', description: 'Price per selling unit, whole rupiah.' }),
      effectiveFrom: t.expose('effectiveFrom', { type: 'Date', description: "First day it applies (cooperative's time zone)." }),
    }),
  });
  const CeilingRef = b.objectRef<Ceiling & { packSize: number }>('CommerceCeilingPrice').implement({
    description: 'A price ceiling (HET, harga eceran tertinggi) set by decree for a region, from a date.',
    fields: (t) => ({
      region: t.exposeString('region', { description: 'Region code it applies to ("*" = everywhere without its own).' }),
      amount: t.expose('amount', { type: 'Rupiah', description: 'Ceiling per `perQuantity` base units, whole rupiah.' }),
      perQuantity: t.exposeInt('perQuantity', { description: 'Base units the amount is for (1000 = per kg when measured in grams).' }),
      perSellingUnit: t.field({ type: 'Rupiah', description: 'The ceiling for one selling unit of this product.', resolve: (c) => ceilingPerPack(c.packSize, c) }),
      effectiveFrom: t.expose('effectiveFrom', { type: 'Date', description: 'First day it applies.' }),
      reference: t.exposeString('reference', { description: 'The decree or letter that sets it.' }),
    }),
  });
  const StockRef = b.objectRef<StockLevel>('CommerceStock').implement({
    description: 'Stock on hand and its cost (moving average).',
    fields: (t) => ({
      quantity: t.exposeInt('quantity', { description: 'Selling units on hand.' }),
      value: t.expose('value', { type: 'Rupiah', description: 'Cost value of the stock, whole rupiah.' }),
      averageCost: t.field({ type: 'Rupiah', description: 'Moving-average cost per selling unit, rounded to whole rupiah.', resolve: (s) => averageCost(s) }),
    }),
  });
  return { UnitOfMeasure, CustomerClass, PriceRef, CeilingRef, StockRef };
}

/** Types of the catalog module, shared by every shop unit: the product interface and what it shows. */
export function catalogTypes(b: Builder) {
  const { UnitOfMeasure, CustomerClass, PriceRef, CeilingRef, StockRef } = productParts(b);
  const Product = b.interfaceRef<ProductView>('CommerceProduct').implement({
    description:
      "A product of a shop unit's catalog, sold in a selling unit (a 5 kg pack, a litre, a cylinder). Every shop unit's products implement it: one fragment reads any unit's catalog.",
    resolveType: (p) => p.typename,
    fields: (t) => ({
      id: t.id({ description: 'Opaque id.', resolve: (p) => encodeId(`${p.idPrefix}Product`, p.id) }),
      sku: t.exposeString('sku', { description: 'Stock-keeping code, unique in the unit.' }),
      name: t.exposeString('name', { description: 'Name on the shelf and the receipt.' }),
      category: t.exposeString('category', { nullable: true, description: 'Category, free text.' }),
      unitOfMeasure: t.expose('unitOfMeasure', { type: UnitOfMeasure, description: 'Base unit of the content.' }),
      packSize: t.exposeInt('packSize', { description: 'Base units in one selling unit (5000 g for a 5 kg pack).' }),
      packName: t.exposeString('packName', { description: 'Name of the selling unit, e.g. "pak 5 kg".' }),
      stocked: t.exposeBoolean('stocked', { description: 'Kept in stock; false for what is made at the counter (a refill), and in units that keep no stock.' }),
      reorderLevel: t.exposeInt('reorderLevel', { description: 'Reorder when stock falls to this many selling units or fewer.' }),
      active: t.exposeBoolean('active', { description: 'On sale; inactive products stay for history.' }),
      memberPrice: t.field({ type: 'Rupiah', nullable: true, description: 'Member price today (falls back to the public price).', resolve: (p) => priceOn(p, 'MEMBER', p.on)?.amount ?? null }),
      nonMemberPrice: t.field({ type: 'Rupiah', nullable: true, description: 'Public price today.', resolve: (p) => priceOn(p, 'NON_MEMBER', p.on)?.amount ?? null }),
      ceilingPrice: t.field({
        type: CeilingRef,
        nullable: true,
        description: "The price ceiling (HET) in force today for the cooperative's region, if any.",
        resolve: (p) => {
          const c = ceilingOn(p, p.region, p.on);
          return c ? { ...c, packSize: p.packSize } : null;
        },
      }),
      prices: t.field({ type: [PriceRef], description: 'Every price set, newest first (history and scheduled changes).', resolve: (p) => newestFirst(p.prices) }),
      ceilings: t.field({ type: [CeilingRef], description: 'Every price ceiling recorded, newest first.', resolve: (p) => newestFirst(p.ceilings).map((c) => ({ ...c, packSize: p.packSize })) }),
      stock: t.field({ type: StockRef, nullable: true, description: 'Stock on hand; null for unstocked products.', resolve: (p) => (p.stocked ? (p.stock ?? { productId: p.id, quantity: 0, value: 0, costEpoch: 0 }) : null) }),
    }),
  });
  const StandardProduct = b.objectRef<ProductView>('CommerceStandardProduct').implement({
    description: 'A product of a shop unit that adds no fields of its own to CommerceProduct (e.g. the sembako shop).',
    interfaces: [Product],
    fields: () => ({}),
  });
  const ProductConnection = b.connectionObject(
    { type: Product, name: 'CommerceProductConnection', description: "A page of a shop unit's products.", fields: (t: any) => ({ totalCount: t.int({ description: CONNECTION_TOTAL_COUNT, resolve: resolveTotalCount }) }) } as never,
    { name: 'CommerceProductEdge', description: 'A product in a page.' } as never,
  );
  return { UnitOfMeasure, CustomerClass, Product, StandardProduct, ProductConnection };
}

export type CatalogTypes = ReturnType<typeof catalogTypes>;
