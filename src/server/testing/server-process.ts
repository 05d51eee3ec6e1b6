import { type ChildProcess, spawn } from 'node:child_process';
import path from 'node:path';

const root = path.resolve(import.meta.dirname, '../../..');
export const KEDU_BIN = path.join(root, 'bin/kedu.js');

export type ServerProcess = { url: string; proc: ChildProcess; output: () => string; stop(signal?: NodeJS.Signals): Promise<number | null> };

/**
 * Runs `kedu serve` as a real process on a free port and waits until it says it is ready. The
 * time limit catches a start that hangs, not a slow one: on a loaded two-core machine (a CI run
 * beside other work, load average 13–18) starts took over the 60 s this once allowed.
 */
export async function startServerProcess(env: Record<string, string>, timeoutMs = 240_000): Promise<ServerProcess> {
  const proc = spawn(process.execPath, [KEDU_BIN, 'serve'], {
    cwd: root,
    env: { ...process.env, PORT: '0', HOST: '127.0.0.1', KEDU_LOG_FORMAT: 'json', KEDU_LOG_LEVEL: 'info', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  proc.stdout!.on('data', (d) => (output += d));
  proc.stderr!.on('data', (d) => (output += d));
  const exited = new Promise<number | null>((resolve) => proc.once('exit', (code) => resolve(code)));
  const url = await new Promise<string>((resolve, reject) => {
    // a start given up on is stopped, or it would run on after the test (seen: one ran for an hour)
    const timer = setTimeout(() => {
      proc.kill('SIGKILL');
      reject(new Error(`kedu serve did not start in ${timeoutMs} ms:\n${output}`));
    }, timeoutMs);
    const check = () => {
      const match = output.match(/is ready at (http:\/\/localhost:\d+)/);
      if (match) {
        clearTimeout(timer);
        resolve(match[1]);
      }
    };
    proc.stdout!.on('data', check);
    exited.then((code) => {
      clearTimeout(timer);
      reject(new Error(`kedu serve exited with ${code}:\n${output}`));
    });
  });
  return {
    url,
    proc,
    output: () => output,
    async stop(signal = 'SIGTERM') {
      if (proc.exitCode === null && proc.signalCode === null) proc.kill(signal);
      return exited;
    },
  };
}

/** Runs the kedu CLI to completion. */
export function runCli(args: string[], env: Record<string, string> = {}, input?: string): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    const proc = spawn(process.execPath, [KEDU_BIN, ...args], { cwd: root, env: { ...process.env, KEDU_LOG_LEVEL: 'warn', LANG: 'en_US.UTF-8', ...env }, stdio: ['pipe', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    proc.stdout.on('data', (d) => (stdout += d));
    proc.stderr.on('data', (d) => (stderr += d));
    proc.stdin.end(input ?? '');
    proc.once('exit', (code) => resolve({ code, stdout, stderr }));
  });
}

export async function getJson(url: string, init: RequestInit = {}) {
  const res = await fetch(url, init);
  return { status: res.status, body: (await res.json().catch(() => null)) as any };
}
