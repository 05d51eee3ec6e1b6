import { Input, InputNumber, Tooltip, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { formatPercent } from '../../../core/scoring/arith.ts';
import { groupDigits, ungroupDigits } from '../../components/number-input.ts';
import { fontSize } from '../../theme.ts';
import { type IndicatorDraft, toNum } from './card-draft.ts';
import Field from './Field.tsx';
import { issuesAt, type LocatedIssue, statusOf } from './issues.ts';

/** A cell of the indicators table: the row's indicator (at `index`) and the card's issues. */
type CellProps = {
  r: IndicatorDraft;
  index: number;
  issues: LocatedIssue[];
  setIndicator: (uid: string, patch: Partial<IndicatorDraft>) => void;
};

/** The indicator's name; its key, while it differs from the name, follows the name as typed. */
export function NameCell({ r, index, issues, setIndicator }: CellProps) {
  const { t } = useTranslation();
  return (
    <Field issues={issues} path={['indicators', index, 'name']}>
      <Input value={r.name} maxLength={200} onChange={(e) => setIndicator(r.uid, { name: e.target.value, ...(r.key === r.name || r.key === '' ? { key: e.target.value } : {}) })} data-testid="indicator-name" />
      {r.key && r.key !== r.name && (
        <Typography.Text type="secondary" style={{ fontSize: fontSize.caption }}>
          {t('scorecards.key')}: {r.key}
        </Typography.Text>
      )}
    </Field>
  );
}

/** The weight: errors under the input, warnings (the weights do not add up…) in its tooltip. */
export function WeightCell({ r, index, issues, setIndicator }: CellProps) {
  const { t } = useTranslation();
  const here = issuesAt(issues, ['indicators', index, 'weight']);
  return (
    <Field issues={here.filter((x) => x.severity === 'error')} path={['indicators', index, 'weight']}>
      <Tooltip title={here.filter((x) => x.severity === 'warning').map((x) => x.message).join(' ') || undefined}>
        <InputNumber
          value={r.weight}
          min={0}
          max={100}
          status={statusOf(here)}
          onChange={(v) => setIndicator(r.uid, { weight: toNum(v) })}
          style={{ width: 90 }}
          aria-label={t('scorecards.weight')}
          data-testid="indicator-weight"
          data-status={statusOf(here) ?? 'ok'}
        />
      </Tooltip>
    </Field>
  );
}

/** The target, in the indicator's unit; a manually scored indicator has none. */
export function TargetCell({ r, index, issues, setIndicator }: CellProps) {
  const { t } = useTranslation();
  if (r.ruleType === 'manual') {
    return (
      <Typography.Text type="secondary" style={{ fontSize: fontSize.caption }}>
        {t('scorecards.targetManual')}
      </Typography.Text>
    );
  }
  return (
    <Field issues={issues.filter((x) => x.severity === 'error')} path={['indicators', index, 'target']}>
      <InputNumber<number>
        value={r.target}
        min={0}
        formatter={groupDigits}
        parser={(v) => ungroupDigits(v) as unknown as number}
        status={statusOf(issuesAt(issues, ['indicators', index, 'target']))}
        // a % indicator's target is a ratio (0.9): say what it means rather than "0.9 %"
        suffix={r.unit === '%' ? (r.target === null || r.target === undefined ? '= —%' : `= ${formatPercent(r.target)}`) : r.unit || undefined}
        onChange={(v) => setIndicator(r.uid, { target: toNum(v) })}
        style={{ width: 150 }}
        aria-label={t('scorecards.target')}
        data-testid="indicator-target"
      />
    </Field>
  );
}
