import { and, eq, lt, ne, sql } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';
import { sessions } from '../../db/schema/index.ts';

/** Removes a user's sessions that have expired. */
export async function deleteExpiredSessions(db: Db, userId: string): Promise<void> {
  await db.delete(sessions).where(and(eq(sessions.userId, userId), lt(sessions.expiresAt, sql`now()`)));
}

export async function insertSession(db: Db, values: { idHash: string; userId: string; csrfToken: string; expiresAt: Date }): Promise<void> {
  await db.insert(sessions).values(values);
}

export async function deleteSessionByHash(db: Db, sessionHash: string): Promise<void> {
  await db.delete(sessions).where(eq(sessions.idHash, sessionHash));
}

/** Removes every session of the user but the one kept (all of them when keepHash is null). */
export async function deleteSessionsExcept(db: Db, userId: string, keepHash: string | null): Promise<void> {
  await db.delete(sessions).where(keepHash ? and(eq(sessions.userId, userId), ne(sessions.idHash, keepHash)) : eq(sessions.userId, userId));
}
