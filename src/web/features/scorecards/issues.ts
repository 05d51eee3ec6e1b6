/**
 * The design check's problems, located inside the card (['indicators', 0, 'weight']), for the
 * editor to put next to the fields they concern. Pure.
 */
import type { CardCheck, ErrorDetail } from '../../api.ts';
import { issueMessage, stripPath } from './labels.ts';

export type Severity = 'error' | 'warning' | 'info';
export type LocatedIssue = { severity: Severity; code: string; path: (string | number)[]; message: string };

export function fromCheck(check: CardCheck): LocatedIssue[] {
  return check.issues.map((i) => ({ severity: i.severity, code: i.code, path: i.path, message: issueMessage(i) }));
}

/** A refused card's details (400 of /check, POST or PATCH) as errors located inside the card. */
export function fromDetails(details: readonly ErrorDetail[]): LocatedIssue[] {
  return details
    .filter((d) => d.path?.[0] === 'body' && d.path[1] === 'card')
    .map((d) => ({ severity: 'error' as const, code: d.code, path: stripPath(d.path, 'body', 'card'), message: d.message }));
}

const startsWith = (path: readonly (string | number)[], prefix: readonly (string | number)[]) =>
  prefix.length <= path.length && prefix.every((p, i) => p === path[i]);

/** The issues at a field (its own path or below it); `exact` for a row that has its own fields below. */
export function issuesAt(issues: readonly LocatedIssue[], path: readonly (string | number)[], exact = false): LocatedIssue[] {
  return issues.filter((i) => (exact ? i.path.length === path.length && startsWith(i.path, path) : startsWith(i.path, path)));
}

/** The antd status of a field: red for an error, orange for a warning; hints stay in the list. */
export function statusOf(issues: readonly LocatedIssue[]): 'error' | 'warning' | undefined {
  if (issues.some((i) => i.severity === 'error')) return 'error';
  if (issues.some((i) => i.severity === 'warning')) return 'warning';
  return undefined;
}

/** Merges two lists without repeating the same problem. */
export function mergeIssues(a: readonly LocatedIssue[], b: readonly LocatedIssue[]): LocatedIssue[] {
  const seen = new Set(a.map((i) => `${i.path.join('.')}|${i.message}`));
  return [...a, ...b.filter((i) => !seen.has(`${i.path.join('.')}|${i.message}`))];
}

const rank: Record<Severity, number> = { error: 0, warning: 1, info: 2 };
export const bySeverity = (issues: readonly LocatedIssue[]) => [...issues].sort((x, y) => rank[x.severity] - rank[y.severity]);
