// Runs the embedded PostgreSQL (PGlite) in its own thread and serves it over the
// PostgreSQL wire protocol on a Unix socket. Every PGlite query blocks the thread it
// runs on; here that is this worker, so the HTTP server's event loop stays free.
// Plain JavaScript so that it loads in a worker without a TypeScript loader.
import fs from 'node:fs';
import { parentPort, workerData } from 'node:worker_threads';
import { PGlite } from '@electric-sql/pglite';
import { PGLiteSocketServer } from '@electric-sql/pglite-socket';

/** @type {{ dataDir: string | null, loadFrom: string | null, socketPath: string }} */
const options = workerData;

async function start() {
  const loadDataDir = options.loadFrom ? new Blob([fs.readFileSync(options.loadFrom)]) : undefined;
  const db = await PGlite.create(options.dataDir ?? 'memory://', { loadDataDir });
  // one connection: the multiplexer interleaves statements of different connections,
  // which would mix their transactions; the app's pool is sized to match
  const server = new PGLiteSocketServer({ db, path: options.socketPath, maxConnections: 1 });
  await server.start();

  parentPort.on('message', async (msg) => {
    try {
      if (msg.type === 'dump') {
        const blob = await db.dumpDataDir('gzip');
        fs.writeFileSync(msg.file, Buffer.from(await blob.arrayBuffer()));
        parentPort.postMessage({ type: 'dumped', id: msg.id });
      } else if (msg.type === 'close') {
        await server.stop();
        await db.close();
        parentPort.postMessage({ type: 'closed' });
      }
    } catch (err) {
      parentPort.postMessage({ type: 'error', id: msg.id, message: String(err?.stack ?? err) });
    }
  });
  parentPort.postMessage({ type: 'ready' });
}

start().catch((err) => {
  parentPort.postMessage({ type: 'failed', message: String(err?.stack ?? err) });
});
