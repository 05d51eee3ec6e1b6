import fs from 'node:fs';
import { type DatasetImportResult, type DatasetPreview, datasetFromPreview } from '../contracts/datasets.ts';
import type { ErrorBody } from '../contracts/common.ts';
import type { Job } from '../contracts/jobs.ts';
import { headerKey } from '../core/datasets/templates.ts';
import type { Remote } from './api.command.ts';
import type { CliImportOptions, CliImportOutcome } from './import-run.ts';
import { CliError } from './cli-error.ts';
import { say } from './cli-messages.ts';

/** The options of a local import (import-run.ts), and who hears that the server queued the file as a job. */
export type RemoteImportOptions = CliImportOptions & { onQueued: (jobId: string) => void };

/** An answer the server refused: its error body, rendered by the caller with row and column. */
export class RemoteImportError extends Error {
  constructor(
    readonly status: number,
    readonly body: ErrorBody['error'],
  ) {
    super(body.message);
  }
}

/** How often a background import is asked how far it got. */
const POLL_MS = 500;

/**
 * `kedu import --url …`: the file goes to a running server (the same endpoints as the web app's
 * import), and a large one is followed as the server's background job — the rows the server has
 * read, then its result or its problems. Nothing is imported by this process itself.
 */
export async function importThroughServer(r: Remote, o: RemoteImportOptions): Promise<CliImportOutcome> {
  const { base, imported } = await uploadAndFollow(r, o);
  // then the server's job in which open cycles take their actuals from the new data
  const refresh = await followJob(r, base, (await json(r, 'GET', `${base}/jobs/${imported.actualsJob}`)) as Job);
  if (refresh.state === 'failed') return { imported, refreshedCycles: null, refreshError: refresh.error?.message ?? '' };
  return { imported, refreshedCycles: (refresh.result as { refreshedCycles?: number } | null)?.refreshedCycles ?? 0, refreshError: null };
}

async function uploadAndFollow(r: Remote, o: RemoteImportOptions): Promise<{ base: string; imported: DatasetImportResult }> {
  const ws = await workspaceOf(r, o);
  const base = `/api/v1/workspaces/${encodeURIComponent(ws)}`;
  const query = new URLSearchParams();
  if (o.replace) query.set('replace', 'true');
  if (o.sheet) query.set('sheet', o.sheet);
  const datasets = (await json(r, 'GET', `${base}/datasets`)) as { id: string; name: string }[];
  const existing = datasets.find((d) => d.name === o.dataset);
  let answer: unknown;
  if (existing) {
    answer = await upload(r, `${base}/datasets/${existing.id}/imports?${query}`, o);
  } else {
    const preview = (await upload(r, `${base}/datasets/preview${o.sheet ? `?sheet=${encodeURIComponent(o.sheet)}` : ''}`, o)) as DatasetPreview;
    if (!preview.template) throw new CliError(say('import.not_recognised', { headers: preview.headers.filter(Boolean).slice(0, 20).join(', ') }, o.lang), 2);
    const recognised = preview.template;
    if (o.template && ![recognised.key, recognised.name['zh-CN'], recognised.name.en].some((n) => headerKey(n) === headerKey(o.template!))) {
      throw new CliError(say('import.remote_template', { template: o.template, recognised: recognised.name[o.lang] }, o.lang), 2);
    }
    o.onCreate(o.dataset, recognised.name[o.lang]);
    answer = await upload(r, `${base}/datasets/import?${query}`, o, { dataset: JSON.stringify(datasetFromPreview(o.dataset, preview)) });
  }
  if (!(answer && typeof answer === 'object' && 'job' in answer)) return { base, imported: answer as DatasetImportResult };
  const job = (answer as { job: Job }).job;
  o.onQueued(job.id);
  const done = await followJob(r, base, job, (p) => o.onProgress({ rows: p.done, bytes: p.bytes ?? 0, totalBytes: p.totalBytes ?? 0 }));
  if (done.state === 'failed') throw new RemoteImportError(422, done.error ?? { code: 'job_failed', message: '', details: [] });
  return { base, imported: done.result as DatasetImportResult };
}


/** Asks for a job until it has finished, reporting its progress on the way. */
async function followJob(r: Remote, base: string, first: Job, onProgress?: (progress: NonNullable<Job['progress']>) => void): Promise<Job> {
  let job = first;
  for (;;) {
    if (job.progress) onProgress?.(job.progress);
    if (job.state === 'completed' || job.state === 'failed') return job;
    await new Promise((resolve) => setTimeout(resolve, POLL_MS));
    job = (await json(r, 'GET', `${base}/jobs/${job.id}`)) as Job;
  }
}

async function workspaceOf(r: Remote, o: RemoteImportOptions): Promise<string> {
  if (o.workspace) return o.workspace;
  const me = (await json(r, 'GET', '/api/v1/auth/me')) as { workspaces: { slug: string }[] };
  if (me.workspaces.length === 1) return me.workspaces[0]!.slug;
  if (me.workspaces.length === 0) throw new CliError(say('import.no_workspaces', {}, o.lang), 2);
  throw new CliError(say('import.pick_workspace', { slugs: me.workspaces.map((w) => w.slug).join(', ') }, o.lang), 2);
}

function headers(r: Remote, lang: string): Record<string, string> {
  return { authorization: `Bearer ${r.token}`, accept: 'application/json', 'accept-language': lang };
}

async function json(r: Remote, method: string, path: string): Promise<unknown> {
  return answerOf(r, await send(r, `${r.url}${path}`, { method, headers: headers(r, 'zh-CN') }));
}

/** The file as multipart (other fields first, as the server reads them before the file). */
async function upload(r: Remote, path: string, o: RemoteImportOptions, fields: Record<string, string> = {}): Promise<unknown> {
  const form = new FormData();
  for (const [name, value] of Object.entries(fields)) form.append(name, value);
  form.append('file', await fs.openAsBlob(o.file), o.fileName);
  return answerOf(r, await send(r, `${r.url}${path}`, { method: 'POST', headers: headers(r, o.lang), body: form }));
}

async function send(r: Remote, url: string, init: RequestInit): Promise<Response> {
  try {
    return await fetch(url, init);
  } catch (err) {
    const cause = (err as Error).cause;
    throw new CliError(say('api.unreachable', { url: r.url, detail: cause instanceof Error ? cause.message : (err as Error).message }), 1);
  }
}

async function answerOf(r: Remote, res: Response): Promise<unknown> {
  const text = await res.text();
  let body: unknown = null;
  try {
    body = JSON.parse(text);
  } catch {
    // not JSON: a proxy's error page, say
  }
  if (res.ok) return body;
  const error = (body as ErrorBody | null)?.error;
  throw new RemoteImportError(res.status, error ?? { code: String(res.status), message: `${res.status} ${res.statusText} from ${r.url}`, details: [] });
}
