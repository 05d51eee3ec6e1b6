import { z } from 'zod';
import { errorBody } from './common.ts';

export const jobState = z.enum(['queued', 'running', 'completed', 'failed']);
export type JobState = z.infer<typeof jobState>;

export const jobProgress = z.object({
  /** Rows read (an import), workspaces refreshed … so far. */
  done: z.number(),
  /** How many there will be, when known beforehand. */
  total: z.number().nullable(),
  unit: z.enum(['rows', 'bytes', 'items']),
  /** An import also reports how much of its file it has read, so a bar can move before the row count is known. */
  bytes: z.number().optional(),
  totalBytes: z.number().optional(),
  /** The stage of a job of several (the large demo seed: organisation, cycles, goals …). */
  step: z.string().optional(),
});

/** A background job as people follow it (GET /jobs/:id): where it is, how far it got, and its result or why it failed. */
export const job = z.object({
  id: z.uuid(),
  kind: z.string(),
  state: jobState,
  /** What it is about (the file name of an import). */
  subject: z.string(),
  progress: jobProgress.nullable(),
  /** The kind's own result once completed (an import's: the same body as a synchronous import). */
  result: z.unknown().nullable(),
  /** Why it failed — or, while `queued` again after a failed try, why that try failed. */
  error: errorBody.shape.error.nullable(),
  attempts: z.number().int(),
  createdAt: z.string(),
  startedAt: z.string().nullable(),
  finishedAt: z.string().nullable(),
});
export type Job = z.infer<typeof job>;

/** The answer of a request whose work continues as a job (202 Accepted). */
export const jobAccepted = z.object({ job });
