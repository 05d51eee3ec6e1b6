import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import type { TestProject } from 'vitest/node';
import { CHROMIUM_PATH } from './support/browser.ts';

const root = path.resolve(import.meta.dirname, '..');

function newestMtime(dir: string): number {
  let newest = 0;
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    newest = Math.max(newest, entry.isDirectory() ? newestMtime(full) : fs.statSync(full).mtimeMs);
  }
  return newest;
}

/**
 * Before the browser journeys: the web app is built (again if its sources changed since
 * the last build), Chromium is there (a hard failure under CI), and one migrated
 * embedded database folder is prepared that every journey copies to start from.
 */
export default async function setup(project: TestProject) {
  if (!fs.existsSync(CHROMIUM_PATH)) {
    if (process.env.CI === 'true') throw new Error(`Chromium is missing at ${CHROMIUM_PATH}; .ci/run installs it with apt-get install chromium.`);
    console.warn(`e2e: ${CHROMIUM_PATH} not found, the browser journeys are skipped (install it with: apt-get install chromium)`);
  }
  const index = path.join(root, 'dist/web/index.html');
  const stale = !fs.existsSync(index) || fs.statSync(index).mtimeMs < newestMtime(path.join(root, 'src/web'));
  if (stale) execFileSync(process.execPath, [path.join(root, 'node_modules/vite/bin/vite.js'), 'build', '--logLevel', 'warn'], { cwd: root, stdio: 'inherit' });

  const runDir = path.join(root, '.tmp/e2e', String(process.pid));
  const template = path.join(runDir, 'template');
  fs.mkdirSync(runDir, { recursive: true });
  execFileSync(process.execPath, [path.join(root, 'bin/kedu.js'), 'migrate'], { cwd: root, env: { ...process.env, KEDU_DATA_DIR: template }, stdio: 'inherit' });
  project.provide('e2eTemplateDir', template);
  project.provide('e2eRunDir', runDir);
  project.provide('chromiumAvailable', fs.existsSync(CHROMIUM_PATH));
  return () => fs.rmSync(runDir, { recursive: true, force: true });
}

declare module 'vitest' {
  export interface ProvidedContext {
    e2eTemplateDir: string;
    e2eRunDir: string;
    chromiumAvailable: boolean;
  }
}
