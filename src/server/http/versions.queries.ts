import { and, desc, eq, type SQL, sql } from 'drizzle-orm';
import type { Tx } from '../db/client.ts';
import { appraisalCycles, auditLog, datasets, goals, indicators, memberships, metrics, orgUnits, people, plans, positions, scorecardTemplates } from '../db/schema/index.ts';

/**
 * The tables whose rows carry a `version` (issue 13), by the entity type their audit entries
 * name. All have `id`, `version` and `updated_at` — except a membership (`member`), whose key is
 * its workspace and user and which keeps no time of change (see `MemberKey`).
 */
const VERSIONED = {
  goal: goals,
  plan: plans,
  scorecard_template: scorecardTemplates,
  indicator: indicators,
  unit: orgUnits,
  position: positions,
  person: people,
  dataset: datasets,
  metric: metrics,
  cycle: appraisalCycles,
  member: memberships,
} as const;
export type VersionedEntity = keyof typeof VERSIONED;
/** A membership's key: a user's role in one workspace (its audit entries name the user). */
export type MemberKey = { workspaceId: string; userId: string };
/** The id of a versioned row; a `MemberKey` for a membership. */
export type VersionKey = string | MemberKey;

// the tables differ in their other columns only: one shape for the three this file touches
const table = (entity: Exclude<VersionedEntity, 'member'>) => VERSIONED[entity] as typeof goals;
const versionOf = (entity: VersionedEntity) => (entity === 'member' ? memberships.version : table(entity).version);

/** `version + 1`, for the `set` of an UPDATE that writes a versioned row. */
export const nextVersion = (entity: VersionedEntity): SQL => sql`${versionOf(entity)} + 1`;

/** Locks the row for the rest of the transaction and reads its version and time of change; undefined when there is no such row. */
export async function lockVersion(tx: Tx, entity: VersionedEntity, key: VersionKey): Promise<{ version: number; updatedAt: Date } | undefined> {
  if (typeof key !== 'string') {
    const where = and(eq(memberships.workspaceId, key.workspaceId), eq(memberships.userId, key.userId));
    const [row] = await tx.select({ version: memberships.version, updatedAt: memberships.createdAt }).from(memberships).where(where).for('update');
    return row;
  }
  const t = table(entity as Exclude<VersionedEntity, 'member'>);
  const [row] = await tx.select({ version: t.version, updatedAt: t.updatedAt }).from(t).where(eq(t.id, key)).for('update');
  return row;
}

/** Raises the row's version by one (a change kept in another table, such as a template's targets, is a change of the row). */
export async function bumpVersion(tx: Tx, entity: Exclude<VersionedEntity, 'member'>, id: string): Promise<number> {
  const t = table(entity);
  const [row] = await tx.update(t).set({ version: nextVersion(entity), updatedAt: new Date() }).where(eq(t.id, id)).returning({ version: t.version });
  return row?.version ?? 0;
}

/** Who wrote the entity last and when, from the audit log (null when nothing was audited: seeded rows). */
export async function lastWriter(tx: Tx, entity: VersionedEntity, key: VersionKey): Promise<{ by: string; at: Date } | null> {
  const id = typeof key === 'string' ? key : key.userId;
  const [row] = await tx
    .select({ by: auditLog.actorLabel, at: auditLog.at })
    .from(auditLog)
    .where(and(eq(auditLog.entityType, entity), eq(auditLog.entityId, id), typeof key === 'string' ? undefined : eq(auditLog.workspaceId, key.workspaceId)))
    .orderBy(desc(auditLog.at), desc(auditLog.id))
    .limit(1);
  return row ?? null;
}
