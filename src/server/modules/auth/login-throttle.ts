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

export async function assertLoginAllowed(db: Db, email: string, ip: string): Promise<void> {
  const since = sql`now() - make_interval(mins => ${THROTTLE_WINDOW_MINUTES})`;
  const failed = (col: typeof loginAttempts.email | typeof loginAttempts.ip, value: string) =>
    db
      .select({ n: count() })
      .from(loginAttempts)
      .where(and(eq(col, value), eq(loginAttempts.succeeded, false), gt(loginAttempts.at, since)));
  const [[byEmail], [byIp]] = await Promise.all([failed(loginAttempts.email, email), failed(loginAttempts.ip, ip)]);
  if (byEmail.n >= MAX_FAILURES_PER_EMAIL || byIp.n >= MAX_FAILURES_PER_IP) {
    throw new AppError('rate_limited', { seconds: THROTTLE_WINDOW_MINUTES * 60 });
  }
}

export async function recordLoginAttempt(db: Db, email: string, ip: string, succeeded: boolean): Promise<void> {
  await db.insert(loginAttempts).values({ email, ip, succeeded });
  if (succeeded) {
    // a successful sign-in clears the email's failures; old rows are pruned as we go
    await db.delete(loginAttempts).where(and(eq(loginAttempts.email, email), eq(loginAttempts.succeeded, false)));
    await db.delete(loginAttempts).where(lt(loginAttempts.at, sql`now() - interval '1 day'`));
  }
}
