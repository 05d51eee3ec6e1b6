import { and, count, eq, gt, lt, sql } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';
import { loginAttempts } from '../../db/schema/index.ts';
import { AppError } from '../../errors.ts';

/**
 * Login rate limiting, kept in the database so that it holds across app instances:
 * at most 5 failed attempts per email and 30 per IP address in a 15-minute window.
 */
export const THROTTLE_WINDOW_MINUTES = 15;
export const MAX_FAILURES_PER_EMAIL = 5;
export const MAX_FAILURES_PER_IP = 30;

/**
 * Checks the limits and books the attempt as failed in one transaction, serialised per
 * email: a burst of parallel guesses cannot all pass the check before any is counted.
 * Returns the attempt's id, to mark it as a success once the password is verified.
 */
export async function beginLoginAttempt(db: Db, email: string, ip: string): Promise<number> {
  return db.transaction(async (tx) => {
    await tx.execute(sql`select pg_advisory_xact_lock(hashtext(${`login:${email}`}))`);
    const since = sql`now() - make_interval(mins => ${THROTTLE_WINDOW_MINUTES})`;
    const failed = (col: typeof loginAttempts.email | typeof loginAttempts.ip, value: string) =>
      tx
        .select({ n: count() })
        .from(loginAttempts)
        .where(and(eq(col, value), eq(loginAttempts.succeeded, false), gt(loginAttempts.at, since)));
    const [[byEmail], [byIp]] = [await failed(loginAttempts.email, email), await failed(loginAttempts.ip, ip)];
    if (byEmail.n >= MAX_FAILURES_PER_EMAIL || byIp.n >= MAX_FAILURES_PER_IP) {
      throw new AppError('rate_limited', { seconds: THROTTLE_WINDOW_MINUTES * 60 });
    }
    const [row] = await tx.insert(loginAttempts).values({ email, ip, succeeded: false }).returning({ id: loginAttempts.id });
    return row.id;
  });
}

/** A verified sign-in: the attempt counts as a success, the email's failures are forgiven, old rows pruned. */
export async function completeLoginAttempt(db: Db, attemptId: number, email: string): Promise<void> {
  await db.update(loginAttempts).set({ succeeded: true }).where(eq(loginAttempts.id, attemptId));
  await db.delete(loginAttempts).where(and(eq(loginAttempts.email, email), eq(loginAttempts.succeeded, false)));
  await db.delete(loginAttempts).where(lt(loginAttempts.at, sql`now() - interval '1 day'`));
}
