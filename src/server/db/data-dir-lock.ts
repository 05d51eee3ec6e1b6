import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

/**
 * An exclusive lock on the embedded database folder. PGlite does not honour its own
 * lock file, and two processes on one folder silently lose committed rows, so Kedu
 * takes this lock before it opens the folder.
 *
 * The lock is a file created with O_EXCL holding the owner's pid and the process start
 * time read from /proc (so a recycled pid is not mistaken for the owner). A lock whose
 * owner is gone is stale; stale locks are taken over under a second, short-lived guard
 * file so two processes recovering at once cannot both win.
 */
export class DataDirLockedError extends Error {
  constructor(
    readonly dataDir: string,
    readonly ownerPid: number,
    readonly ownerHost: string = os.hostname(),
  ) {
    super(
      ownerHost === os.hostname()
        ? `The data folder ${dataDir} is in use by another Kedu process (pid ${ownerPid}). ` +
            'Stop that process first, or point KEDU_DATA_DIR at another folder.'
        : `The data folder ${dataDir} was locked by a Kedu process (pid ${ownerPid}) on the host "${ownerHost}". ` +
            `If no Kedu runs there any more (a container that was replaced, say), delete ${path.join(dataDir, LOCK_NAME)} and start again.`,
    );
  }
}

type LockInfo = { pid: number; startTime: string | null; host: string };

const LOCK_NAME = 'kedu.lock';
const GUARD_NAME = 'kedu.lock.recovering';
/** A recovery guard older than this was left by a process killed mid-recovery. */
const GUARD_STALE_MS = 10_000;

export type DataDirLock = { release(): void };

/** Folders locked by this process: the pid check cannot tell two holders in one process apart. */
const heldHere = new Set<string>();

export function acquireDataDirLock(dataDir: string): DataDirLock {
  fs.mkdirSync(dataDir, { recursive: true });
  const lockPath = path.join(dataDir, LOCK_NAME);
  if (heldHere.has(lockPath)) throw new DataDirLockedError(dataDir, process.pid);
  const mine: LockInfo = { pid: process.pid, startTime: processStartTime(process.pid), host: os.hostname() };

  for (let attempt = 0; attempt < 3; attempt++) {
    if (tryCreate(lockPath, mine)) {
      heldHere.add(lockPath);
      return makeHandle(lockPath);
    }
    const owner = readLock(lockPath);
    if (owner && isAlive(owner)) throw new DataDirLockedError(dataDir, owner.pid, owner.host);
    recoverStale(dataDir, lockPath, owner);
  }
  const owner = readLock(lockPath);
  throw new DataDirLockedError(dataDir, owner?.pid ?? -1);
}

function makeHandle(lockPath: string): DataDirLock {
  let released = false;
  const release = () => {
    if (released) return;
    released = true;
    heldHere.delete(lockPath);
    const owner = readLock(lockPath);
    if (owner?.pid === process.pid) fs.rmSync(lockPath, { force: true });
  };
  return { release };
}

/**
 * Writes the owner to a private file first, then links it to the lock's name: the link
 * either fails (someone holds the lock) or appears complete, so nobody ever reads a
 * half-written lock and mistakes it for a stale one.
 */
function tryCreate(lockPath: string, info: LockInfo): boolean {
  const draft = `${lockPath}.${process.pid}.${Date.now()}.tmp`;
  fs.writeFileSync(draft, JSON.stringify(info));
  try {
    fs.linkSync(draft, lockPath);
    return true;
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'EEXIST') return false;
    throw err;
  } finally {
    fs.rmSync(draft, { force: true });
  }
}

function readLock(lockPath: string): LockInfo | null {
  try {
    const parsed = JSON.parse(fs.readFileSync(lockPath, 'utf8')) as LockInfo;
    return typeof parsed.pid === 'number' ? parsed : null;
  } catch {
    // missing, or damaged (locks are linked into place whole, so not a writer in progress): stale
    return null;
  }
}

/** Removes a stale lock, but only while holding the recovery guard, and only if it is still the same stale lock. */
function recoverStale(dataDir: string, lockPath: string, seen: LockInfo | null): void {
  const guardPath = path.join(dataDir, GUARD_NAME);
  try {
    fs.mkdirSync(guardPath);
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw err;
    const age = Date.now() - fs.statSync(guardPath).mtimeMs;
    if (age > GUARD_STALE_MS) fs.rmSync(guardPath, { recursive: true, force: true });
    return; // someone else is recovering; the caller retries
  }
  try {
    const current = readLock(lockPath);
    const unchanged = JSON.stringify(current) === JSON.stringify(seen);
    if (unchanged && !(current && isAlive(current))) fs.rmSync(lockPath, { force: true });
  } finally {
    fs.rmSync(guardPath, { recursive: true, force: true });
  }
}

function isAlive(info: LockInfo): boolean {
  if (info.host !== os.hostname()) return true; // another machine on a shared disk: never steal
  if (info.pid === process.pid) return false;
  try {
    process.kill(info.pid, 0);
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === 'EPERM';
  }
  const start = processStartTime(info.pid);
  return info.startTime === null || start === null || start === info.startTime;
}

/** Field 22 of /proc/<pid>/stat: the start time in clock ticks since boot (Linux only). */
function processStartTime(pid: number): string | null {
  try {
    const stat = fs.readFileSync(`/proc/${pid}/stat`, 'utf8');
    const afterName = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return afterName[19] ?? null;
  } catch {
    return null;
  }
}
