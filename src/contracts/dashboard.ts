import { z } from 'zod';
import { PERSPECTIVES } from '../core/indicators/types.ts';
import { uuid } from './common.ts';
import { goalStatus, recurrence, statusCounts } from './goals.ts';

/**
 * The home dashboard, one view per role (docs/dashboard.md): my goals and scorecard (everyone),
 * my team's goals and scores (managers: their units; admins: everyone), the company's goal tree,
 * balanced scorecard, key indicators and ranking (admins). Every number carries the id it links to.
 */

const asOf = z.string().describe('YYYY-MM-DD: the day the statuses are for (today on the server)');
const cycleRef = z.object({ id: uuid, name: z.string(), periodLabel: z.string() });
const ownerRef = z.object({ kind: z.enum(['company', 'unit', 'person']), id: uuid.nullable(), name: z.string() });
const indicatorRef = z.object({ name: z.string(), nameEn: z.string().nullable(), unit: z.string() });

export const dashboardGoal = z.object({
  id: uuid,
  planId: uuid,
  planName: z.string(),
  statement: z.string(),
  indicator: indicatorRef,
  status: goalStatus,
  progress: z.number().nullable(),
  target: z.number(),
  current: z.number().nullable(),
  deadline: z.string(),
  /** A recurring goal's period (null: one-off): its progress and current value are the period's in progress. */
  recurrence: recurrence.nullable(),
  /** A recurring goal's target for its period in progress; null for a one-off goal. */
  periodTarget: z.number().nullable(),
});

/** A result in a cycle: the total that counts (adjusted, else computed) and its grade; participantId links to the explanation. */
export const scoreRef = z.object({
  cycle: cycleRef,
  participantId: uuid,
  total: z.number().nullable(),
  adjusted: z.boolean(),
  grade: z.string().nullable(),
  status: z.enum(['complete', 'incomplete', 'invalid']),
  cycleState: z.enum(['draft', 'open', 'calibrating', 'closed']),
});

export const myDashboard = z.object({
  asOf,
  personId: uuid.nullable(),
  goals: z.array(dashboardGoal),
  statusCounts,
  scorecard: scoreRef.nullable().describe('the newest counting (not trial) cycle the viewer takes part in'),
  trend: z.array(scoreRef).describe('the totals of the last 12 cycles, oldest first'),
});

export const atRiskGoal = z.object({
  id: uuid,
  statement: z.string(),
  owner: ownerRef,
  status: goalStatus,
  progress: z.number().nullable(),
  /** The share of the goal's time passed; for a recurring goal, of its period in progress. */
  elapsed: z.number(),
  /** elapsed − max(progress, 0): how far behind its time the goal is. */
  gap: z.number(),
  deadline: z.string(),
  recurrence: recurrence.nullable(),
});

export const personGoals = z.object({ personId: uuid, name: z.string(), unitName: z.string().nullable(), goalCount: z.number().int(), onTrack: z.number().int(), onTrackShare: z.number() });

export const SCORE_BUCKETS = ['lt60', '60-70', '70-80', '80-90', '90-100', 'ge100'] as const;
export const scoreDistribution = z.object({
  cycle: cycleRef.nullable(),
  participants: z.number().int().describe('people in scope with a total in that cycle'),
  grades: z.array(z.object({ grade: z.string(), count: z.number().int() })).describe('best grade first'),
  buckets: z.array(z.object({ bucket: z.enum(SCORE_BUCKETS), count: z.number().int() })),
});

export const teamDashboard = z.object({
  asOf,
  scope: z.enum(['all', 'units']),
  goalCount: z.number().int(),
  statusCounts,
  atRisk: z.array(atRiskGoal).describe('at risk and off track, furthest behind first, at most 20'),
  people: z.array(personGoals).describe('the people with goals, least on track first, at most 30'),
  peopleWithGoals: z.number().int(),
  distribution: scoreDistribution,
});

export const levelHealth = z.object({ level: z.enum(['company', 'unit', 'person']), total: z.number().int(), statusCounts });
export const unitHealth = z.object({ unitId: uuid, name: z.string(), total: z.number().int(), statusCounts });
export const radarPoint = z.object({ perspective: z.enum(PERSPECTIVES), average: z.number().nullable(), withProgress: z.number().int(), goalCount: z.number().int() });
export const keyIndicatorTrend = z.object({
  goalId: uuid,
  statement: z.string(),
  indicator: indicatorRef,
  /** lower: the goal is met at or below its target (员工流失率), so its share of the target is target ÷ value. */
  direction: z.enum(['higher', 'lower']),
  target: z.number(),
  deadline: z.string(),
  points: z.array(z.object({ month: z.string(), value: z.number() })).describe('the last check-in of each month, oldest first'),
});
export const rankingEntry = z.object({ rank: z.number().int(), participantId: uuid, personId: uuid, name: z.string(), unitName: z.string().nullable(), total: z.number(), grade: z.string().nullable() });

export const companyDashboard = z.object({
  asOf,
  levels: z.array(levelHealth),
  units: z.array(unitHealth).describe('per top-level unit: its own and its subtree’s unit goals and the goals of the people in it'),
  radar: z.array(radarPoint),
  trends: z.array(keyIndicatorTrend).describe('company-owned goals, at most 6'),
  ranking: z.object({ cycle: cycleRef.nullable(), items: z.array(rankingEntry) }),
});

export type MyDashboard = z.infer<typeof myDashboard>;
export type TeamDashboard = z.infer<typeof teamDashboard>;
export type CompanyDashboard = z.infer<typeof companyDashboard>;
export type ScoreRef = z.infer<typeof scoreRef>;
export type ScoreDistribution = z.infer<typeof scoreDistribution>;
