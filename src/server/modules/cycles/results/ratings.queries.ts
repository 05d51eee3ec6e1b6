import { and, asc, eq } from 'drizzle-orm';
import type { Db, Tx } from '../../../db/client.ts';
import { manualRatings } from '../../../db/schema/index.ts';

/** The SQL of manual ratings: a participant's self-rating and their manager's, per indicator. */

export type RatingRow = typeof manualRatings.$inferSelect;
/** The self or the manager columns of a rating. */
export type RatingPatch = Omit<Partial<typeof manualRatings.$inferInsert>, 'participantId' | 'indicatorKey'>;

/** A participant's rating of one indicator, if any. */
export async function findRating(tx: Tx, participantId: string, indicatorKey: string): Promise<RatingRow | undefined> {
  const [row] = await tx.select().from(manualRatings).where(and(eq(manualRatings.participantId, participantId), eq(manualRatings.indicatorKey, indicatorKey)));
  return row;
}

/** Writes the self or the manager part of a rating, creating it when there is none; the row as it is now. */
export async function upsertRating(tx: Tx, participantId: string, indicatorKey: string, patch: RatingPatch): Promise<RatingRow> {
  const [after] = await tx
    .insert(manualRatings)
    .values({ participantId, indicatorKey, ...patch })
    .onConflictDoUpdate({ target: [manualRatings.participantId, manualRatings.indicatorKey], set: patch })
    .returning();
  return after;
}

/** A participant's ratings, by indicator key. */
export function listRatingRows(db: Db | Tx, participantId: string): Promise<RatingRow[]> {
  return db.select().from(manualRatings).where(eq(manualRatings.participantId, participantId)).orderBy(asc(manualRatings.indicatorKey));
}
