import { createWriteStream } from 'node:fs';
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { pipeline } from 'node:stream/promises';
import type { FastifyRequest } from 'fastify';
import { AppError } from '../errors.ts';

export type SpooledUpload = { path: string; filename: string; fields: Record<string, string>; size: number; remove(): Promise<void> };

/** Every folder an upload is spooled to (or a job's copy of it) starts so, then the owner's pid: `kedu-upload-<pid>-XXXXXX`. */
const PREFIX = 'kedu-upload-';
/** A folder of an earlier version (no pid) in the system's temporary folder is removed once untouched for this long. */
const ORPHAN_AGE_MS = 60 * 60 * 1000;

let uploadRoot: string | null = null;

/**
 * Uploads go under the server's data folder (`<KEDU_DATA_DIR>/uploads`, set at start by
 * main.ts) rather than the system's temporary folder: customer data stays where the data is,
 * and what a crash leaves is found and removed at the next start. Until set (tests, tools), a
 * folder of the system's temporary folder.
 */
export function setUploadFolder(dir: string): void {
  uploadRoot = dir;
}

/** The folder uploads are spooled under. */
export function uploadFolder(): string {
  return uploadRoot ?? path.join(os.tmpdir(), 'kedu-uploads');
}

/**
 * A private folder for one upload (or a job's copy of it), named for this process; `remove`
 * deletes it. Removed by its owner when done; after a crash, at the next start (sweepUploadLeftovers).
 */
export async function makeUploadDir(): Promise<{ dir: string; remove(): Promise<void> }> {
  const root = uploadFolder();
  await fs.mkdir(root, { recursive: true, mode: 0o700 });
  const dir = await fs.mkdtemp(path.join(root, `${PREFIX}${process.pid}-`));
  return { dir, remove: () => fs.rm(dir, { recursive: true, force: true }) };
}

/**
 * Removes what uploads left behind when a process died in the middle of one (kill -9, a crash,
 * a power cut): in the upload folder, the folders of processes that are gone — and this one's,
 * as it has none yet when starting; in the system's temporary folder, the `kedu-upload-*`
 * folders of earlier versions, once untouched for an hour. Only folders named as ours. Runs at
 * start, before any job or request could spool a file. The folders removed.
 */
export async function sweepUploadLeftovers(root = uploadFolder(), systemTemp = os.tmpdir()): Promise<string[]> {
  const removed: string[] = [];
  const remove = async (dir: string) => {
    await fs.rm(dir, { recursive: true, force: true });
    removed.push(dir);
  };
  for (const name of await ownFolders(root)) {
    const pid = pidOf(name);
    if (pid === null || pid === process.pid || !isRunning(pid)) await remove(path.join(root, name));
  }
  if (path.resolve(systemTemp) !== path.resolve(root)) {
    for (const name of await ownFolders(systemTemp)) {
      const dir = path.join(systemTemp, name);
      const pid = pidOf(name);
      if (pid !== null ? !isRunning(pid) : Date.now() - (await lastTouched(dir)) > ORPHAN_AGE_MS) await remove(dir);
    }
  }
  return removed;
}

async function ownFolders(dir: string): Promise<string[]> {
  const entries = await fs.readdir(dir, { withFileTypes: true }).catch(() => []);
  return entries.filter((e) => e.isDirectory() && e.name.startsWith(PREFIX)).map((e) => e.name);
}

const pidOf = (name: string): number | null => {
  const match = /^kedu-upload-(\d+)-/.exec(name);
  return match ? Number(match[1]) : null;
};

function isRunning(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    // EPERM: it runs, as another user
    return (err as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** When a folder or a file in it last changed (an upload being written keeps its file's time fresh). */
async function lastTouched(dir: string): Promise<number> {
  let newest = (await fs.stat(dir)).mtimeMs;
  for (const name of await fs.readdir(dir).catch(() => [])) {
    const stat = await fs.stat(path.join(dir, name)).catch(() => null);
    if (stat) newest = Math.max(newest, stat.mtimeMs);
  }
  return newest;
}

/**
 * Streams the uploaded file of a multipart request (field `file`) to a private folder of the
 * upload folder, for uploads too large to hold in memory (dataset imports). Text fields sent
 * before the file are returned; the caller removes the file when done (`remove`, in a finally).
 * Missing uploads (a part `file` without a filename among them) or broken ones are 400s located
 * at body.file, a file over `maxBytes` is 413;
 * either way nothing is left on disk.
 */
export async function spoolUploadedFile(request: FastifyRequest, maxBytes: number, missingCode: string): Promise<SpooledUpload> {
  const missing = () => new AppError('bad_request', { reason: missingCode }, [{ path: ['body', 'file'], code: missingCode }]);
  if (!request.isMultipart()) throw missing();
  const { dir, remove } = await makeUploadDir();
  const fields: Record<string, string> = {};
  try {
    for await (const part of request.parts({ limits: { fileSize: maxBytes } })) {
      if (part.type === 'field') {
        fields[part.fieldname] = String(part.value);
        continue;
      }
      // a part without a filename is a form value, not a file (RFC 7578), whatever its type says
      if (part.fieldname !== 'file' || !part.filename) {
        part.file.resume();
        continue;
      }
      const file = path.join(dir, 'upload');
      await pipeline(part.file, createWriteStream(file, { mode: 0o600 }));
      if (part.file.truncated) throw new AppError('payload_too_large', { limit: `${Math.round(maxBytes / 1024 / 1024)} MB` });
      const { size } = await fs.stat(file);
      return { path: file, filename: part.filename ?? '', fields, size, remove };
    }
    throw missing();
  } catch (err) {
    await remove();
    if (err instanceof AppError) throw err;
    const e = err as { statusCode?: number; code?: string; message?: string };
    if (e.statusCode === 413 || e.code === 'FST_REQ_FILE_TOO_LARGE') throw new AppError('payload_too_large', { limit: `${Math.round(maxBytes / 1024 / 1024)} MB` });
    if (e.code === 'ERR_STREAM_PREMATURE_CLOSE' || /Unexpected end of (form|multipart)|Malformed part header|Multipart: Boundary not found/i.test(e.message ?? '')) {
      throw new AppError('bad_request', { reason: 'request.upload_incomplete' }, [{ path: ['body', 'file'], code: 'request.upload_incomplete' }]);
    }
    throw err;
  }
}
