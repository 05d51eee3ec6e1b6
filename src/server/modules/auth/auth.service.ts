import { abilitiesOf } from '../../access.ts';
import type { z } from 'zod';
import type { changePasswordInput, createTokenInput, loginInput, updateProfileInput } from '../../../contracts/auth.ts';
import type { Db } from '../../db/client.ts';
import { AppError, notFound } from '../../errors.ts';
import type { AuthUser } from '../../http/request-context.ts';
import { type Actor, recordAudit } from '../audit/index.ts';
import { dummyPasswordHash, hashPassword, newApiToken, sha256, verifyPassword } from '../../crypto.ts';
import {
  findProfile,
  findUserByEmail,
  findUserById,
  insertToken,
  revokeTokenRow,
  selectActiveTokens,
  selectMemberWorkspaces,
  type TokenRow,
  updatePasswordHash,
  updateProfileRow,
} from './auth.queries.ts';
import { beginLoginAttempt, completeLoginAttempt } from './login-throttle.ts';

/** Verifies email and password under the login throttle; returns the user id. */
export async function login(db: Db, input: z.output<typeof loginInput>, ip: string): Promise<string> {
  const attemptId = await beginLoginAttempt(db, input.email, ip);
  const user = await findUserByEmail(db, input.email);
  const ok = await verifyPassword(user?.passwordHash ?? (await dummyPasswordHash()), input.password);
  if (!ok || !user) throw new AppError('invalid_credentials');
  await completeLoginAttempt(db, attemptId, input.email);
  return user.id;
}

export async function getMe(db: Db, user: AuthUser, csrfToken: string | null) {
  const rows = await selectMemberWorkspaces(db, user.id);
  return { user, workspaces: rows.map((w) => ({ ...w, abilities: abilitiesOf(w.role) })), csrfToken };
}

export async function updateProfile(db: Db, actor: Actor, userId: string, input: z.output<typeof updateProfileInput>) {
  await db.transaction(async (tx) => {
    const before = await findProfile(tx, userId);
    const changes = Object.entries(input).filter(([k, v]) => v !== undefined && before[k as keyof typeof before] !== v);
    if (changes.length === 0) return; // nothing changed: nothing to write or audit
    const after = await updateProfileRow(tx, userId, input);
    await recordAudit(tx, actor, { workspaceId: null, action: 'user.update', entityType: 'user', entityId: userId, before, after });
  });
}

export async function changePassword(db: Db, actor: Actor, userId: string, input: z.output<typeof changePasswordInput>) {
  const user = await findUserById(db, userId);
  if (!user) throw notFound('user');
  // the demo accounts share one published password; changing it would lock others out
  if (user.isDemo) throw new AppError('forbidden', {}, [{ code: 'auth.demo_password_fixed' }]);
  if (!(await verifyPassword(user.passwordHash, input.currentPassword))) {
    throw new AppError('validation_failed', { count: 1 }, [{ path: ['body', 'currentPassword'], code: 'auth.wrong_password' }]);
  }
  const passwordHash = await hashPassword(input.newPassword);
  await db.transaction(async (tx) => {
    await updatePasswordHash(tx, userId, passwordHash);
    await recordAudit(tx, actor, { workspaceId: null, action: 'user.password_change', entityType: 'user', entityId: userId });
  });
}

const tokenDto = (t: TokenRow) => ({
  ...t,
  createdAt: t.createdAt.toISOString(),
  lastUsedAt: t.lastUsedAt?.toISOString() ?? null,
  expiresAt: t.expiresAt?.toISOString() ?? null,
});

export async function listTokens(db: Db, userId: string) {
  const rows = await selectActiveTokens(db, userId);
  return rows.map(tokenDto);
}

export async function createToken(db: Db, actor: Actor, userId: string, input: z.output<typeof createTokenInput>) {
  const token = newApiToken();
  const expiresAt = input.expiresInDays ? new Date(Date.now() + input.expiresInDays * 86_400_000) : null;
  const row = await db.transaction(async (tx) => {
    const created = await insertToken(tx, { userId, name: input.name, tokenHash: sha256(token), prefix: token.slice(0, 10), expiresAt });
    await recordAudit(tx, actor, { workspaceId: null, action: 'token.create', entityType: 'api_token', entityId: created.id, after: created });
    return created;
  });
  return { ...tokenDto(row), token };
}

export async function revokeToken(db: Db, actor: Actor, userId: string, tokenId: string) {
  await db.transaction(async (tx) => {
    const revoked = await revokeTokenRow(tx, userId, tokenId);
    if (!revoked) throw notFound('token');
    await recordAudit(tx, actor, { workspaceId: null, action: 'token.revoke', entityType: 'api_token', entityId: tokenId, before: revoked });
  });
}
