import { ClockCircleOutlined } from '@ant-design/icons';
import { Tag, theme, Typography } from 'antd';
import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';
import ChartCard, { type ChartColumn } from '../../components/charts/ChartCard.tsx';
import { actualsOption } from './goal-charts.ts';
import type { GoalActual, GoalDetail } from './goals-api.ts';
import { fmtAxis, fmtValue, indicatorName } from './labels.tsx';
import { fontSize, space } from '../../theme.ts';

/**
 * The indicator's actuals for the owner, per period, from closed appraisal cycles or from metrics
 * over datasets. The period in progress holds a value so far: it is shown apart (a dashed bar and a
 * note), never as one more period of history.
 */
export default function ActualsCard({ goal }: { goal: GoalDetail }) {
  const { t, i18n } = useTranslation();
  const { token } = theme.useToken();
  const lang = i18n.language;
  const unit = goal.indicator.unit;
  const format = useCallback((v: number) => fmtAxis(v, unit, lang), [unit, lang]);
  const name = indicatorName(goal.indicator, lang);
  const partialText = t('goals.actuals.partial');
  const buildOption = useCallback((rows: GoalActual[]) => actualsOption(rows, name, goal.target, { target: t('goals.chart.target'), partial: partialText }, format), [name, goal.target, t, partialText, format]);
  const partial = goal.actuals.filter((a) => a.partial);
  const columns: ChartColumn<GoalActual>[] = [
    {
      key: 'period',
      title: t('goals.actuals.period'),
      format: (v, row) => (
        <span style={{ whiteSpace: 'nowrap' }}>
          {String(v)}
          {row.partial && <Tag color="processing" style={{ marginInlineStart: space.xs }}>{t('goals.actuals.partialShort')}</Tag>}
        </span>
      ),
    },
    { key: 'value', title: t('goals.actuals.value'), align: 'right', format: (v, row) => `${fmtValue(Number(v), unit, lang)}${row.partial ? ` ${t('goals.actuals.soFar')}` : ''}` },
    {
      key: 'source',
      title: t('goals.actuals.source'),
      format: (v, row) => (
        <span>
          <Tag color={v === 'metric' ? 'geekblue' : 'purple'}>{t(`goals.actuals.sources.${row.source}`)}</Tag>
          {row.label}
        </span>
      ),
    },
  ];
  const footer = partial.length > 0 && (
    <div style={{ marginTop: space.sm, padding: '6px 10px', border: `1px dashed ${token.colorPrimaryBorder}`, borderRadius: token.borderRadius, background: token.colorPrimaryBg }} data-testid="goal-actuals-partial">
      {partial.map((a) => (
        <div key={`${a.source}-${a.period}`} style={{ display: 'flex', gap: space.sm, flexWrap: 'wrap', alignItems: 'baseline' }} data-period={a.period}>
          <ClockCircleOutlined aria-hidden style={{ color: token.colorPrimary }} />
          <Typography.Text strong style={{ fontVariantNumeric: 'tabular-nums' }}>
            {a.period} · {fmtValue(a.value, unit, lang)}
          </Typography.Text>
          <Typography.Text type="secondary">{partialText}</Typography.Text>
          <Typography.Text type="secondary" style={{ fontSize: fontSize.caption }}>{a.label}</Typography.Text>
        </div>
      ))}
    </div>
  );
  return (
    <ChartCard<GoalActual>
      title={t('goals.actuals.title', { indicator: name })}
      rows={goal.actuals}
      rowKey={(r) => `${r.source}-${r.period}-${r.label}`}
      columns={columns}
      buildOption={buildOption}
      ariaLabel={t('goals.actuals.aria', { indicator: name, count: goal.actuals.length - partial.length }) + (partial.length ? ` ${t('goals.actuals.ariaPartial', { period: partial.map((a) => a.period).join(', ') })}` : '')}
      fileName={`${name}-actuals`}
      height={200}
      testId="goal-actuals"
      footer={footer}
      empty={<div style={{ padding: space.lg, color: token.colorTextTertiary }}>{t('goals.actuals.empty')}</div>}
    />
  );
}
