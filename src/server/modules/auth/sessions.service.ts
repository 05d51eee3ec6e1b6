import { and, eq, gt, isNull, lt, ne, or, sql } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';
import { apiTokens, sessions, users } from '../../db/schema/index.ts';
import type { Auth, AuthUser } from '../../http/request-context.ts';
import type { Locale } from '../../i18n/messages.ts';
import { API_TOKEN_PREFIX, randomToken, sha256 } from './auth.crypto.ts';

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

const userColumns = { id: users.id, email: users.email, name: users.name, locale: users.locale, isDemo: users.isDemo };
const toAuthUser = (u: { id: string; email: string; name: string; locale: string | null; isDemo: boolean }): AuthUser => ({
  ...u,
  locale: (u.locale as Locale | null) ?? null,
});

export async function authenticateSession(db: Db, cookieValue: string): Promise<Auth | null> {
  const idHash = sha256(cookieValue);
  const [row] = await db
    .select({ user: userColumns, csrfToken: sessions.csrfToken, expiresAt: sessions.expiresAt })
    .from(sessions)
    .innerJoin(users, eq(users.id, sessions.userId))
    .where(and(eq(sessions.idHash, idHash), gt(sessions.expiresAt, sql`now()`)));
  if (!row) return null;
  return { user: toAuthUser(row.user), via: 'session', sessionHash: idHash, csrfToken: row.csrfToken, expiresAt: row.expiresAt };
}

export async function authenticateToken(db: Db, token: string): Promise<Auth | null> {
  if (!token.startsWith(API_TOKEN_PREFIX)) return null;
  const tokenHash = sha256(token);
  const [row] = await db
    .select({ user: userColumns, id: apiTokens.id, lastUsedAt: apiTokens.lastUsedAt, expiresAt: apiTokens.expiresAt })
    .from(apiTokens)
    .innerJoin(users, eq(users.id, apiTokens.userId))
    .where(
      and(
        eq(apiTokens.tokenHash, tokenHash),
        isNull(apiTokens.revokedAt),
        or(isNull(apiTokens.expiresAt), gt(apiTokens.expiresAt, sql`now()`)),
      ),
    );
  if (!row) return null;
  // a write per request would make every API read a write; a minute's precision is enough
  if (!row.lastUsedAt || Date.now() - row.lastUsedAt.getTime() > 60_000) {
    await db.update(apiTokens).set({ lastUsedAt: new Date() }).where(eq(apiTokens.id, row.id));
  }
  return { user: toAuthUser(row.user), via: 'token', sessionHash: null, csrfToken: null, expiresAt: row.expiresAt };
}
