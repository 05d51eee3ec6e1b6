import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppDeps } from '../../http/deps.ts';

const PROBE_TIMEOUT_MS = 150;
/** A database working on a query started this recently, or that answered this recently, is busy, not down. */
const BUSY_GRACE_MS = 60_000;

const healthBody = z.object({ status: z.enum(['ok', 'unavailable']), database: z.enum(['ok', 'busy', 'unavailable']), version: z.string() });

/**
 * /healthz answers within ~150 ms whatever the database is doing. The embedded database
 * runs one statement at a time, so while a long query runs a probe would have to wait
 * for it; then the answer is "busy" (200) as long as queries are still completing.
 */
export const healthRoutes: FastifyPluginAsyncZod<AppDeps> = async (app, { database, version }) => {
  app.get('/healthz', { schema: { tags: ['health'], summary: 'Liveness and database health', response: { 200: healthBody, 503: healthBody } } }, async (_request, reply) => {
    const probe = database.pool.query('select 1').then(
      () => 'ok' as const,
      () => 'unavailable' as const,
    );
    const timeout = new Promise<'timeout'>((resolve) => setTimeout(() => resolve('timeout'), PROBE_TIMEOUT_MS).unref());
    let state: 'ok' | 'busy' | 'unavailable' | 'timeout' = await Promise.race([probe, timeout]);
    if (state === 'timeout') {
      // the probe is queued behind other work: busy if that work is recent, or queries still complete
      const now = Date.now();
      const oldest = database.oldestQueryStartedAt();
      const working = (oldest !== null && now - oldest < BUSY_GRACE_MS) || now - database.lastAnsweredAt() < BUSY_GRACE_MS;
      state = working ? 'busy' : 'unavailable';
    }
    const healthy = state !== 'unavailable';
    reply.status(healthy ? 200 : 503);
    return { status: healthy ? ('ok' as const) : ('unavailable' as const), database: state, version };
  });
};
