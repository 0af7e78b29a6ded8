import { startUnitTestHost, type UnitTestCooperative, type UnitTestHost, unitCalls } from '@kkmp/unit-testing';
import sembako from '../src/index';

/** Mutation call returning the result union as JSON; `ok` throws unless it succeeded. */
export interface Shop {
  host: UnitTestHost;
  coop: UnitTestCooperative;
  run(field: string, input: Record<string, unknown>, token?: string): Promise<any>;
  ok(field: string, input: Record<string, unknown>, token?: string): Promise<any>;
  product(input: Record<string, unknown>): Promise<string>;
  supplier(name?: string): Promise<string>;
  receive(supplierId: string, lines: { productId: string; quantity: number; unitCost: number }[], payment?: string): Promise<any>;
  member(name: string, nik: string): Promise<string>;
  stock(productId: string): Promise<{ quantity: number; value: number; averageCost: number }>;
  trialBalance(from: string, to: string): Promise<{ totalDebit: number; totalCredit: number; lines: { account: string; debit: number; credit: number; closingDebit: number; closingCredit: number }[] }>;
  close(): Promise<void>;
}

const SELECTIONS: Record<string, string> = {
  sembakoSell: 'id number date total cost customerClass paymentMethod tendered change memberId buyerNikMasked status receiptText lines { productId sku quantity unitPrice amount cost }',
  sembakoVoidSale: 'id number status total voidReason',
  sembakoCreateProduct: 'id sku',
  sembakoUpdateProduct: 'id active',
  sembakoSetPrice: 'id memberPrice nonMemberPrice',
  sembakoSetCeilingPrice: 'id ceilingPrice { amount perSellingUnit reference }',
  sembakoCreateSupplier: 'id name',
  sembakoCreatePurchaseOrder: 'id number status total lines { quantity received }',
  sembakoReceiveGoods: 'id number total payment',
  sembakoPaySupplier: 'id payable',
  sembakoRecordStockCount: 'id number valueDifference lines { systemQuantity countedQuantity difference valueDifference }',
};

export async function startShop(settings: Record<string, unknown> = {}): Promise<Shop> {
  const host = await startUnitTestHost([sembako]);
  const coop = host.a;
  await host.enable(coop, 'sembako', settings);
  const { run, ok } = unitCalls(host, coop, SELECTIONS);
  let skus = 0;
  const shop: Shop = {
    host,
    coop,
    run,
    ok,
    product: async (input) =>
      (await ok('sembakoCreateProduct', { sku: `SKU-${++skus}`, name: `Produk ${skus}`, unitOfMeasure: 'PIECE', packSize: 1, packName: 'pcs', ...input })).id,
    supplier: async (name = 'Perum Bulog') => (await ok('sembakoCreateSupplier', { name, kind: 'BULOG' })).id,
    receive: (supplierId, lines, payment = 'CREDIT') => ok('sembakoReceiveGoods', { supplierId, payment, lines }),
    member: async (name, nik) => {
      const r = await host.gql(
        `mutation($input: RegisterMemberInput!) { registerMember(input: $input) { __typename ... on RegisterMemberSuccess { data { id } } ... on Error { messageEn } } }`,
        { input: { cooperativeId: coop.id, nik, name, address: 'Jl. Sukamaju No. 1', joinDate: '2026-01-05' } },
        coop.manager,
      );
      if (r.data.registerMember.__typename !== 'RegisterMemberSuccess') throw new Error(JSON.stringify(r.data));
      return r.data.registerMember.data.id;
    },
    stock: async (productId) => {
      const r = await host.gql(`query($c: ID!, $p: ID!) { sembakoProduct(cooperativeId: $c, id: $p) { stock { quantity value averageCost } } }`, { c: coop.id, p: productId }, coop.manager);
      return r.data.sembakoProduct.stock;
    },
    trialBalance: async (from, to) => {
      const r = await host.gql(
        `query($id: ID!, $from: Date!, $to: Date!) { cooperative(id: $id) { ... on Cooperative { ledger { trialBalance(from: $from, to: $to) {
          totalDebit totalCredit lines { account debit credit closingDebit closingCredit } } } } } }`,
        { id: coop.id, from, to },
        coop.manager,
      );
      if (r.errors) throw new Error(JSON.stringify(r.errors));
      return r.data.cooperative.ledger.trialBalance;
    },
    close: () => host.close(),
  };
  return shop;
}

/** A line of the trial balance, as net debit (+) or credit (−) at the close. */
export function net(tb: Awaited<ReturnType<Shop['trialBalance']>>, account: string): number {
  const l = tb.lines.find((x) => x.account === account);
  return l ? l.closingDebit - l.closingCredit : 0;
}
