import { and, eq, lt, ne, sql } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';
import { sessions } from '../../db/schema/index.ts';
import { randomToken, sha256 } from '../../crypto.ts';

const DAY_MS = 86_400_000;

export async function createSession(db: Db, userId: string, days: number) {
  // expired sessions are of no use to anyone: each sign-in clears the user's old ones
  await db.delete(sessions).where(and(eq(sessions.userId, userId), lt(sessions.expiresAt, sql`now()`)));
  const cookieValue = randomToken();
  const csrfToken = randomToken(24);
  await db.insert(sessions).values({
    idHash: sha256(cookieValue),
    userId,
    csrfToken,
    expiresAt: new Date(Date.now() + days * DAY_MS),
  });
  return { cookieValue, csrfToken, maxAgeSeconds: days * 86_400 };
}

export async function deleteSession(db: Db, sessionHash: string): Promise<void> {
  await db.delete(sessions).where(eq(sessions.idHash, sessionHash));
}

/** Signs out every other session of the user (after a password change). */
export async function deleteOtherSessions(db: Db, userId: string, keepHash: string | null): Promise<void> {
  await db.delete(sessions).where(keepHash ? and(eq(sessions.userId, userId), ne(sessions.idHash, keepHash)) : eq(sessions.userId, userId));
}
