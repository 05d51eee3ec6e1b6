import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { ratingInput, ratingParams, ratingResult } from '../../../../contracts/cycle-results.ts';
import type { AppDeps } from '../../../http/deps.ts';
import { route } from '../../../http/workspace-scope.ts';
import { rate } from './ratings.service.ts';

/** Manual ratings: the person's self-rating, then the manager's. Thin: validate, authorise, call the service. */
export const ratingRoutes: FastifyPluginAsyncZod<AppDeps> = async (app, { database: { db } }) => {
  const tags = ['appraisal results'];
  const path = '/cycles/:id/participants/:pid/ratings/:key';
  const describe = (who: string) =>
    `${who} A 400 located at params.key when :key is not a manual indicator of the participant's scorecard, at body.rating when the rating is outside its scale (default 1–5). ` +
    'Both ratings are kept; only the manager\'s counts. Closed cycles answer 409 cycle_locked.';

  const roles = {
    self: { summary: 'Rate yourself on a manual indicator (open cycles)', who: 'Only the participant themselves.' },
    manager: {
      summary: 'Rate a participant on a manual indicator as their manager (open or calibrating cycles); this rating counts',
      who: "The participant's manager or an admin, never for oneself.",
    },
  } as const;

  for (const as of ['self', 'manager'] as const) {
    app.put(
      `${path}/${as}`,
      { config: route('results.participate'), schema: { tags, summary: roles[as].summary, description: describe(roles[as].who), params: ratingParams, body: ratingInput, response: { 200: ratingResult } } },
      async (request) => {
        const { id, pid, key } = request.params;
        return rate(db, request.ctx, { cycleId: id, participantId: pid, key }, as, request.body);
      },
    );
  }
};
