import { and, eq, isNull, sql } from 'drizzle-orm';
import type { z } from 'zod';
import type { updateProfileInput } from '../../../contracts/auth.ts';
import type { Db, Tx } from '../../db/client.ts';
import { apiTokens, memberships, users, workspaces } from '../../db/schema/index.ts';

export type UserRow = typeof users.$inferSelect;
export type TokenRow = { id: string; name: string; prefix: string; createdAt: Date; lastUsedAt: Date | null; expiresAt: Date | null };

/** The user whose email, lower-cased, is the given one (the caller passes it lower-cased). */
export async function findUserByEmail(db: Db, email: string): Promise<UserRow | undefined> {
  const [user] = await db.select().from(users).where(eq(sql`lower(${users.email})`, email));
  return user;
}

export async function findUserById(db: Db, userId: string): Promise<UserRow | undefined> {
  const [user] = await db.select().from(users).where(eq(users.id, userId));
  return user;
}

/** The workspaces a user is a member of, with their role there: real ones first, then by name. */
export async function selectMemberWorkspaces(db: Db, userId: string) {
  return db
    .select({
      id: workspaces.id,
      slug: workspaces.slug,
      name: workspaces.name,
      kind: workspaces.kind,
      isDemo: workspaces.isDemo,
      role: memberships.role,
      personId: memberships.personId,
    })
    .from(memberships)
    .innerJoin(workspaces, eq(workspaces.id, memberships.workspaceId))
    .where(eq(memberships.userId, userId))
    .orderBy(workspaces.isDemo, workspaces.name);
}

/** The profile fields a user edits themselves (the user is signed in, so the row is there). */
export async function findProfile(tx: Tx, userId: string) {
  const [profile] = await tx.select({ name: users.name, locale: users.locale }).from(users).where(eq(users.id, userId));
  return profile;
}

/** Writes the profile fields given and returns the profile as it now is. */
export async function updateProfileRow(tx: Tx, userId: string, input: z.output<typeof updateProfileInput>) {
  const [after] = await tx
    .update(users)
    .set({ ...input, updatedAt: new Date() })
    .where(eq(users.id, userId))
    .returning({ name: users.name, locale: users.locale });
  return after;
}

export async function updatePasswordHash(tx: Tx, userId: string, passwordHash: string): Promise<void> {
  await tx.update(users).set({ passwordHash, updatedAt: new Date() }).where(eq(users.id, userId));
}

/** The columns of a token that may be shown (never its hash). */
const tokenColumns = {
  id: apiTokens.id,
  name: apiTokens.name,
  prefix: apiTokens.prefix,
  createdAt: apiTokens.createdAt,
  lastUsedAt: apiTokens.lastUsedAt,
  expiresAt: apiTokens.expiresAt,
};

/** A user's tokens not revoked, oldest first. */
export async function selectActiveTokens(db: Db, userId: string): Promise<TokenRow[]> {
  return db
    .select(tokenColumns)
    .from(apiTokens)
    .where(and(eq(apiTokens.userId, userId), isNull(apiTokens.revokedAt)))
    .orderBy(apiTokens.createdAt);
}

export async function insertToken(tx: Tx, values: { userId: string; name: string; tokenHash: string; prefix: string; expiresAt: Date | null }): Promise<TokenRow> {
  const [created] = await tx.insert(apiTokens).values(values).returning(tokenColumns);
  return created;
}

/** Revokes a user's token unless already revoked; returns it, or undefined when there was none to revoke. */
export async function revokeTokenRow(tx: Tx, userId: string, tokenId: string): Promise<TokenRow | undefined> {
  const [revoked] = await tx
    .update(apiTokens)
    .set({ revokedAt: new Date() })
    .where(and(eq(apiTokens.id, tokenId), eq(apiTokens.userId, userId), isNull(apiTokens.revokedAt)))
    .returning(tokenColumns);
  return revoked;
}
