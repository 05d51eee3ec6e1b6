import { desc, eq } from 'drizzle-orm';
import type { Db, Tx } from '../../db/client.ts';
import { goalCheckIns } from '../../db/schema/index.ts';

export type CheckInRow = typeof goalCheckIns.$inferSelect;
export type CheckInInsert = typeof goalCheckIns.$inferInsert;

/** A goal's check-ins, the latest day first (of one day, the last entered first). */
export async function selectCheckIns(db: Db | Tx, goalId: string): Promise<CheckInRow[]> {
  return db.select().from(goalCheckIns).where(eq(goalCheckIns.goalId, goalId)).orderBy(desc(goalCheckIns.on), desc(goalCheckIns.createdAt));
}

/** The goal's check-in of the latest day (of one day, the last entered): the one its current value comes from. */
export async function findLatestCheckIn(tx: Tx, goalId: string): Promise<CheckInRow> {
  const [latest] = await tx.select().from(goalCheckIns).where(eq(goalCheckIns.goalId, goalId)).orderBy(desc(goalCheckIns.on), desc(goalCheckIns.createdAt)).limit(1);
  return latest;
}

export async function insertCheckIn(tx: Tx, values: CheckInInsert): Promise<CheckInRow> {
  const [row] = await tx.insert(goalCheckIns).values(values).returning();
  return row;
}
