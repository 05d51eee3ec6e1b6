import { describe, expect, it } from 'vitest';
import { AppError, ifNotFound, notFound } from './errors.ts';

describe('ifNotFound', () => {
  const unknownPlan = () => new AppError('validation_failed', { count: 1 }, [{ path: ['body', 'planId'], code: 'goal.plan_unknown' }]);

  it('turns the lookup’s not-found into the caller’s located error', async () => {
    await expect(Promise.reject(notFound('plan')).catch(ifNotFound(unknownPlan))).rejects.toMatchObject({ code: 'validation_failed', details: [{ code: 'goal.plan_unknown' }] });
  });

  it('lets any other failure through unchanged: an outage is not the user’s mistake', async () => {
    const outage = Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:5432'), { code: 'ECONNREFUSED' });
    await expect(Promise.reject(outage).catch(ifNotFound(unknownPlan))).rejects.toBe(outage);
    const forbidden = new AppError('forbidden');
    await expect(Promise.reject(forbidden).catch(ifNotFound(unknownPlan))).rejects.toBe(forbidden);
  });
});
