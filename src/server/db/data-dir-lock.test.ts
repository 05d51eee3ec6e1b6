import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { acquireDataDirLock, DataDirLockedError } from './data-dir-lock.ts';

const dirs: string[] = [];
const tempDir = () => {
  const d = fs.mkdtempSync(path.join(os.tmpdir(), 'kedu-lock-'));
  dirs.push(d);
  return d;
};
afterEach(() => {
  for (const d of dirs.splice(0)) fs.rmSync(d, { recursive: true, force: true });
});

/** The pid of a process that has already exited. */
function deadPid(): number {
  const child = spawnSync(process.execPath, ['-e', 'process.stdout.write(String(process.pid))']);
  return Number(child.stdout.toString());
}
const writeLock = (dir: string, info: object) => fs.writeFileSync(path.join(dir, 'kedu.lock'), JSON.stringify(info));

describe('data folder lock', () => {
  it('writes the owner into the lock file and removes it on release', () => {
    const dir = tempDir();
    const lock = acquireDataDirLock(dir);
    expect(fs.readdirSync(dir)).toEqual(['kedu.lock']); // the draft it was linked from is gone
    expect(JSON.parse(fs.readFileSync(path.join(dir, 'kedu.lock'), 'utf8'))).toMatchObject({ pid: process.pid, host: os.hostname() });
    lock.release();
    expect(fs.existsSync(path.join(dir, 'kedu.lock'))).toBe(false);
  });

  it('refuses a second holder, also inside one process', () => {
    const dir = tempDir();
    const lock = acquireDataDirLock(dir);
    expect(() => acquireDataDirLock(dir)).toThrow(DataDirLockedError);
    lock.release();
    acquireDataDirLock(dir).release();
  });

  it('refuses when a live process holds the folder', () => {
    const dir = tempDir();
    // the parent of this process (vitest's main process) is certainly alive
    const start = fs.readFileSync(`/proc/${process.ppid}/stat`, 'utf8').split(') ')[1].split(' ')[19];
    writeLock(dir, { pid: process.ppid, startTime: start, host: os.hostname() });
    expect(() => acquireDataDirLock(dir)).toThrow(/in use by another Kedu process \(pid \d+\)/);
  });

  it('takes over the lock of a process that is gone', () => {
    const dir = tempDir();
    writeLock(dir, { pid: deadPid(), startTime: '1', host: os.hostname() });
    const lock = acquireDataDirLock(dir);
    expect(JSON.parse(fs.readFileSync(path.join(dir, 'kedu.lock'), 'utf8')).pid).toBe(process.pid);
    lock.release();
  });

  it('takes over a lock whose pid now belongs to another process (pid reuse)', () => {
    const dir = tempDir();
    writeLock(dir, { pid: process.ppid, startTime: 'not-the-start-time', host: os.hostname() });
    acquireDataDirLock(dir).release();
  });

  it('treats a half-written lock file as stale', () => {
    const dir = tempDir();
    fs.writeFileSync(path.join(dir, 'kedu.lock'), '{"pid":');
    acquireDataDirLock(dir).release();
  });

  it('never takes a lock held from another machine on a shared disk', () => {
    const dir = tempDir();
    writeLock(dir, { pid: deadPid(), startTime: '1', host: 'another-host' });
    expect(() => acquireDataDirLock(dir)).toThrow(DataDirLockedError);
    // …but says which host holds it, and which file to delete once that host is gone
    expect(() => acquireDataDirLock(dir)).toThrow(`on the host "another-host". If no Kedu runs there any more (a container that was replaced, say), delete ${path.join(dir, 'kedu.lock')}`);
  });

  it('clears a recovery guard left by a process killed while recovering', () => {
    const dir = tempDir();
    writeLock(dir, { pid: deadPid(), startTime: '1', host: os.hostname() });
    const guard = path.join(dir, 'kedu.lock.recovering');
    fs.mkdirSync(guard);
    const old = new Date(Date.now() - 60_000);
    fs.utimesSync(guard, old, old);
    acquireDataDirLock(dir).release();
    expect(fs.existsSync(guard)).toBe(false);
  });
});
