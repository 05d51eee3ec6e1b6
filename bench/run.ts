/**
 * Runs every bench/*.bench.ts in turn, each in its own process, and prints the JSON line each
 * one reports. Exits 1 if a benchmark fails. Usage: npm run bench [-- <name filter>]
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';

const dir = import.meta.dirname;
const filter = process.argv[2] ?? '';
const files = fs
  .readdirSync(dir)
  .filter((f) => f.endsWith('.bench.ts') && f.includes(filter))
  .sort();
let failed = 0;
for (const file of files) {
  const r = spawnSync(process.execPath, ['--import', 'tsx', path.join(dir, file)], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit'] });
  const lines = r.stdout.split('\n').filter((l) => l.trim().startsWith('{'));
  for (const line of lines) console.log(line.trim());
  if (r.status !== 0 || lines.length === 0) {
    failed++;
    console.error(`bench: ${file} failed (exit ${r.status})`);
  }
}
process.exitCode = failed > 0 ? 1 : 0;
