import type { Db } from '../../db/client.ts';
import { randomToken, sha256 } from '../../crypto.ts';
import { deleteExpiredSessions, deleteSessionByHash, deleteSessionsExcept, insertSession } from './sessions.queries.ts';

const DAY_MS = 86_400_000;

export async function createSession(db: Db, userId: string, days: number) {
  // expired sessions are of no use to anyone: each sign-in clears the user's old ones
  await deleteExpiredSessions(db, userId);
  const cookieValue = randomToken();
  const csrfToken = randomToken(24);
  await insertSession(db, {
    idHash: sha256(cookieValue),
    userId,
    csrfToken,
    expiresAt: new Date(Date.now() + days * DAY_MS),
  });
  return { cookieValue, csrfToken, maxAgeSeconds: days * 86_400 };
}

export async function deleteSession(db: Db, sessionHash: string): Promise<void> {
  await deleteSessionByHash(db, sessionHash);
}

/** Signs out every other session of the user (after a password change). */
export async function deleteOtherSessions(db: Db, userId: string, keepHash: string | null): Promise<void> {
  await deleteSessionsExcept(db, userId, keepHash);
}
