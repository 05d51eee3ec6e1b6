import type { DesignIssue, TemplatePeriod } from '../../api.ts';
import { currentLanguage } from '../../i18n/index.ts';

export const PERIODS: readonly TemplatePeriod[] = ['month', 'quarter', 'year'];

/** A weight or target as people read it: up to 4 decimals, grouped thousands. */
export const formatWeight = (n: number) => n.toLocaleString(currentLanguage(), { maximumFractionDigits: 4 });
export const formatNumber = (n: number) => n.toLocaleString(currentLanguage(), { maximumFractionDigits: 6 });

/** A design issue's message in the UI language. */
export const issueMessage = (issue: Pick<DesignIssue, 'message'>) => issue.message[currentLanguage()];

/** The server's path of a detail without its location prefix: ['body', 'card', 'indicators', 0] → ['indicators', 0]. */
export function stripPath(path: readonly (string | number)[] | undefined, ...prefix: string[]): (string | number)[] {
  let p = [...(path ?? [])];
  for (const part of prefix) {
    if (p[0] === part) p = p.slice(1);
  }
  return p;
}

/** `indicators[2].rule.tiers[0]`, as the scorecard file format writes a path. */
export const formatPath = (path: readonly (string | number)[]) =>
  path.reduce<string>((acc, part) => (typeof part === 'number' ? `${acc}[${part}]` : acc ? `${acc}.${part}` : String(part)), '');

/** The period this template would be scored for now: 2026-11, 2026-Q4 or 2026. */
export function currentPeriodLabel(kind: TemplatePeriod, now = new Date()): string {
  const y = now.getFullYear();
  if (kind === 'year') return String(y);
  if (kind === 'quarter') return `${y}-Q${Math.floor(now.getMonth() / 3) + 1}`;
  return `${y}-${String(now.getMonth() + 1).padStart(2, '0')}`;
}
