import { and, eq, sql } from 'drizzle-orm';
import type { FastifyRequest } from 'fastify';
import type { Db } from '../db/client.ts';
import { memberships, workspaces } from '../db/schema/index.ts';
import { AppError } from '../errors.ts';
import type { Viewer } from './request-context.ts';

/**
 * Resolves the workspace named in the URL and the signed-in user's membership of it.
 * A workspace the user does not belong to answers 404, exactly like one that does not exist.
 */
export async function resolveViewer(db: Db, request: FastifyRequest, slug: string): Promise<Viewer> {
  const auth = request.auth;
  if (!auth) throw new AppError('unauthenticated');
  const [row] = await db
    .select({ id: workspaces.id, slug: workspaces.slug, kind: workspaces.kind, role: memberships.role, personId: memberships.personId })
    .from(workspaces)
    .innerJoin(memberships, and(eq(memberships.workspaceId, workspaces.id), eq(memberships.userId, auth.user.id)))
    .where(eq(workspaces.slug, slug));
  if (!row) throw new AppError('not_found', { entity: 'workspace' });
  // runs on every workspace request: only a manager's rights depend on the units they lead, so
  // only a manager pays for the recursive query (access.ts reads the scope of managers alone)
  const scopeUnitIds = row.role === 'admin' ? ('all' as const) : row.role === 'manager' ? await ledUnitsRecursive(db, row.id, row.personId) : new Set<string>();
  return {
    userId: auth.user.id,
    name: auth.user.name,
    label: `${auth.user.name} <${auth.user.email}>`,
    workspaceId: row.id,
    workspaceSlug: row.slug,
    workspaceKind: row.kind,
    role: row.role,
    personId: row.personId,
    scopeUnitIds,
  };
}

/** The units a person leads, with every unit below them. */
async function ledUnitsRecursive(db: Db, workspaceId: string, personId: string | null): Promise<Set<string>> {
  if (!personId) return new Set();
  const result = await db.execute<{ id: string }>(sql`
    with recursive scope(id) as (
      select id from org_units where workspace_id = ${workspaceId} and lead_person_id = ${personId}
      union
      select u.id from org_units u join scope s on u.parent_id = s.id where u.workspace_id = ${workspaceId}
    )
    select id from scope`);
  return new Set(result.rows.map((r) => r.id));
}
