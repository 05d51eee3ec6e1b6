import path from 'node:path';
import { z } from 'zod';

/**
 * The only reader of process.env. Everything the server needs from its environment is
 * validated here once, at boot, so a bad value stops the process with a clear message
 * instead of failing later in a request.
 */
const envSchema = z.object({
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  HOST: z.string().min(1).default('0.0.0.0'),
  DATABASE_URL: z
    .string()
    .regex(/^postgres(ql)?:\/\//, 'must start with postgres:// or postgresql://')
    .optional(),
  KEDU_DATA_DIR: z.string().min(1).default('./data'),
  KEDU_DEMO: z.enum(['on', 'off']).default('on'),
  KEDU_LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  KEDU_LOG_FORMAT: z.enum(['json', 'pretty']).optional(),
  KEDU_SECURE_COOKIES: z.enum(['auto', 'on', 'off']).default('auto'),
  KEDU_SESSION_DAYS: z.coerce.number().int().min(1).max(365).default(14),
  KEDU_READ_CACHE_SECONDS: z.coerce.number().int().min(0).max(3600).default(60),
  KEDU_IDENTITY_CACHE_SECONDS: z.coerce.number().int().min(0).max(3600).default(5),
  KEDU_TRUST_PROXY: z
    .string()
    .regex(/^(off|on|\d+|[0-9a-fA-F.:/]+(,[0-9a-fA-F.:/]+)*)$/, 'off, on, a number of proxy hops, or comma-separated proxy addresses/CIDRs')
    .default('off'),
  KEDU_STATUS_REFRESH_CRON: z
    .string()
    .regex(/^\S+( \S+){4}$/, 'a cron expression of five fields, e.g. "0 0 * * *"')
    .default('0 0 * * *'),
  KEDU_IMPORT_JOB_MB: z.coerce.number().min(0).max(1024).default(2),
  KEDU_DATASET_UPLOAD_MB: z.coerce.number().int().min(1).max(1024).default(1024),
  KEDU_RECOMPUTE_JOB_PARTICIPANTS: z.coerce.number().int().min(0).max(1_000_000).default(2000),
  KEDU_JOB_LOST_SECONDS: z.coerce.number().int().min(6).max(3600).default(90),
  NODE_ENV: z.string().default('production'),
});

export type Config = {
  port: number;
  host: string;
  /** A PostgreSQL server, or undefined for the embedded database in dataDir. */
  databaseUrl: string | undefined;
  /** The data folder: the embedded database (without databaseUrl) and, with either database, the uploads being read (`uploads/`, swept at start). */
  dataDir: string;
  demoEnabled: boolean;
  logLevel: z.infer<typeof envSchema>['KEDU_LOG_LEVEL'];
  logFormat: 'json' | 'pretty';
  secureCookies: 'auto' | 'on' | 'off';
  sessionDays: number;
  /** How long a dashboard's answer, or an owner's history read by the goal form, may be reused when nothing changed through the API (0: never). */
  readCacheSeconds: number;
  /** How long who a credential is (and their role) is reused; any write, on any instance, forgets it sooner. */
  identityCacheSeconds: number;
  /** Whose X-Forwarded-For to believe (client addresses feed login throttling and the audit log). */
  trustProxy: boolean | number | string[];
  /** When the goal statuses of every workspace are brought up to the new day (cron, server time zone). */
  statusRefreshCron: string;
  /** Files larger than this (bytes) are imported as a background job with progress; smaller ones within the request. */
  importJobBytes: number;
  /** A dataset file larger than this (bytes) is refused (413) as it arrives. */
  datasetUploadBytes: number;
  /** A cycle of more participants than this is recomputed as a background job. */
  recomputeJobParticipants: number;
  /** On PostgreSQL: a running job not heard of for this long lost its server and is tried again. */
  jobLostSeconds: number;
};

export class ConfigError extends Error {}

/** Reads and validates the environment; throws ConfigError naming every bad variable. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const cleaned = Object.fromEntries(Object.entries(env).filter(([, v]) => v !== ''));
  const parsed = envSchema.safeParse(cleaned);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `  ${i.path.join('.')}: ${i.message}`);
    throw new ConfigError(`Invalid configuration:\n${lines.join('\n')}\nSee .env.example for every variable.`);
  }
  const e = parsed.data;
  return {
    port: e.PORT,
    host: e.HOST,
    databaseUrl: e.DATABASE_URL,
    dataDir: path.resolve(e.KEDU_DATA_DIR),
    demoEnabled: e.KEDU_DEMO === 'on',
    logLevel: e.KEDU_LOG_LEVEL,
    logFormat: e.KEDU_LOG_FORMAT ?? (process.stdout.isTTY ? 'pretty' : 'json'),
    secureCookies: e.KEDU_SECURE_COOKIES,
    sessionDays: e.KEDU_SESSION_DAYS,
    readCacheSeconds: e.KEDU_READ_CACHE_SECONDS,
    identityCacheSeconds: e.KEDU_IDENTITY_CACHE_SECONDS,
    trustProxy: parseTrustProxy(e.KEDU_TRUST_PROXY),
    statusRefreshCron: e.KEDU_STATUS_REFRESH_CRON,
    importJobBytes: Math.round(e.KEDU_IMPORT_JOB_MB * 1024 * 1024),
    datasetUploadBytes: e.KEDU_DATASET_UPLOAD_MB * 1024 * 1024,
    jobLostSeconds: e.KEDU_JOB_LOST_SECONDS,
    recomputeJobParticipants: e.KEDU_RECOMPUTE_JOB_PARTICIPANTS,
  };
}

function parseTrustProxy(value: string): boolean | number | string[] {
  if (value === 'off') return false;
  if (value === 'on') return true;
  if (/^\d+$/.test(value)) return Number(value);
  return value.split(',');
}
