import { and, eq } from 'drizzle-orm';
import type { Db, Tx } from '../../db/client.ts';
import { importTemplates } from '../../db/schema/index.ts';

export type ImportTemplateRow = typeof importTemplates.$inferSelect;
export type NewImportTemplateRow = typeof importTemplates.$inferInsert;

/** The mappings saved in the workspace, by name. */
export async function savedImportTemplates(db: Db | Tx, workspaceId: string): Promise<ImportTemplateRow[]> {
  return db.select().from(importTemplates).where(eq(importTemplates.workspaceId, workspaceId)).orderBy(importTemplates.name);
}

/** The workspace's saved template with this name, if any. */
export async function findImportTemplateIdByName(tx: Tx, workspaceId: string, name: string): Promise<{ id: string } | undefined> {
  const [row] = await tx.select({ id: importTemplates.id }).from(importTemplates).where(and(eq(importTemplates.workspaceId, workspaceId), eq(importTemplates.name, name)));
  return row;
}

export async function insertImportTemplate(tx: Tx, values: NewImportTemplateRow): Promise<ImportTemplateRow> {
  const [row] = await tx.insert(importTemplates).values(values).returning();
  return row!;
}

/** Deletes a saved template of the workspace; the row deleted, or undefined when there was none. */
export async function deleteImportTemplate(tx: Tx, workspaceId: string, id: string): Promise<ImportTemplateRow | undefined> {
  const [row] = await tx.delete(importTemplates).where(and(eq(importTemplates.workspaceId, workspaceId), eq(importTemplates.id, id))).returning();
  return row;
}
