import { and, eq, inArray, notInArray, sql } from 'drizzle-orm';
import type { Db, Tx } from '../../db/client.ts';
import { periodTargets } from '../../db/schema/index.ts';

export type NewPeriodTargetRow = typeof periodTargets.$inferInsert;
/** Whose targets: a position's or a person's. */
export type TargetOwner = { ownerKind: 'position' | 'person'; ownerId: string };

/** One owner's stored target cells of a template for the periods `labels`. */
export async function targetCells(db: Db | Tx, templateId: string, owner: TargetOwner, labels: readonly string[]): Promise<{ key: string; label: string; value: number }[]> {
  return db
    .select({ key: periodTargets.indicatorKey, label: periodTargets.periodLabel, value: periodTargets.value })
    .from(periodTargets)
    .where(and(eq(periodTargets.templateId, templateId), eq(periodTargets.ownerKind, owner.ownerKind), eq(periodTargets.ownerId, owner.ownerId), inArray(periodTargets.periodLabel, [...labels])));
}

/** Clears one cell of one owner's grid. */
export async function deleteTargetCell(tx: Tx, templateId: string, owner: TargetOwner, key: string, label: string): Promise<void> {
  const ofOwner = and(eq(periodTargets.templateId, templateId), eq(periodTargets.ownerKind, owner.ownerKind), eq(periodTargets.ownerId, owner.ownerId));
  await tx.delete(periodTargets).where(and(ofOwner, eq(periodTargets.indicatorKey, key), eq(periodTargets.periodLabel, label)));
}

/** Sets cells: a cell already stored takes the new value, and who changed it when. */
export async function upsertTargetCells(tx: Tx, rows: NewPeriodTargetRow[], updatedBy: string | null): Promise<void> {
  await tx
    .insert(periodTargets)
    .values(rows)
    .onConflictDoUpdate({
      target: [periodTargets.templateId, periodTargets.ownerKind, periodTargets.ownerId, periodTargets.indicatorKey, periodTargets.periodLabel],
      set: { value: sql`excluded.value`, updatedBy, updatedAt: new Date() },
    });
}

/** Deletes a template's targets of indicators other than `keys` (every owner); how many went. */
export async function deleteTargetsExcept(tx: Tx, templateId: string, keys: string[]): Promise<number> {
  const stale = and(eq(periodTargets.templateId, templateId), notInArray(periodTargets.indicatorKey, keys));
  return (await tx.delete(periodTargets).where(stale).returning({ id: periodTargets.id })).length;
}
