import type { ReadCtx, WriteCtx } from '../context';
import { keys } from '../model/keys';
import { movementSchema, outboxSchema, type Movement } from '../model/stock';

/** Actions a document's transaction may still add after its movements (idempotency record, audit entry, a unit's own). */
const RESERVE = 10;

/**
 * The stock card (kartu stok) has one record per product per document. When they fit, the card lines are
 * written in the document's own transaction (nothing left to do after the response). A 60-line sale cannot
 * write 60 stock updates and 60 card lines in one DynamoDB transaction (100 actions), so then the
 * transaction writes the stock updates and one outbox item listing the document's movements; right after
 * the commit they are copied to the cards and the outbox item removed. If the process dies in between,
 * the next reader of any card finishes the copy first (`settleMovements`), so no reader ever sees a card
 * missing a committed movement, and a copy repeated writes the same items.
 */
export function recordMovements(u: WriteCtx, documentId: string, movements: Movement[]): void {
  if (movements.length === 0) return;
  const cardKeys = movements.map((m) => keys.movement(m));
  const distinct = new Set(cardKeys.map((k) => k.join('\u0000'))).size === cardKeys.length;
  if (distinct && u.writes.room && u.writes.room() - RESERVE >= movements.length) {
    movements.forEach((m, i) => u.writes.put(cardKeys[i]!, m));
    return;
  }
  u.writes.create(keys.outbox(documentId), { documentId, movements });
  u.afterCommit(() => copyToCards(u, documentId, movements));
}

async function copyToCards(u: ReadCtx, documentId: string, movements: Movement[]) {
  await u.derived.putAll(movements.map((m) => ({ key: keys.movement(m), item: m })));
  await u.derived.deleteAll([keys.outbox(documentId)]);
}

/** Finishes any copy a crash left undone. Cheap when there is none: one query returning nothing. */
export async function settleMovements(u: ReadCtx): Promise<void> {
  const pending = await u.store.all(outboxSchema, keys.outboxPrefix);
  for (const o of pending) await copyToCards(u, o.documentId, o.movements);
}

/** A product's stock card between two local dates (inclusive), oldest first. */
export async function stockCard(u: ReadCtx, productId: string, from: string, to: string): Promise<Movement[]> {
  await settleMovements(u);
  const out: Movement[] = [];
  let after: string | undefined;
  for (;;) {
    // Card keys carry the UTC instant; a local day starts up to 9 hours earlier in UTC, so widen and filter.
    const page = await u.store.range(movementSchema, [...keys.movementsOf(productId), shiftDay(from, -1)], [...keys.movementsOf(productId), `${shiftDay(to, 1)}~`], { first: 100, ...(after ? { after } : {}) });
    out.push(...page.items.filter((m) => m.date >= from && m.date <= to));
    if (!page.hasNextPage || !page.endCursor) return out;
    after = page.endCursor;
  }
}

function shiftDay(date: string, days: number): string {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}
