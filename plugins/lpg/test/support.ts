import { startUnitTestHost, type UnitTestCooperative, type UnitTestHost, unitCalls } from '@kkmp/unit-testing';
import lpg from '../src/index';

export const SALE = 'id number date total cost status buyerNikMasked customerClass lines { sku quantity unitPrice amount cost } ... on LpgSale { buyerType subsidizedCylinders emptiesIn }';
const SELECTIONS: Record<string, string> = {
  lpgSell: SALE,
  lpgVoidSale: 'id status',
  lpgCreateProduct: 'id sku',
  lpgSetPrice: 'id',
  lpgSetCeilingPrice: 'id',
  lpgCreateSupplier: 'id',
  lpgReceiveGoods: 'id number total',
  lpgRegisterBeneficiary: 'nikMasked status',
  lpgVerifyBeneficiary: 'status',
  lpgBlockBeneficiary: 'status',
  lpgReturnEmpties: 'full empty',
  lpgRegisterBuyer: 'nikMasked name buyerType status kkNumber nib',
  lpgSetAllocation: 'month allocated delivered remaining',
  lpgReceiveDelivery: 'date full emptiesReturned unitCost paymentReference receiptNumber',
};

/** An outlet on the test host: calls return the result union as JSON; `ok` throws unless it succeeded. */
export interface Outlet {
  host: UnitTestHost;
  coop: UnitTestCooperative;
  run(field: string, input: Record<string, unknown>, token?: string): Promise<any>;
  ok(field: string, input: Record<string, unknown>, token?: string): Promise<any>;
  product(sku: string, name: string, price: number, stocked?: boolean): Promise<string>;
  buyer(nik: string, name: string, buyerType: string, verified?: boolean): Promise<void>;
  cylinders(): Promise<{ full: number; empty: number; fullValue: number }>;
  sales(date?: string): Promise<{ number: string; status: string }[]>;
  inventory(from: string, to: string): Promise<{ inventory: number; totalDebit: number }>;
  close(): Promise<void>;
}

export async function startOutlet(settings: Record<string, unknown>): Promise<Outlet> {
  const host = await startUnitTestHost([lpg]);
  const coop = host.a;
  await host.enable(coop, 'lpg', settings);
  const { run, ok, query } = unitCalls(host, coop, SELECTIONS);
  return {
    host,
    coop,
    run,
    ok,
    product: async (sku, name, price, stocked = true) =>
      (await ok('lpgCreateProduct', { sku, name, unitOfMeasure: 'PIECE', packSize: 1, packName: 'tabung', stocked, nonMemberPrice: price, memberPrice: price })).id,
    buyer: async (nik, name, buyerType, verified = true) => {
      await ok('lpgRegisterBeneficiary', { nik, name, buyerType });
      if (verified) await ok('lpgVerifyBeneficiary', { nik, reference: 'KTP + KK' });
    },
    cylinders: async () => (await query(`query($c: ID!) { lpgCylinders(cooperativeId: $c) { full empty fullValue } }`)).lpgCylinders,
    sales: async (date) => (await query(`query($c: ID!, $d: Date) { lpgSales(cooperativeId: $c, date: $d, first: 100) { edges { node { number status } } } }`, { d: date ?? null })).lpgSales.edges.map((e: any) => e.node),
    inventory: async (from, to) => {
      const d = await query(
        `query($c: ID!, $from: Date!, $to: Date!) { cooperative(id: $c) { ... on Cooperative { ledger { trialBalance(from: $from, to: $to) { totalDebit lines { account closingDebit closingCredit } } } } } }`,
        { from, to },
      );
      const tb = d.cooperative.ledger.trialBalance;
      const line = tb.lines.find((l: any) => l.account === '1140');
      return { inventory: line ? line.closingDebit - line.closingCredit : 0, totalDebit: tb.totalDebit };
    },
    close: () => host.close(),
  };
}
