/**
 * Recurring goals (docs/goals.md §2b): "每月发布 3 条高质量内容" is one commitment kept every
 * month, not one number reached once. A recurring goal's span (its start to its deadline, by
 * default its plan's or phase's) is cut into calendar weeks, months or quarters; each period has
 * its own target. Pure calendar arithmetic, in UTC days.
 */
import { addDays } from '../values/periods.ts';
import { dayNumber } from './dates.ts';

/** How often a recurring goal's target applies: every ISO week, calendar month or quarter. */
export const RECURRENCES = ['week', 'month', 'quarter'] as const;
export type Recurrence = (typeof RECURRENCES)[number];

/** A goal's span is cut into at most this many periods (a year of weeks is 53). */
export const MAX_GOAL_PERIODS = 160;

/** One period of a recurring goal: its label (`2027-03`, `2027-Q1`, `2027-W09`) and the days of it inside the goal's span. */
export type GoalPeriod = { label: string; startsOn: string; endsOn: string };

const pad = (n: number) => String(n).padStart(2, '0');

/**
 * The label of the calendar period of a kind that holds a day: `2027-03`, `2027-Q1`, or the
 * ISO week `2027-W09` (weeks start on Monday; the week belongs to the year of its Thursday).
 *
 * @example
 * periodLabelOf('2027-01-01', 'week');    // → '2026-W53'
 * periodLabelOf('2027-05-20', 'quarter'); // → '2027-Q2'
 */
export function periodLabelOf(day: string, recurrence: Recurrence): string {
  const [year, month] = [Number(day.slice(0, 4)), Number(day.slice(5, 7))];
  if (recurrence === 'month') return day.slice(0, 7);
  if (recurrence === 'quarter') return `${year}-Q${Math.floor((month - 1) / 3) + 1}`;
  const thursday = addDays(weekStart(day), 3);
  const thursdayYear = Number(thursday.slice(0, 4));
  const week = Math.floor((dayNumber(thursday)! - dayNumber(`${thursdayYear}-01-01`)!) / 7) + 1;
  return `${thursdayYear}-W${pad(week)}`;
}

/** The Monday of a day's ISO week. */
function weekStart(day: string): string {
  const weekday = (new Date(`${day}T00:00:00Z`).getUTCDay() + 6) % 7; // Monday 0 … Sunday 6
  return addDays(day, -weekday);
}

/** The first day of the calendar period of a kind that holds a day. */
function calendarStart(day: string, recurrence: Recurrence): string {
  if (recurrence === 'week') return weekStart(day);
  const month = Number(day.slice(5, 7));
  const first = recurrence === 'month' ? month : Math.floor((month - 1) / 3) * 3 + 1;
  return `${day.slice(0, 4)}-${pad(first)}-01`;
}

/** The first day of the next calendar period after the one starting on `start`. */
function nextStart(start: string, recurrence: Recurrence): string {
  if (recurrence === 'week') return addDays(start, 7);
  const months = recurrence === 'month' ? 1 : 3;
  const d = new Date(Date.UTC(Number(start.slice(0, 4)), Number(start.slice(5, 7)) - 1 + months, 1));
  return d.toISOString().slice(0, 10);
}

/**
 * The whole calendar period of a kind that holds a day, unclipped.
 *
 * @example
 * calendarPeriodOf('2027-02-10', 'quarter'); // → { label: '2027-Q1', startsOn: '2027-01-01', endsOn: '2027-03-31' }
 */
export function calendarPeriodOf(day: string, recurrence: Recurrence): GoalPeriod {
  const start = calendarStart(day, recurrence);
  return { label: periodLabelOf(start, recurrence), startsOn: start, endsOn: addDays(nextStart(start, recurrence), -1) };
}

/**
 * The share of its whole calendar period a (possibly clipped) period of a goal covers, in days:
 * a goal starting on 15 March has 17 of March's 31.
 *
 * @example periodShare({ label: '2027-03', startsOn: '2027-03-15', endsOn: '2027-03-31' }, 'month'); // → 17 / 31
 */
export function periodShare(p: GoalPeriod, recurrence: Recurrence): number {
  const whole = calendarPeriodOf(p.startsOn, recurrence);
  const days = (from: string, to: string) => dayNumber(to)! - dayNumber(from)! + 1;
  return days(p.startsOn, p.endsOn) / days(whole.startsOn, whole.endsOn);
}

/**
 * The periods of a recurring goal from its start to its deadline, each clipped to that span
 * (a goal starting on 15 March has a March of 17 days). Empty when the deadline is before the
 * start; at most MAX_GOAL_PERIODS.
 *
 * @example
 * goalPeriods('2027-01-15', '2027-03-31', 'month');
 * // → [{ label: '2027-01', startsOn: '2027-01-15', endsOn: '2027-01-31' },
 * //    { label: '2027-02', startsOn: '2027-02-01', endsOn: '2027-02-28' },
 * //    { label: '2027-03', startsOn: '2027-03-01', endsOn: '2027-03-31' }]
 */
export function goalPeriods(startsOn: string, deadline: string, recurrence: Recurrence): GoalPeriod[] {
  if (dayNumber(startsOn) === null || dayNumber(deadline) === null || deadline < startsOn) return [];
  const periods: GoalPeriod[] = [];
  for (let start = calendarStart(startsOn, recurrence); start <= deadline && periods.length < MAX_GOAL_PERIODS; start = nextStart(start, recurrence)) {
    const end = addDays(nextStart(start, recurrence), -1);
    periods.push({ label: periodLabelOf(start, recurrence), startsOn: start < startsOn ? startsOn : start, endsOn: end > deadline ? deadline : end });
  }
  return periods;
}

/**
 * Whether a span holds more periods than a goal may have (MAX_GOAL_PERIODS): such a goal is
 * refused rather than silently cut short.
 *
 * @example tooManyPeriods('2027-01-01', '2030-12-31', 'week'); // → true (209 weeks)
 */
export function tooManyPeriods(startsOn: string, deadline: string, recurrence: Recurrence): boolean {
  const periods = goalPeriods(startsOn, deadline, recurrence);
  return periods.length === MAX_GOAL_PERIODS && periods[periods.length - 1].endsOn < deadline;
}

/**
 * How many of a recurrence's periods make a month, for comparing a recurring target with
 * monthly history: a week is 7 of a month's 30.44 days, a quarter is three months.
 *
 * @example monthsPerPeriod('quarter'); // → 3
 */
export function monthsPerPeriod(recurrence: Recurrence): number {
  return recurrence === 'week' ? 7 / 30.436875 : recurrence === 'month' ? 1 : 3;
}
