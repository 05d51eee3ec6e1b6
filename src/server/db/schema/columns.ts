import { integer, timestamp, uuid } from 'drizzle-orm/pg-core';

/**
 * Columns most tables share, written once. Each helper returns a fresh builder (Drizzle
 * binds a builder to one table). The SQL they produce is exactly what the tables declared
 * inline before, so drizzle-kit sees no change.
 */
export const idColumn = () => uuid('id').primaryKey().defaultRandom();
export const createdAtColumn = () => timestamp('created_at', { withTimezone: true }).notNull().defaultNow();
export const updatedAtColumn = () => timestamp('updated_at', { withTimezone: true }).notNull().defaultNow();
/** `createdAt` then `updatedAt`, spread last into a table's columns. */
export const timestampColumns = () => ({ createdAt: createdAtColumn(), updatedAt: updatedAtColumn() });
/**
 * A row's version for optimistic concurrency (issue 13): 1 when made, raised by one in every
 * UPDATE that changes what its API edits (`version = version + 1`); a write that names another
 * version is refused with a 409 (see `http/versions.ts`).
 */
export const versionColumn = () => integer('version').notNull().default(1);
