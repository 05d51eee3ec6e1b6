import { useMemo } from 'react';
import type { ScorecardTemplate } from '../../api.ts';
import { useDebounced } from '../../components/use-debounced.ts';
import { fromCheck, mergeIssues } from './issues.ts';
import { useDesignCheck } from './scorecards-queries.ts';
import type { TemplateDraft } from './use-template-draft.ts';

/**
 * The issues to show on the design: the live design check of the card as it stood for 400 ms
 * (or, while the card is the saved one, the template's stored check), with the last save's.
 * `checking` while the shown check is not yet of the card on screen.
 */
export function useDesignIssues(ws: string, template: ScorecardTemplate | null, { draft, fingerprint, baseline, saveIssues }: TemplateDraft) {
  const checked = useDebounced(fingerprint, 400);
  const hasIndicators = draft.indicators.length > 0;
  const check = useDesignCheck(ws, checked, hasIndicators);
  const stale = checked !== fingerprint || check.isFetching;
  const issues = useMemo(() => {
    const base = hasIndicators && check.data ? check.data : template && fingerprint === baseline.card ? fromCheck({ ok: true, issues: template.design }) : [];
    return mergeIssues(base, saveIssues);
  }, [check.data, saveIssues, hasIndicators, template, fingerprint, baseline.card]);
  return { issues, checking: stale && hasIndicators };
}
