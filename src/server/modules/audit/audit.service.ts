import type { z } from 'zod';
import type { auditQuery } from '../../../contracts/org.ts';
import type { Db, Tx } from '../../db/client.ts';
import { insertAuditEntry, selectAuditPage } from './audit.queries.ts';

/** Who did it: every service call that writes receives one. */
export type Actor = { userId: string | null; label: string; ip: string | null };

export type AuditEntryInput = {
  workspaceId: string | null;
  action: string;
  entityType: string;
  entityId?: string | null;
  before?: unknown;
  after?: unknown;
};

/** Appends an audit entry inside the caller's transaction, so the write and its record commit together. */
export async function recordAudit(tx: Tx | Db, actor: Actor, entry: AuditEntryInput): Promise<void> {
  await insertAuditEntry(tx, {
    workspaceId: entry.workspaceId,
    actorUserId: actor.userId,
    actorLabel: actor.label,
    action: entry.action,
    entityType: entry.entityType,
    entityId: entry.entityId ?? null,
    before: entry.before === undefined ? null : toJson(entry.before),
    after: entry.after === undefined ? null : toJson(entry.after),
    ip: actor.ip,
  });
}

/** Dates become ISO strings and secrets never enter the log. */
function toJson(value: unknown): unknown {
  return JSON.parse(
    JSON.stringify(value, (key, v) => (key === 'passwordHash' || key === 'tokenHash' || key === 'csrfToken' ? undefined : v)),
  );
}

export async function listAudit(db: Db, workspaceId: string, query: z.output<typeof auditQuery>) {
  const { rows, total } = await selectAuditPage(db, workspaceId, query);
  return {
    items: rows.map((r) => ({
      id: r.id,
      at: r.at.toISOString(),
      actorUserId: r.actorUserId,
      actorLabel: r.actorLabel,
      action: r.action,
      entityType: r.entityType,
      entityId: r.entityId,
      before: r.before ?? null,
      after: r.after ?? null,
      ip: r.ip,
    })),
    total,
    page: query.page,
    pageSize: query.pageSize,
  };
}
