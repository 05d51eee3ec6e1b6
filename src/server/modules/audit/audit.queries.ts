import { and, count, desc, eq, gte, ilike, lte, type SQL } from 'drizzle-orm';
import type { z } from 'zod';
import type { auditQuery } from '../../../contracts/org.ts';
import type { Db, Tx } from '../../db/client.ts';
import { escapeLike } from '../../db/like.ts';
import { auditLog } from '../../db/schema/index.ts';

export type AuditRow = typeof auditLog.$inferSelect;
export type AuditInsert = typeof auditLog.$inferInsert;

/** Appends one audit entry (inside the caller's transaction when given one). */
export async function insertAuditEntry(tx: Tx | Db, values: AuditInsert): Promise<void> {
  await tx.insert(auditLog).values(values);
}

/** One page of a workspace's audit entries matching the query's filters, newest first, and how many match in all. */
export async function selectAuditPage(db: Db, workspaceId: string, query: z.output<typeof auditQuery>): Promise<{ rows: AuditRow[]; total: number }> {
  const filters: SQL[] = [eq(auditLog.workspaceId, workspaceId)];
  if (query.action) filters.push(ilike(auditLog.action, `${escapeLike(query.action)}%`));
  if (query.entityType) filters.push(eq(auditLog.entityType, query.entityType));
  if (query.entityId) filters.push(eq(auditLog.entityId, query.entityId));
  if (query.actor) filters.push(ilike(auditLog.actorLabel, `%${escapeLike(query.actor)}%`));
  if (query.from) filters.push(gte(auditLog.at, new Date(query.from)));
  if (query.to) filters.push(lte(auditLog.at, new Date(query.to)));
  const where = and(...filters);
  const [rows, [{ total }]] = await Promise.all([
    db.select().from(auditLog).where(where).orderBy(desc(auditLog.at), desc(auditLog.id)).limit(query.pageSize).offset((query.page - 1) * query.pageSize),
    db.select({ total: count() }).from(auditLog).where(where),
  ]);
  return { rows, total };
}
