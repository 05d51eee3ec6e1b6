// Bundles the server and the CLI into dist/cli at install time, so that `kedu` and
// `npm start` load plain JavaScript instead of compiling TypeScript on every start.
// bin/kedu.js falls back to the sources (through tsx) whenever they are newer than the bundle.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const outdir = path.join(root, 'dist/cli');
fs.rmSync(outdir, { recursive: true, force: true });

await build({
  entryPoints: [path.join(root, 'src/cli/kedu.ts')],
  outdir,
  outExtension: { '.js': '.mjs' },
  bundle: true,
  // chunks stay beside the entry: modules that find files through import.meta.url
  // (the PGlite worker, the migrations, package.json, the web app) keep their relative paths
  splitting: true,
  chunkNames: '[name]-[hash]',
  format: 'esm',
  platform: 'node',
  target: 'node20',
  packages: 'external',
  sourcemap: 'linked',
  logLevel: 'warning',
});

fs.copyFileSync(path.join(root, 'src/server/db/pglite-worker.js'), path.join(outdir, 'pglite-worker.js'));
fs.cpSync(path.join(root, 'src/server/db/migrations'), path.join(outdir, 'migrations'), { recursive: true });
