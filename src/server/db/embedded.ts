import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Worker } from 'node:worker_threads';
import { acquireDataDirLock, type DataDirLock } from './data-dir-lock.ts';

export type EmbeddedServer = {
  /** Directory holding the Unix socket `.s.PGSQL.5432`, as `pg` expects for `host`. */
  socketDir: string;
  /** Writes a gzip tarball of the whole database folder (used to clone test databases). */
  dumpTo(file: string): Promise<void>;
  close(): Promise<void>;
};

export type EmbeddedOptions = {
  /** Folder of the database; null keeps it in memory (tests). */
  dataDir: string | null;
  /** A tarball written by dumpTo to start from (tests clone one prepared database). */
  loadFrom?: string;
};

/** Locks the data folder, starts PGlite in a worker thread, and serves it on a private socket. */
export async function startEmbeddedServer(options: EmbeddedOptions): Promise<EmbeddedServer> {
  let lock: DataDirLock | null = null;
  if (options.dataDir) lock = acquireDataDirLock(options.dataDir);
  const pgDir = options.dataDir ? path.join(options.dataDir, 'pg') : null;
  const socketDir = fs.mkdtempSync(path.join(os.tmpdir(), 'kedu-pg-'));
  const worker = new Worker(new URL('./pglite-worker.js', import.meta.url), {
    workerData: { dataDir: pgDir, loadFrom: options.loadFrom ?? null, socketPath: path.join(socketDir, '.s.PGSQL.5432') },
  });

  const cleanup = () => {
    fs.rmSync(socketDir, { recursive: true, force: true });
    lock?.release();
  };

  const onError = (err: Error) => failStart(err);
  const onExit = (code: number) => failStart(new Error(`the embedded database stopped while starting (exit ${code})`));
  let failStart: (err: Error) => void = () => {};
  try {
    await new Promise<void>((resolve, reject) => {
      failStart = reject;
      worker.once('error', onError);
      worker.once('exit', onExit);
      worker.once('message', (msg: { type: string; message?: string }) => {
        if (msg.type === 'ready') resolve();
        else reject(new Error(`the embedded database in ${pgDir ?? 'memory'} could not start: ${msg.message}`));
      });
    });
  } catch (err) {
    await worker.terminate();
    cleanup();
    throw err;
  } finally {
    // only our own listeners: Worker keeps internal ones that deliver messages
    worker.off('error', onError);
    worker.off('exit', onExit);
  }

  let nextId = 0;
  return {
    socketDir,
    dumpTo(file) {
      const id = ++nextId;
      return new Promise((resolve, reject) => {
        const onMessage = (msg: { type: string; id?: number; message?: string }) => {
          if (msg.id !== id) return;
          worker.off('message', onMessage);
          if (msg.type === 'dumped') resolve();
          else reject(new Error(msg.message));
        };
        worker.on('message', onMessage);
        worker.postMessage({ type: 'dump', id, file });
      });
    },
    async close() {
      await new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, 10_000);
        worker.once('message', () => {
          clearTimeout(timer);
          resolve();
        });
        worker.once('exit', () => {
          clearTimeout(timer);
          resolve();
        });
        worker.postMessage({ type: 'close' });
      });
      await worker.terminate();
      cleanup();
    },
  };
}
