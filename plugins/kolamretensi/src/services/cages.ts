import { BusinessRuleError, NotFoundError, decodeId, encodeId, msg, positiveRupiah, text, update, cond, z, type UnitContext, type UnitMutationContext } from '@kkmp/plugin-sdk';
import type { KolamSettings } from '../settings';
import { ACCOUNTS } from './accounts';
import { loadPond } from './ponds';
import { earn } from './revenue';

/** A floating fish cage (keramba jaring apung) and its running totals; fish on hand are harvested, not yet sold. */
export const cageSchema = z.object({
  id: z.string(),
  pondId: z.string(),
  name: z.string(),
  species: z.string(),
  stockedFish: z.number().int().default(0),
  feedGrams: z.number().int().default(0),
  harvestedGrams: z.number().int().default(0),
  onHandGrams: z.number().int().default(0),
  soldGrams: z.number().int().default(0),
  costs: z.number().int().default(0),
  sales: z.number().int().default(0),
});
export type Cage = z.output<typeof cageSchema>;
const cageKey = (pondId: string, id: string) => ['CAGE', pondId, id];
export const cageGlobalId = (c: { pondId: string; id: string }) => encodeId('KolamretensiCage', c.pondId, c.id);

/** One event of a cage, for its history: stocking, feed, harvest, sale. */
export const cageEventSchema = z.object({ id: z.string(), cageId: z.string(), pondId: z.string(), date: z.string(), kind: z.enum(['STOCKING', 'FEED', 'HARVEST', 'SALE']), fish: z.number().int().optional(), grams: z.number().int().optional(), amount: z.number().int().optional(), note: z.string().optional() });
export type CageEvent = z.output<typeof cageEventSchema>;

export const createCageInput = z.object({ pondId: z.string(), name: text(60), species: text(60) });

export async function createCage(u: UnitMutationContext<KolamSettings>, input: z.output<typeof createCageInput>): Promise<Cage> {
  const pond = await loadPond(u, input.pondId, 'input.pondId');
  const cage: Cage = { id: u.newId(), pondId: pond.id, name: input.name, species: input.species, stockedFish: 0, feedGrams: 0, harvestedGrams: 0, onHandGrams: 0, soldGrams: 0, costs: 0, sales: 0 };
  u.writes.create(cageKey(pond.id, cage.id), cage);
  return cage;
}

async function loadCage(u: UnitContext<KolamSettings>, publicId: string): Promise<Cage> {
  const [pondId, id] = decodeId(publicId, 'KolamretensiCage', 'input.cageId', 2) as [string, string];
  const cage = await u.store.get(cageSchema, ...cageKey(pondId, id));
  if (!cage) throw new NotFoundError('KolamretensiCage', publicId, 'input.cageId');
  return cage;
}

const grams = z.number().int().min(1, msg('at least 1 gram', 'paling sedikit 1 gram')).max(100_000_000);

export const cageEventInput = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('STOCKING'), cageId: z.string(), fish: z.number().int().min(1, msg('at least 1 fish', 'paling sedikit 1 ekor')).max(1_000_000), cost: positiveRupiah, note: text(200).nullish() }),
  z.object({ kind: z.literal('FEED'), cageId: z.string(), grams, cost: positiveRupiah, note: text(200).nullish() }),
  z.object({ kind: z.literal('HARVEST'), cageId: z.string(), grams, note: text(200).nullish() }),
  z.object({ kind: z.literal('SALE'), cageId: z.string(), grams, amount: positiveRupiah, note: text(200).nullish() }),
]);
export type CageEventInput = z.output<typeof cageEventInput>;

/**
 * A cage's event on its business date. Stocking and feed are costs (Dr biaya perikanan, Cr Kas);
 * a harvest puts fish on hand (by weight; fish are not carried as stock in the books); a sale takes
 * them off, never more than on hand, and is revenue of the fish line (Dr Kas, Cr penjualan ikan).
 */
export async function recordCageEvent(u: UnitMutationContext<KolamSettings>, input: CageEventInput): Promise<CageEvent> {
  const cage = await loadCage(u, input.cageId);
  const key = cageKey(cage.pondId, cage.id);
  const event: CageEvent = { id: u.newId(), cageId: cage.id, pondId: cage.pondId, date: u.businessDate, kind: input.kind, ...(input.note ? { note: input.note } : {}) };
  const memo = `${cage.name} (${cage.species})`;
  switch (input.kind) {
    case 'STOCKING':
    case 'FEED': {
      const cost = input.cost;
      u.writes.update(key, input.kind === 'STOCKING' ? update().add('stockedFish', input.fish).add('costs', cost) : update().add('feedGrams', input.grams).add('costs', cost));
      await u.post({ memo: `${input.kind === 'STOCKING' ? 'Tebar benih' : 'Pakan'} ${memo}`, documentId: event.id, lines: [{ account: ACCOUNTS.fishCosts, debit: cost }, { account: ACCOUNTS.cash, credit: cost }] });
      Object.assign(event, input.kind === 'STOCKING' ? { fish: input.fish, amount: cost } : { grams: input.grams, amount: cost });
      break;
    }
    case 'HARVEST':
      u.writes.update(key, update().add('harvestedGrams', input.grams).add('onHandGrams', input.grams));
      event.grams = input.grams;
      break;
    case 'SALE':
      if (input.grams > cage.onHandGrams) {
        throw new BusinessRuleError('NOT_ENOUGH_FISH', `only ${cage.onHandGrams} g harvested and unsold`, `ikan hasil panen yang belum terjual tinggal ${cage.onHandGrams} g`, { field: 'input.grams', details: { onHandGrams: cage.onHandGrams } });
      }
      // Two sales of the last fish at once: the loser re-runs and meets the rule above.
      u.writes.update(key, update().add('onHandGrams', -input.grams).add('soldGrams', input.grams).add('sales', input.amount), cond.ge('onHandGrams', input.grams));
      await earn(u, { pondId: cage.pondId, line: 'FISH', amount: input.amount, debit: ACCOUNTS.cash, memo: `Jual ikan ${memo} ${input.grams / 1000} kg`, documentId: event.id });
      Object.assign(event, { grams: input.grams, amount: input.amount });
      break;
  }
  u.writes.create(['CAGEEVENT', cage.pondId, event.date, event.id], event);
  return event;
}

export const cagesOf = (u: UnitContext<KolamSettings>, pondId: string) => u.store.all(cageSchema, ['CAGE', pondId]);

export async function cageEvents(u: UnitContext<KolamSettings>, pondId: string, from: string, to: string): Promise<CageEvent[]> {
  return (await u.store.range(cageEventSchema, ['CAGEEVENT', pondId, from], ['CAGEEVENT', pondId, `${to}~`], { first: 100 })).items;
}
