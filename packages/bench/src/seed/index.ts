import type { BenchApi } from '../env';
import { seedCity } from './city';
import { coopPeople, localToday, managerToken, runUnitDemos, seedMembers, type CoopPeople } from './coop';
import { seedGauges, seedLoans, seedLpg, seedPupuk, seedShop } from './units';

/** How much data 1x is; --scale N seeds N times each. */
export interface Sizes {
  /** Operating cooperatives in the city (a city page shows 20). */
  cooperatives: number;
  /** Members of the main cooperative (at least 8: the units' demos use eight). */
  members: number;
  /** Shop products (the catalog page the cashier reads is 50). */
  products: number;
  /** Loans besides the demo's two, each with a savings account behind it. */
  loans: number;
}

export const FULL: Sizes = { cooperatives: 20, members: 20, products: 50, loans: 10 };
/** --quick: just enough for every scenario to do its real work (the suite test). */
export const QUICK: Sizes = { cooperatives: 2, members: 8, products: 8, loans: 1 };

/** What the scenarios need of the seeded data: ids and tokens, all as a client has them. */
export interface Fixture {
  scale: number;
  now: Date;
  today: string;
  cityId: string;
  cityToken: string;
  cooperativeId: string;
  /** The main cooperative's first member (she has savings, a loan, equity). */
  memberId: string;
  /** Every member of the main cooperative (sales go round them). */
  memberIds: string[];
  people: CoopPeople;
  sembakoLines: { productId: string; quantity: number }[];
  lpgRefillId: string;
  lpgBuyerNik: string;
  ureaId: string;
  farmerNiks: string[];
  refillId: string;
  /** Gauges of the demo pond without readings: the reading scenario posts to them in turn, in time order. */
  gaugeIds: string[];
  counts: { cooperatives: number; members: number; products: number; loans: number };
  seedSeconds: number;
}

/**
 * The pupuk demo's e-RDKK farmers besides the cooperative's first two members (plugins/pupuk/src/demo.ts);
 * redemptions go round all of them so no allocation runs out during a run.
 */
const DEMO_FARMERS = ['3205010101800011', '3205014203850012', '3205011507780013', '3205015509820014', '3205012011750015', '3205010312880016'];
/** A micro business of the LPG demo: no purchase limit in the sample settings, so its sales never run into one. */
const LPG_MICRO_BUSINESS = '3205016210900005';

/**
 * Seeds one data set through the API, `sizes` x `scale`: a city of operating cooperatives, and in the
 * main one every unit with its demo, members, shop products with stock and loans.
 */
export async function seedFixture(api: BenchApi, sizes: Sizes, scale: number): Promise<Fixture> {
  const n = { cooperatives: sizes.cooperatives * scale, members: sizes.members * scale, products: sizes.products * scale, loans: sizes.loans * scale };
  const started = performance.now();
  const now = api.clock.now();
  const today = localToday(api);
  const city = await seedCity(api, n.cooperatives, Number(today.slice(0, 4)));
  const cooperativeId = city.cooperativeIds[0]!;
  const manager = await managerToken(api, cooperativeId);
  const members = await seedMembers(api, cooperativeId, manager, n.members, today);
  const people = await coopPeople(api, cooperativeId, members[0]!.id);
  const values = await runUnitDemos(api, cooperativeId, people, members);
  const need = (key: string) => values[key] ?? fail(`the ${key} demo value is missing`);
  const products = await seedShop(api, cooperativeId, people, n.products);
  await seedLpg(api, cooperativeId, people, today);
  const farmerNiks = [members[0]!.nik, members[1]!.nik, ...DEMO_FARMERS];
  await seedPupuk(api, cooperativeId, people, farmerNiks, need('pupuk.ureaId'));
  await seedLoans(api, cooperativeId, people, members, n.loans);
  return {
    scale,
    now,
    today,
    cityId: city.cityId,
    cityToken: city.cityToken,
    cooperativeId,
    memberId: members[0]!.id,
    memberIds: members.map((m) => m.id),
    people,
    sembakoLines: ['TELUR-10', 'GULA-1KG', 'TERIGU-1KG'].map((sku, i) => ({ productId: products[sku] ?? fail(`no ${sku}`), quantity: 1 + i })),
    lpgRefillId: need('lpg.refillId'),
    lpgBuyerNik: LPG_MICRO_BUSINESS,
    ureaId: need('pupuk.ureaId'),
    farmerNiks,
    refillId: need('airminum.refillId'),
    gaugeIds: await seedGauges(api, cooperativeId, people, need('kolamretensi.pondId')),
    counts: { ...n, loans: n.loans + 2 },
    seedSeconds: (performance.now() - started) / 1000,
  };
}

function fail(message: string): never {
  throw new Error(`bench seed: ${message}`);
}
