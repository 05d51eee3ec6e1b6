import { BulbOutlined } from '@ant-design/icons';
import { Button, Card, Descriptions, Radio, Table, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { AMBITIONS, type Ambition } from '../../../core/goals/types.ts';
import type { GoalActual, SmartCheckResult } from './goals-api.ts';
import { fmtValue, localized } from './labels.tsx';
import Sparkline from './Sparkline.tsx';
import { fontSize, space } from '../../theme.ts';

type Props = {
  result: SmartCheckResult;
  ambition: Ambition;
  onAmbition: (a: Ambition) => void;
  onUse: (target: number) => void;
  unit: string;
  target: number | null | undefined;
};

/** A target suggested from the owner's history (baseline = median, the trend, an ambition), with the history it used. */
export default function SuggestionCard({ result, ambition, onAmbition, onUse, unit, target }: Props) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  const s = result.suggestion;
  const n = (v: number) => fmtValue(v, unit, lang);
  const history = (
    <>
      <Typography.Text strong style={{ display: 'block', margin: '12px 0 4px' }}>
        {t('goals.suggestion.history', { count: result.history.length })}
      </Typography.Text>
      <Sparkline points={result.history} unit={unit} target={target ?? null} />
      <Table<GoalActual>
        size="small"
        rowKey={(r) => `${r.source}-${r.period}`}
        dataSource={result.history.slice(-12)}
        pagination={false}
        style={{ marginTop: space.xs }}
        columns={[
          { title: t('goals.actuals.period'), dataIndex: 'period' },
          { title: t('goals.actuals.value'), dataIndex: 'value', align: 'right', render: (v: number) => n(v) },
          { title: t('goals.actuals.source'), key: 'source', render: (_, r) => `${t(`goals.actuals.sources.${r.source}`)} · ${r.label}` },
        ]}
      />
    </>
  );

  if (!s) {
    return (
      <Card size="small" title={<><BulbOutlined /> {t('goals.suggestion.title')}</>} data-testid="suggestion-card" data-state="none">
        <Typography.Text type="secondary">{result.history.length ? t('goals.suggestion.tooLittle') : t('goals.suggestion.noHistory')}</Typography.Text>
        {result.history.length > 0 && history}
      </Card>
    );
  }
  const suggested = s.byAmbition[ambition] ?? s.target;
  return (
    <Card size="small" title={<><BulbOutlined /> {t('goals.suggestion.title')}</>} data-testid="suggestion-card" data-state="ready">
      <Radio.Group
        optionType="button"
        size="small"
        value={ambition}
        onChange={(e) => onAmbition(e.target.value as Ambition)}
        options={AMBITIONS.map((a) => ({ value: a, label: t(`goals.ambition.${a}`) }))}
        aria-label={t('goals.suggestion.ambition')}
        data-testid="suggestion-ambition"
      />
      <Typography.Title level={4} style={{ margin: '12px 0 4px', fontVariantNumeric: 'tabular-nums' }} data-testid="suggestion-target">
        {n(suggested)}
      </Typography.Title>
      <Descriptions
        size="small"
        column={1}
        items={[
          { key: 'baseline', label: t('goals.suggestion.baseline'), children: n(s.baseline) },
          { key: 'trend', label: t('goals.suggestion.trend'), children: t('goals.suggestion.trendValue', { value: `${s.trendPerPeriod >= 0 ? '+' : ''}${n(s.trendPerPeriod)}` }) },
          { key: 'ahead', label: t('goals.suggestion.ahead'), children: t('goals.suggestion.periods', { count: s.periodsAhead }) },
        ]}
      />
      {s.ambition === ambition && (
        <Typography.Paragraph type="secondary" style={{ fontSize: fontSize.small, margin: '4px 0 8px' }} data-testid="suggestion-reasoning">
          {localized(s.reasoning, lang)}
        </Typography.Paragraph>
      )}
      <Button type="primary" ghost size="small" onClick={() => onUse(suggested)} disabled={target === suggested} data-testid="suggestion-use">
        {t('goals.suggestion.use')}
      </Button>
      {history}
    </Card>
  );
}
