import { and, asc, count, eq, ilike, isNotNull, or, type SQL } from 'drizzle-orm';
import type { z } from 'zod';
import type { listIndicatorsQuery } from '../../../contracts/indicators.ts';
import type { Db, Tx } from '../../db/client.ts';
import { escapeLike } from '../../db/like.ts';
import { indicators } from '../../db/schema/index.ts';
import { nextVersion } from '../../http/versions.ts';
import { notFound } from '../../errors.ts';

export type IndicatorRow = typeof indicators.$inferSelect;
/** An indicator's own fields: what the caller chooses when it inserts one. */
export type NewIndicatorRow = Omit<typeof indicators.$inferInsert, 'id' | 'workspaceId' | 'createdAt' | 'updatedAt' | 'version'>;

/** A page of the workspace's indicators matching the list filters, by name, and how many match in all. */
export async function indicatorPage(db: Db, workspaceId: string, query: z.output<typeof listIndicatorsQuery>): Promise<{ total: number; rows: IndicatorRow[] }> {
  const where: SQL[] = [eq(indicators.workspaceId, workspaceId)];
  if (query.status !== 'all') where.push(eq(indicators.status, query.status));
  if (query.perspective) where.push(eq(indicators.perspective, query.perspective));
  if (query.kind) where.push(eq(indicators.kind, query.kind));
  if (query.nature) where.push(eq(indicators.nature, query.nature));
  if (query.q) {
    const like = `%${escapeLike(query.q)}%`;
    where.push(or(ilike(indicators.name, like), ilike(indicators.nameEn, like), ilike(indicators.purpose, like), ilike(indicators.key, like))!);
  }
  const filter = and(...where);
  const [{ total }] = await db.select({ total: count() }).from(indicators).where(filter);
  const rows = await db
    .select()
    .from(indicators)
    .where(filter)
    .orderBy(asc(indicators.name), asc(indicators.id))
    .limit(query.pageSize)
    .offset((query.page - 1) * query.pageSize);
  return { total, rows };
}

/** One indicator of the workspace; 404 when there is none. */
export async function findIndicator(tx: Tx | Db, workspaceId: string, id: string): Promise<IndicatorRow> {
  const [row] = await tx.select().from(indicators).where(and(eq(indicators.workspaceId, workspaceId), eq(indicators.id, id)));
  if (!row) throw notFound('indicator');
  return row;
}

/** The id of the workspace's indicator with this name (archived ones included), if any. */
export async function findIndicatorIdByName(tx: Tx, workspaceId: string, name: string): Promise<{ id: string } | undefined> {
  const [row] = await tx.select({ id: indicators.id }).from(indicators).where(and(eq(indicators.workspaceId, workspaceId), eq(indicators.name, name)));
  return row;
}

/** The id of the workspace's indicator with this key (archived ones included), if any. */
export async function findIndicatorIdByKey(tx: Tx, workspaceId: string, key: string): Promise<{ id: string } | undefined> {
  const [row] = await tx.select({ id: indicators.id }).from(indicators).where(and(eq(indicators.workspaceId, workspaceId), eq(indicators.key, key)));
  return row;
}

/** The workspace's keys that start with `prefix` (case-insensitive), to find a free one. */
export async function indicatorKeysStartingWith(tx: Tx, workspaceId: string, prefix: string): Promise<string[]> {
  const rows = await tx.select({ key: indicators.key }).from(indicators).where(and(eq(indicators.workspaceId, workspaceId), ilike(indicators.key, `${escapeLike(prefix)}%`)));
  return rows.map((r) => r.key);
}

/** The names of every indicator of the workspace, archived ones included. */
export async function indicatorNames(tx: Tx, workspaceId: string): Promise<string[]> {
  const rows = await tx.select({ name: indicators.name }).from(indicators).where(eq(indicators.workspaceId, workspaceId));
  return rows.map((r) => r.name);
}

export async function insertIndicatorRow(tx: Tx, workspaceId: string, values: NewIndicatorRow): Promise<IndicatorRow> {
  const [row] = await tx.insert(indicators).values({ ...values, workspaceId }).returning();
  return row;
}

/** Sets the changed fields and updatedAt, and raises the version; the row after. */
export async function updateIndicatorRow(tx: Tx, id: string, changes: Partial<NewIndicatorRow>): Promise<IndicatorRow> {
  const [row] = await tx.update(indicators).set({ ...changes, version: nextVersion('indicator'), updatedAt: new Date() }).where(eq(indicators.id, id)).returning();
  return row;
}

/** The workspace's copies of built-in indicators (`key` is the built-in's), oldest first. */
export async function builtinCopies(db: Db, workspaceId: string): Promise<{ id: string; name: string; status: IndicatorRow['status']; key: string | null }[]> {
  return db
    .select({ id: indicators.id, name: indicators.name, status: indicators.status, key: indicators.sourceBuiltinKey })
    .from(indicators)
    .where(and(eq(indicators.workspaceId, workspaceId), isNotNull(indicators.sourceBuiltinKey)))
    .orderBy(asc(indicators.createdAt), asc(indicators.id));
}
