import { theme, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { Recurrence } from '../../../core/goals/recurrence.ts';
import { fmtPair, fmtPercent } from './labels.tsx';
import type { GoalPeriodRow } from './goals-api.ts';
import { periodColors, periodStateText } from './recurrence-labels.tsx';
import { fontSize, space } from '../../theme.ts';

type Props = { period: GoalPeriodRow; recurrence: Recurrence; unit: string };

/**
 * One period of a recurring goal: its label, actual / target and where it stands. The period in
 * progress says its value is one so far ("本月至今") and how much of it has passed.
 */
export default function PeriodCell({ period: p, recurrence, unit }: Props) {
  const { t, i18n } = useTranslation();
  const { token } = theme.useToken();
  const c = periodColors(p, token);
  const current = p.state === 'in_progress';
  const state = periodStateText(t, p);
  const numbers = fmtPair(p.actual, p.target, unit, i18n.language);
  const soFar = t(`goals.periods.soFar.${recurrence}`);
  const elapsed = fmtPercent(p.elapsed, i18n.language);
  const aria = current ? t('goals.periods.cellAriaNow', { period: p.label, soFar, numbers, state, elapsed }) : t('goals.periods.cellAria', { period: p.label, numbers, state });
  return (
    <li
      aria-label={aria}
      aria-current={current ? 'date' : undefined}
      data-testid="period-cell"
      data-period={p.label}
      data-state={p.state}
      data-pace={p.pace ?? ''}
      style={{
        flex: '0 0 auto',
        minWidth: 124,
        padding: '6px 10px 8px',
        background: c.bg,
        border: `1px ${c.dashed ? 'dashed' : 'solid'} ${c.border}`,
        borderTop: `4px solid ${c.accent}`,
        borderRadius: token.borderRadius,
        boxShadow: current ? `0 0 0 2px ${token.colorPrimaryBorderHover}` : undefined,
      }}
    >
      <div style={{ display: 'flex', justifyContent: 'space-between', gap: space.sm, fontVariantNumeric: 'tabular-nums' }}>
        <Typography.Text strong style={{ color: p.state === 'upcoming' ? token.colorTextTertiary : undefined }}>{p.label}</Typography.Text>
        {current && <Typography.Text style={{ fontSize: fontSize.caption, color: token.colorTextSecondary }}>{t('goals.periods.elapsedShort', { pct: elapsed })}</Typography.Text>}
      </div>
      <div style={{ fontVariantNumeric: 'tabular-nums', color: p.state === 'upcoming' ? token.colorTextTertiary : token.colorText, whiteSpace: 'nowrap' }} data-testid="period-numbers">
        {numbers}
      </div>
      <div style={{ fontSize: fontSize.caption, color: c.text, fontWeight: 500, whiteSpace: 'nowrap' }} data-testid="period-state">
        {state}
        {current && <span style={{ color: token.colorTextSecondary, fontWeight: 400 }}> · {soFar}</span>}
      </div>
    </li>
  );
}
