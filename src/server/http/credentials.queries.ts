import { and, eq, gt, isNull, or, sql } from 'drizzle-orm';
import { API_TOKEN_PREFIX, sha256 } from '../crypto.ts';
import type { Db } from '../db/client.ts';
import { apiTokens, sessions, users } from '../db/schema/index.ts';
import type { Locale } from '../i18n/messages.ts';
import type { Auth, AuthUser } from './request-context.ts';

/**
 * Who a request's credential is — a session cookie or an API token — looked up for the HTTP hooks
 * (auth-hooks.ts) and for sign-in. Creating and ending sessions is the auth module's.
 */

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
