import pino from 'pino';
import type { Config } from './config.ts';

/** pino: JSON lines in production, human-readable on a terminal. */
export function createLogger(config: Pick<Config, 'logLevel' | 'logFormat'>) {
  return pino({
    level: config.logLevel,
    redact: { paths: ['req.headers.authorization', 'req.headers.cookie', 'req.headers["x-csrf-token"]'], censor: '[redacted]' },
    transport: config.logFormat === 'pretty' ? { target: 'pino-pretty', options: { translateTime: 'SYS:HH:MM:ss', ignore: 'pid,hostname' } } : undefined,
  });
}
