/**
 * Writes the large demo's appraisal: three monthly templates assigned to positions, and the
 * closed monthly cycles before the current month, each with a participant per person, their
 * term values (the month's actuals), the manager's ratings and the frozen result — scored by
 * the product's own engine in memory and inserted in bulk, so results and inputs agree.
 */
import type { ScoreResult } from '../../../core/scoring/types.ts';
import type { Tx } from '../../db/client.ts';
import { participantScorer } from '../cycles/index.ts';
import { bulkInsert, cardOfTemplate, insertClosedCycle } from './large-demo.queries.ts';
import { CARD_TEMPLATES, type CardTemplate } from './large-demo.cards.ts';
import type { Org } from './large-demo.org.ts';
import { monthBefore, monthEnd } from './large-demo.plans.ts';
import type { Random } from './large-demo.random.ts';

type Participant = { id: string; person: number; template: CardTemplate; templateId: string; result: ScoreResult; terms: Record<string, number>; ratings: Record<string, number> };
type Ctx = { tx: Tx; random: Random; workspaceId: string; org: Org; positionIds: ReadonlyMap<string, string>; newId: () => string };

const pad = (n: number) => String(n).padStart(2, '0');

export async function insertAppraisal(ctx: Ctx, today: string, months: number, progress: (cycle: number) => void): Promise<{ cycles: number; participants: number }> {
  const { tx, workspaceId, org } = ctx;
  const templateIds = new Map(CARD_TEMPLATES.map((t) => [t, ctx.newId()]));
  await bulkInsert(tx, 'scorecard_templates', { id: { type: 'uuid', value: (t) => templateIds.get(t) }, workspace_id: { type: 'uuid', value: () => workspaceId }, name: { type: 'text', value: (t) => t.name }, description: { type: 'text', value: (t) => t.description }, period: { type: 'text', value: () => 'month' }, card: { type: 'jsonb', value: (t) => t.card } }, CARD_TEMPLATES);
  const assignments = CARD_TEMPLATES.flatMap((t) => t.positions.map((position) => ({ templateId: templateIds.get(t)!, positionId: ctx.positionIds.get(position)! })));
  await bulkInsert(tx, 'template_assignments', { workspace_id: { type: 'uuid', value: () => workspaceId }, template_id: { type: 'uuid', value: (a) => a.templateId }, period: { type: 'text', value: () => 'month' }, position_id: { type: 'uuid', value: (a) => a.positionId } }, assignments);

  const templateOf = new Map(CARD_TEMPLATES.flatMap((t) => t.positions.map((p) => [p, t] as const)));
  // a person's usual form, steady over the months: some are strong, some struggle
  const skill = org.people.map(() => ctx.random.between(0.72, 1.22));
  const score = participantScorer();
  let participants = 0;
  for (let back = months; back >= 1; back--) {
    const { year, month } = monthBefore(today, back);
    const cycleId = ctx.newId();
    const closedAt = new Date(Date.UTC(month === 12 ? year + 1 : year, month % 12, 6, 9, 30));
    await insertClosedCycle(tx, {
      id: cycleId,
      workspaceId,
      name: `${year}年${month}月考核`,
      periodLabel: `${year}-${pad(month)}`,
      startsOn: `${year}-${pad(month)}-01`,
      endsOn: monthEnd(year, month),
      openedAt: new Date(closedAt.getTime() - 5 * 86_400_000),
      closedAt,
    });
    // the year-end push: the fourth quarter runs hotter than the summer
    const season = month >= 10 ? 1.06 : month >= 6 && month <= 8 ? 0.95 : 1;
    const rows: Participant[] = org.people.map((person, p) => {
      const template = templateOf.get(person.position)!;
      const { terms, ratings } = template.actuals(ctx.random, skill[p] * season * ctx.random.between(0.88, 1.12));
      const result = score({ card: template.card, notApplicable: [], terms, managerRatings: ratings });
      return { id: ctx.newId(), person: p, template, templateId: templateIds.get(template)!, result, terms, ratings };
    });
    await insertCycleRows(ctx, cycleId, closedAt, rows);
    participants += rows.length;
    progress(months - back + 1);
  }
  return { cycles: months, participants };
}

async function insertCycleRows(ctx: Ctx, cycleId: string, closedAt: Date, rows: Participant[]): Promise<void> {
  const { tx, workspaceId, org } = ctx;
  await bulkInsert(
    tx,
    'cycle_participants',
    {
      id: { type: 'uuid', value: (r) => r.id },
      workspace_id: { type: 'uuid', value: () => workspaceId },
      cycle_id: { type: 'uuid', value: () => cycleId },
      person_id: { type: 'uuid', value: (r) => org.people[r.person].id },
      unit_id: { type: 'uuid', value: (r) => org.units[org.people[r.person].unit].id },
      template_id: { type: 'uuid', value: (r) => r.templateId },
      template_name: { type: 'text', value: (r) => r.template.name },
      status: { type: 'text', value: (r) => r.result.status },
      subtotal: { type: 'float8', value: (r) => r.result.subtotal },
      total: { type: 'float8', value: (r) => r.result.total },
      grade: { type: 'text', value: (r) => r.result.grade },
      final_grade: { type: 'text', value: (r) => r.result.grade },
      frozen_result: { type: 'jsonb', value: (r) => r.result },
      computed_at: { type: 'timestamptz', value: () => closedAt },
    },
    rows,
    // every participant of a template has its card: taken from the template in the database, not sent 2,000 times
    { card: cardOfTemplate },
  );
  const terms = rows.flatMap((r) => Object.entries(r.terms).map(([term, value]) => ({ id: r.id, term, value })));
  await bulkInsert(tx, 'cycle_term_values', { participant_id: { type: 'uuid', value: (t) => t.id }, term: { type: 'text', value: (t) => t.term }, value: { type: 'float8', value: (t) => t.value }, source: { type: 'text', value: () => 'entry' }, updated_at: { type: 'timestamptz', value: () => closedAt } }, terms);
  const ratings = rows.flatMap((r) => Object.entries(r.ratings).map(([key, value]) => ({ id: r.id, key, value, self: ctx.random.chance(0.4) ? Math.min(5, value + (ctx.random.chance(0.5) ? 1 : 0)) : null })));
  await bulkInsert(
    tx,
    'manual_ratings',
    {
      participant_id: { type: 'uuid', value: (r) => r.id },
      indicator_key: { type: 'text', value: (r) => r.key },
      self_rating: { type: 'float8', value: (r) => r.self },
      self_at: { type: 'timestamptz', value: (r) => (r.self === null ? null : closedAt) },
      manager_rating: { type: 'float8', value: (r) => r.value },
      manager_at: { type: 'timestamptz', value: () => closedAt },
    },
    ratings,
  );
}
