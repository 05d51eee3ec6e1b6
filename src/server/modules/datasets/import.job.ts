import { createReadStream, createWriteStream } from 'node:fs';
import fs from 'node:fs/promises';
import path from 'node:path';
import { once } from 'node:events';
import type { CreateDatasetInput } from '../../../contracts/datasets.ts';
import type { Database } from '../../db/client.ts';
import { AppError } from '../../errors.ts';
import { makeUploadDir } from '../../http/upload-to-file.ts';
import type { JobKind, JobSender, Sql } from '../../jobs/job-types.ts';
import { deleteJobFile, insertJobFileChunk, JOB_FILE_CHUNK_BYTES, readJobFileChunk } from '../../jobs/jobs.queries.ts';
import { queueTrackedJob } from '../../jobs/queue-tracked.ts';
import type { Actor } from '../audit/index.ts';
import { type ImportTarget, importFile } from './import.service.ts';

export const DATASET_IMPORT = 'dataset.import';

export type ImportJobData = {
  workspaceId: string;
  actor: Actor;
  target: { datasetId: string } | { create: CreateDatasetInput };
  fileName: string;
  sheet?: string;
  replace: boolean;
  size: number;
};

/**
 * A large import, run in the background (docs/datasets.md "Large files"): the same all-or-nothing
 * importFile as a request's, fed from the file the request stored with the job, reporting rows
 * read as it goes. The job's result is recorded inside the import's transaction, and the stored
 * file deleted there too: a crash at any point leaves either everything or nothing, and a retry
 * of a job whose import committed finds the job completed and does nothing.
 */
export const datasetImportJob: JobKind<ImportJobData> = {
  name: DATASET_IMPORT,
  retryLimit: 2,
  retryDelaySeconds: 5,
  // a million rows take a minute or two; a try still running after an hour was lost with its process
  expireInSeconds: 60 * 60,
  holdsDatabase: true,
  async run(data, ctx) {
    const file = await restoreJobFile(ctx.database, ctx.jobId);
    try {
      return await importFile(ctx.database, { workspaceId: data.workspaceId, actor: data.actor, jobs: ctx.jobs }, data.target as ImportTarget, {
        path: file,
        fileName: data.fileName,
        sheet: data.sheet,
        replace: data.replace,
        onProgress: (p) => ctx.progress({ done: p.rows, total: null, unit: 'rows', bytes: p.bytes, totalBytes: p.totalBytes }),
        beforeCommit: async (client, result) => {
          await deleteJobFile(client, ctx.jobId);
          await ctx.completeIn(client, result);
        },
      });
    } catch (err) {
      // the file is the user's to fix: nothing will read it again
      if (err instanceof AppError || ctx.isLastAttempt) await deleteJobFile(ctx.database.pool, ctx.jobId).catch(() => {});
      throw err;
    } finally {
      await fs.rm(path.dirname(file), { recursive: true, force: true });
    }
  },
};

/** Queues the import of an uploaded file, stored (in chunks) with its job; the job's id. */
export function queueImport(database: Database, jobs: JobSender, data: ImportJobData, uploadPath: string, createdBy: string | null): Promise<string> {
  const job = { kind: DATASET_IMPORT, workspaceId: data.workspaceId, subject: data.fileName, createdBy };
  return queueTrackedJob(database, jobs, job, data, (client, id) => storeJobFile(client, id, uploadPath));
}

async function storeJobFile(sql: Sql, jobId: string, file: string): Promise<void> {
  let seq = 0;
  for await (const chunk of createReadStream(file, { highWaterMark: JOB_FILE_CHUNK_BYTES })) await insertJobFileChunk(sql, jobId, seq++, chunk as Buffer);
}

/**
 * The job's file, written back to a private folder of the upload folder (the importer reads
 * files by path): under the data folder, and removed at the next start if the process dies.
 */
async function restoreJobFile(database: Database, jobId: string): Promise<string> {
  const { dir, remove } = await makeUploadDir();
  const file = path.join(dir, 'upload');
  const out = createWriteStream(file, { mode: 0o600 });
  try {
    for (let seq = 0; ; seq++) {
      const chunk = await readJobFileChunk(database.pool, jobId, seq);
      if (!chunk) break;
      if (!out.write(chunk)) await once(out, 'drain');
    }
    out.end();
    await once(out, 'finish');
  } catch (err) {
    out.destroy();
    await remove();
    throw err;
  }
  return file;
}
