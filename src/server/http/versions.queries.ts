import { and, desc, eq, type SQL, sql } from 'drizzle-orm';
import type { Tx } from '../db/client.ts';
import { auditLog, datasets, goals, indicators, orgUnits, people, plans, positions, scorecardTemplates } from '../db/schema/index.ts';

/**
 * The tables whose rows carry a `version` (issue 13), by the entity type their audit entries
 * name. All have `id`, `version` and `updated_at`.
 */
const VERSIONED = { goal: goals, plan: plans, scorecard_template: scorecardTemplates, indicator: indicators, unit: orgUnits, position: positions, person: people, dataset: datasets } as const;
export type VersionedEntity = keyof typeof VERSIONED;

// the tables differ in their other columns only: one shape for the three this file touches
const table = (entity: VersionedEntity) => VERSIONED[entity] as typeof goals;

/** `version + 1`, for the `set` of an UPDATE that writes a versioned row. */
export const nextVersion = (entity: VersionedEntity): SQL => sql`${table(entity).version} + 1`;

/** Locks the row for the rest of the transaction and reads its version and time of change; undefined when there is no such row. */
export async function lockVersion(tx: Tx, entity: VersionedEntity, id: string): Promise<{ version: number; updatedAt: Date } | undefined> {
  const t = table(entity);
  const [row] = await tx.select({ version: t.version, updatedAt: t.updatedAt }).from(t).where(eq(t.id, id)).for('update');
  return row;
}

/** Raises the row's version by one (a change kept in another table, such as a template's targets, is a change of the row). */
export async function bumpVersion(tx: Tx, entity: VersionedEntity, id: string): Promise<number> {
  const t = table(entity);
  const [row] = await tx.update(t).set({ version: nextVersion(entity), updatedAt: new Date() }).where(eq(t.id, id)).returning({ version: t.version });
  return row?.version ?? 0;
}

/** Who wrote the entity last and when, from the audit log (null when nothing was audited: seeded rows). */
export async function lastWriter(tx: Tx, entity: VersionedEntity, id: string): Promise<{ by: string; at: Date } | null> {
  const [row] = await tx
    .select({ by: auditLog.actorLabel, at: auditLog.at })
    .from(auditLog)
    .where(and(eq(auditLog.entityType, entity), eq(auditLog.entityId, id)))
    .orderBy(desc(auditLog.at), desc(auditLog.id))
    .limit(1);
  return row ?? null;
}
