import { and, count, eq, gt, lt, sql } from 'drizzle-orm';
import type { Db, Tx } from '../../db/client.ts';
import { loginAttempts } from '../../db/schema/index.ts';

/** The SQL of login rate limiting: the attempts of an email and an IP address, kept in the database. */

/** Serialises the attempts of one email for the rest of the transaction. */
export async function lockLoginEmail(tx: Tx, email: string): Promise<void> {
  await tx.execute(sql`select pg_advisory_xact_lock(hashtext(${`login:${email}`}))`);
}

/** How many attempts of this email (or this IP address) failed in the last `minutes`. */
export async function countRecentFailures(tx: Tx, by: 'email' | 'ip', value: string, minutes: number): Promise<number> {
  const since = sql`now() - make_interval(mins => ${minutes})`;
  const [row] = await tx
    .select({ n: count() })
    .from(loginAttempts)
    .where(and(eq(by === 'email' ? loginAttempts.email : loginAttempts.ip, value), eq(loginAttempts.succeeded, false), gt(loginAttempts.at, since)));
  return row.n;
}

/** Books an attempt as failed (until marked a success); its id. */
export async function insertFailedAttempt(tx: Tx, email: string, ip: string): Promise<number> {
  const [row] = await tx.insert(loginAttempts).values({ email, ip, succeeded: false }).returning({ id: loginAttempts.id });
  return row.id;
}

export async function markAttemptSucceeded(db: Db, attemptId: number): Promise<void> {
  await db.update(loginAttempts).set({ succeeded: true }).where(eq(loginAttempts.id, attemptId));
}

/** Forgets the failed attempts of an email. */
export async function deleteFailedAttempts(db: Db, email: string): Promise<void> {
  await db.delete(loginAttempts).where(and(eq(loginAttempts.email, email), eq(loginAttempts.succeeded, false)));
}

/** Removes the attempts older than a day: no window looks that far back. */
export async function pruneOldAttempts(db: Db): Promise<void> {
  await db.delete(loginAttempts).where(lt(loginAttempts.at, sql`now() - interval '1 day'`));
}
