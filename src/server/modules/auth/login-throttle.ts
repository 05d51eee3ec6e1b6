import type { Db } from '../../db/client.ts';
import { AppError } from '../../errors.ts';
import { countRecentFailures, deleteFailedAttempts, insertFailedAttempt, lockLoginEmail, markAttemptSucceeded, pruneOldAttempts } from './login-attempts.queries.ts';

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
    await lockLoginEmail(tx, email);
    const [byEmail, byIp] = [await countRecentFailures(tx, 'email', email, THROTTLE_WINDOW_MINUTES), await countRecentFailures(tx, 'ip', ip, THROTTLE_WINDOW_MINUTES)];
    if (byEmail >= MAX_FAILURES_PER_EMAIL || byIp >= MAX_FAILURES_PER_IP) {
      throw new AppError('rate_limited', { seconds: THROTTLE_WINDOW_MINUTES * 60 });
    }
    return insertFailedAttempt(tx, email, ip);
  });
}

/** A verified sign-in: the attempt counts as a success, the email's failures are forgiven, old rows pruned. */
export async function completeLoginAttempt(db: Db, attemptId: number, email: string): Promise<void> {
  await markAttemptSucceeded(db, attemptId);
  await deleteFailedAttempts(db, email);
  await pruneOldAttempts(db);
}
