import { and, eq } from 'drizzle-orm';
import { type DatasetImportResult, datasetFromPreview } from '../contracts/datasets.ts';
import { headerKey } from '../core/datasets/templates.ts';
import type { Database } from '../server/db/client.ts';
import { datasets, workspaces } from '../server/db/schema/index.ts';
import { CliError } from './cli-error.ts';
import { say } from './cli-messages.ts';
import { previewFile } from '../server/modules/datasets/dataset-preview.ts';
import { templatesFor } from '../server/modules/datasets/datasets.service.ts';
import { type ImportProgress, importFile } from '../server/modules/datasets/import.service.ts';
import { startJobQueue } from '../server/jobs/job-queue.ts';
import type { JobSender } from '../server/jobs/job-types.ts';
import { waitForJobToFinish } from '../server/jobs/job-waits.ts';
import { type ActualsRefreshResult, actualsFromDataJob } from '../server/modules/cycles/actuals/actuals-from-data.job.ts';

export type CliImportOptions = {
  file: string;
  fileName: string;
  dataset: string;
  template?: string;
  sheet?: string;
  replace?: boolean;
  workspace?: string;
  lang: 'zh-CN' | 'en';
  onProgress: (p: ImportProgress) => void;
  onCreate: (dataset: string, template: string) => void;
};

/** What `kedu import` reports: the import, then how many open cycles took their actuals from it (or why that failed). */
export type CliImportOutcome = { imported: DatasetImportResult; refreshedCycles: number | null; refreshError: string | null };

const ACTOR = { userId: null, label: 'kedu import (CLI)', ip: null };

/**
 * The `kedu import` use case: the workspace (named, or the only one), the dataset by name —
 * created from the file's template when it does not exist — then the same all-or-nothing
 * import as the API. Problems the user can fix are CliErrors (exit 2) or AppErrors.
 */
export async function importFromCli(database: Database, o: CliImportOptions): Promise<CliImportOutcome> {
  // this process works the "data changed" job its import announces: no server may be running
  const jobs = await startJobQueue(database, [actualsFromDataJob], { work: true });
  try {
    const imported = await importInto(database, jobs, o);
    const refresh = await waitForJobToFinish(database.pool, imported.actualsJob);
    if (refresh.state === 'failed') return { imported, refreshedCycles: null, refreshError: String((refresh.error as { params?: { reason?: string } } | null)?.params?.reason ?? '') };
    return { imported, refreshedCycles: (refresh.result as ActualsRefreshResult).refreshedCycles, refreshError: null };
  } finally {
    await jobs.stop();
  }
}

async function importInto(database: Database, jobs: JobSender, o: CliImportOptions): Promise<DatasetImportResult> {
  const { db } = database;
  const all = await db.select({ id: workspaces.id, slug: workspaces.slug }).from(workspaces).orderBy(workspaces.slug);
  const workspace = o.workspace ? all.find((w) => w.slug === o.workspace) : all.length === 1 ? all[0] : undefined;
  if (!workspace) {
    if (all.length === 0) throw new CliError(say('import.no_workspaces', {}, o.lang), 2);
    if (o.workspace) throw new CliError(say('admin.no_workspace', { slug: o.workspace }, o.lang), 2);
    throw new CliError(say('import.pick_workspace', { slugs: all.map((w) => w.slug).join(', ') }, o.lang), 2);
  }
  const ctx = { workspaceId: workspace.id, actor: ACTOR, jobs };
  const request = { path: o.file, fileName: o.fileName, sheet: o.sheet, replace: o.replace === true, onProgress: o.onProgress };
  const [existing] = await db.select({ id: datasets.id }).from(datasets).where(and(eq(datasets.workspaceId, workspace.id), eq(datasets.name, o.dataset)));
  if (existing) return importFile(database, ctx, { datasetId: existing.id }, request);

  const templates = await templatesFor(db, workspace.id);
  let chosen = templates;
  if (o.template) {
    const wanted = headerKey(o.template);
    chosen = templates.filter((t) => headerKey(t.key) === wanted || headerKey(t.name['zh-CN']) === wanted || headerKey(t.name.en) === wanted);
    if (chosen.length === 0) throw new CliError(say('import.unknown_template', { template: o.template, templates: templates.map((t) => `${t.key} (${t.name[o.lang]})`).join(', ') }, o.lang), 2);
  }
  const preview = await previewFile({ path: o.file, fileName: o.fileName, sheet: o.sheet }, chosen, o.lang);
  if (!preview.template) {
    if (o.template) {
      const missing = chosen[0]!.columns.filter((c) => c.required && !preview.headers.some((h) => [c.name, ...(c.aliases ?? [])].some((n) => headerKey(n) === headerKey(h))));
      throw new CliError(say('import.template_columns_missing', { template: o.template, columns: missing.map((c) => c.name).join(', ') }, o.lang), 2);
    }
    throw new CliError(say('import.not_recognised', { headers: preview.headers.filter(Boolean).slice(0, 20).join(', ') }, o.lang), 2);
  }
  o.onCreate(o.dataset, preview.template.name[o.lang]);
  return importFile(database, ctx, { create: datasetFromPreview(o.dataset, preview) }, request);
}
