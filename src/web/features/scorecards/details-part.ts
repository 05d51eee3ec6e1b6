import type { IndicatorDraft } from './card-draft.ts';
import type { LocatedIssue } from './issues.ts';

/** Props of a percentage input (achievement thresholds). */
export const pctProps = { addonAfter: '%', style: { width: 130 } };

/** What each part of an indicator's expanded row gets: the indicator, its issues, their paths and a patcher. */
export type DetailsPartProps = {
  d: IndicatorDraft;
  issues: LocatedIssue[];
  at: (...sub: (string | number)[]) => (string | number)[];
  onChange: (patch: Partial<IndicatorDraft>) => void;
};
