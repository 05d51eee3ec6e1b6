import type { z } from 'zod';
import type { smartCheckInput, smartCheckResult } from '../../../contracts/goals.ts';
import { monthNumber } from '../../../core/goals/dates.ts';
import { judgedTargets } from '../../../core/goals/judged-targets.ts';
import { checkGoal } from '../../../core/goals/smart.ts';
import { suggestTarget } from '../../../core/goals/suggest-target.ts';
import type { GoalIndicator, HistoryPoint } from '../../../core/goals/types.ts';
import type { Db } from '../../db/client.ts';
import { type GoalActual, historyReader, type HistoryOwner, monthlyHistory } from './goal-history.ts';
import { findIndicatorRow, findPersonWithUnit, findPlanRange } from './goal-references.queries.ts';
import { today } from './goal-status.ts';

type Input = z.output<typeof smartCheckInput>;
type Result = z.infer<typeof smartCheckResult>;

/**
 * Whole months from the last month of history to the deadline's month (at least 1): how far a
 * suggested target projects the trend.
 * @example monthsAhead('2026-10', '2027-01-31') // 3
 */
export function monthsAhead(lastPeriod: string | undefined, deadline: string): number {
  return Math.max(1, (monthNumber(deadline) ?? 0) - (monthNumber(lastPeriod ?? today()) ?? 0));
}

/**
 * How far ahead a suggestion projects, and for how many months one target is: the nearest target
 * the Attainable check judges (core judgedTargets), so the suggestion is in the goal's own units —
 * a week's posts, a year's total — and never judged too low by the check it feeds.
 */
function suggestionReach(input: Input, indicator: GoalIndicator, deadline: string, history: HistoryPoint[], planStartsOn: string | undefined): { periodsAhead: number; monthsPerTarget: number } {
  const last = history.at(-1)?.period;
  const lastMonth = monthNumber(last ?? today()) ?? 0;
  const startsOn = input.startsOn ?? planStartsOn;
  const [near] = judgedTargets({ statement: '', indicator, target: input.target ?? null, baseline: input.baseline ?? null, startsOn, recurrence: input.recurrence ?? null }, deadline, lastMonth);
  return near ? { periodsAhead: near.periodsAhead, monthsPerTarget: near.scale } : { periodsAhead: monthsAhead(last, deadline), monthsPerTarget: 1 };
}

async function ownerOf(db: Db, workspaceId: string, owner: Input['owner']): Promise<HistoryOwner | null> {
  if (!owner) return null;
  if (owner.kind === 'company') return { kind: 'company', unitId: null, personId: null };
  if (owner.kind === 'unit') return { kind: 'unit', unitId: owner.unitId, personId: null };
  const person = await findPersonWithUnit(db, workspaceId, owner.personId);
  return person ? { kind: 'person', unitId: person.unitId, personId: owner.personId } : null;
}

/**
 * The SMART check of a goal being typed (the form calls it as the user types): its failed
 * letters, the history of its indicator for its owner, and a target suggested from that
 * history at the chosen ambition. Unknown references are simply not there yet — a half-filled
 * form is checked, never refused.
 */
export type HistoryLookup = (owner: HistoryOwner, indicatorId: string) => Promise<GoalActual[]>;

export async function smartCheck(db: Db, workspaceId: string, input: Input, lookup: HistoryLookup = (owner, id) => historyReader(db, workspaceId).actualsFor(owner, id)): Promise<Result> {
  const row = input.indicatorId ? await findIndicatorRow(db, workspaceId, input.indicatorId) : undefined;
  const indicator: GoalIndicator | null = row ? { key: row.key, name: row.name, nameEn: row.nameEn, unit: row.unit, direction: row.direction, perspective: row.perspective, rollUp: row.rollUp, definitions: row.terms.map((t) => t.definition) } : null;
  const plan = input.planId ? await findPlanRange(db, workspaceId, input.planId) : undefined;
  const owner = await ownerOf(db, workspaceId, input.owner);
  const actuals = row && owner ? await lookup(owner, row.id) : [];
  const history: HistoryPoint[] = monthlyHistory(actuals);
  const messages = checkGoal(
    {
      statement: input.statement,
      indicator,
      baseline: input.baseline ?? null,
      target: input.target ?? null,
      startsOn: input.startsOn ?? null,
      deadline: input.deadline ?? null,
      source: input.source ?? null,
      parent: input.parentId ?? null,
      history,
      recurrence: input.recurrence ?? null,
      periodTargets: Object.fromEntries((input.periodTargets ?? []).map((t) => [t.period, t.target])),
    },
    plan ? { planRange: plan } : {},
  );
  const deadline = input.deadline ?? plan?.endsOn;
  const suggestion = indicator && deadline ? suggestTarget(history, { ...suggestionReach(input, indicator, deadline, history, plan?.startsOn), direction: indicator.direction, ambition: input.ambition }) : null;
  return { messages, history: actuals, suggestion };
}
