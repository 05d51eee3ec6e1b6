/**
 * The explanation of a result (domain.md §3: every result is explainable): for each indicator
 * the actual with its formula and inputs, the target, the achievement r, the rule applied,
 * cap/floor effects, the weight and the points; then vetoes, the maximum total and the grade.
 * Renders the scoring engine's own ScoreResult, so the page shows exactly what was computed.
 */
import { Alert, Space, Table, type TableColumnsType, Tag, Tooltip, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { formatNumber, formatPercent } from '../../core/scoring/arith.ts';
import { describeEffect, describeLimit, describeMatch } from '../../core/scoring/describe.ts';
import type { IndicatorResult, LocalizedText, Scorecard, ScoreResult } from '../../core/scoring/types.ts';
import { currentLanguage } from '../i18n/index.ts';
import { dataOwnerText, sourceText } from './provenance-text.ts';

type Props = {
  result: ScoreResult;
  /** The scorecard, for units, purposes, sources and data owners. */
  card?: Scorecard;
  /** Extra content per indicator row (e.g. an input to change an actual). */
  renderExtra?: (indicator: IndicatorResult) => React.ReactNode;
  testId?: string;
};

const num = (x: number | null | undefined, decimals = 2) => (x === null || x === undefined ? '—' : formatNumber(x, decimals));
const pct = (x: number | null | undefined) => (x === null || x === undefined ? '—' : formatPercent(x));
/** Digits grouped as people read amounts (350,000), at most 4 decimals. */
const grouped = new Intl.NumberFormat('en-US', { maximumFractionDigits: 4 });
/** A value in its unit; a `%` indicator's values are ratios (0.8525), shown as 85.25%. */
const withUnit = (x: number | null, unit: string) => (x === null ? '—' : unit === '%' ? pct(x) : `${grouped.format(x)}${unit ? ` ${unit}` : ''}`);

/** Grade colours from best to worst; unknown grades are neutral. */
export function gradeColor(grade: string | null): string | undefined {
  return ({ S: 'magenta', A: 'green', B: 'blue', C: 'orange', D: 'red' } as Record<string, string>)[grade ?? ''];
}

export function ScoreHeadline({ result, testId }: { result: ScoreResult; testId?: string }) {
  const { t } = useTranslation();
  const lang = currentLanguage();
  const statusColor = { complete: 'success', incomplete: 'warning', invalid: 'error' } as const;
  return (
    <Space size="large" wrap data-testid={testId ?? 'score-headline'} align="center">
      <span>
        <Typography.Text type="secondary">{t('score.total')} </Typography.Text>
        <Typography.Text strong style={{ fontSize: 28 }} data-testid="score-total">
          {result.total === null ? '—' : result.total.toFixed(2)}
        </Typography.Text>
      </span>
      {result.grade ? (
        <Tag color={gradeColor(result.grade)} style={{ fontSize: 16, padding: '2px 10px' }} data-testid="score-grade">
          {result.grade}
        </Tag>
      ) : null}
      <Tag color={statusColor[result.status]} data-testid="score-status">
        {t(`score.status.${result.status}`)}
      </Tag>
      {result.subtotal !== null && result.total !== null && Math.abs(result.subtotal - result.total) > 1e-9 ? (
        <Typography.Text type="secondary">
          {t('score.subtotal')} {result.subtotal.toFixed(2)}
        </Typography.Text>
      ) : null}
      {result.vetoes.length === 0 ? null : (
        <Typography.Text type="danger">
          {t('score.veto')}: {result.vetoes.map((v) => describeEffect(v.effect)[lang]).join('; ')}
        </Typography.Text>
      )}
    </Space>
  );
}

export default function ScoreExplanation({ result, card, renderExtra, testId }: Props) {
  const { t } = useTranslation();
  const lang = currentLanguage();
  const text = (x: LocalizedText) => x[lang];
  const byKey = new Map((card?.indicators ?? []).map((i) => [i.key, i]));
  const unitOf = (key: string) => byKey.get(key)?.unit ?? '';

  const columns: TableColumnsType<IndicatorResult> = [
    {
      title: t('score.indicator'),
      key: 'indicator',
      render: (_, r) => (
        <Space direction="vertical" size={0}>
          <Typography.Text strong>{r.name}</Typography.Text>
          <Space size={4} wrap>
            <Tag>{t(`score.ruleTypes.${r.rule}`)}</Tag>
            {r.direction === 'lower' ? (
              <Tooltip title={r.achievementMode ? t(`score.achievementModes.${r.achievementMode}`) : undefined}>
                <Tag color="purple">{t('score.direction.lower')}</Tag>
              </Tooltip>
            ) : null}
            {r.notApplicable ? <Tag>{t('score.notApplicable')}</Tag> : null}
          </Space>
          {byKey.get(r.key)?.purpose ? (
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              {byKey.get(r.key)?.purpose}
            </Typography.Text>
          ) : null}
          <ProvenanceLines source={sourceText(byKey.get(r.key)?.source)} owner={dataOwnerText(byKey.get(r.key)?.dataOwner)} testId={`provenance-${r.key}`} />
        </Space>
      ),
    },
    {
      title: t('score.actual'),
      key: 'actual',
      render: (_, r) => (
        <Space direction="vertical" size={0}>
          <span data-testid={`actual-${r.key}`}>{withUnit(r.actual, unitOf(r.key))}</span>
          {r.formula ? (
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              {t('score.formula')}: <code>{r.formula}</code>
            </Typography.Text>
          ) : null}
          {r.terms
            ? Object.entries(r.terms).map(([name, value]) => (
                <Typography.Text key={name} type="secondary" style={{ fontSize: 12 }}>
                  {name} = {grouped.format(value)}
                </Typography.Text>
              ))
            : null}
          {r.reason ? (
            <Typography.Text type={r.status === 'error' ? 'danger' : 'warning'} style={{ fontSize: 12 }}>
              {text(r.reason.message)}
            </Typography.Text>
          ) : null}
          {renderExtra ? renderExtra(r) : null}
        </Space>
      ),
    },
    { title: t('score.target'), key: 'target', render: (_, r) => withUnit(r.target, unitOf(r.key)) },
    { title: t('score.achievement'), key: 'achievement', render: (_, r) => <span data-testid={`achievement-${r.key}`}>{pct(r.achievement)}</span> },
    {
      title: t('score.rule'),
      key: 'rule',
      render: (_, r) => (
        <Space direction="vertical" size={0}>
          <span>{r.match ? text(describeMatch(r.match)) : '—'}</span>
          {r.limit ? (
            <Typography.Text type="warning" style={{ fontSize: 12 }}>
              {t('score.limit', { limit: text(describeLimit(r.limit, r.multiplier)), raw: num(r.multiplierRaw, 4) })}
            </Typography.Text>
          ) : null}
        </Space>
      ),
    },
    { title: t('score.multiplier'), key: 'm', render: (_, r) => (r.multiplier === null ? '—' : `×${num(r.multiplier, 4)}`) },
    {
      title: t('score.weight'),
      key: 'weight',
      render: (_, r) =>
        Math.abs(r.effectiveWeight - r.weight) > 1e-9 && !r.notApplicable ? (
          <Tooltip title={t('score.effectiveWeight', { weight: num(r.effectiveWeight) })}>
            <span>
              {num(r.weight)} → {num(r.effectiveWeight)}
            </span>
          </Tooltip>
        ) : (
          num(r.weight)
        ),
    },
    {
      title: t('score.points'),
      key: 'points',
      align: 'right',
      render: (_, r) => (
        <Space size={4}>
          <Typography.Text strong data-testid={`points-${r.key}`}>
            {num(r.points)}
          </Typography.Text>
          {r.vetoTriggered ? <Tag color="red">{t('score.veto')}</Tag> : null}
        </Space>
      ),
    },
  ];

  // numbers never wrap ("2 1" for 21 points reads as two numbers); the indicator column takes the slack
  const nowrap = { style: { whiteSpace: 'nowrap' as const } };
  for (const column of columns) {
    if (column.key === 'indicator') continue;
    column.onHeaderCell = () => nowrap;
    if (column.key !== 'actual' && column.key !== 'rule') column.onCell = () => nowrap;
  }

  const issues = result.status === 'complete' ? [] : result.issues;
  return (
    <Space direction="vertical" size="middle" style={{ width: '100%' }} data-testid={testId ?? 'score-explanation'}>
      <ScoreHeadline result={result} />
      {issues.length > 0 ? (
        <Alert
          type={result.status === 'invalid' ? 'error' : 'warning'}
          showIcon
          message={t('score.issues')}
          description={
            <ul style={{ margin: 0, paddingInlineStart: 18 }}>
              {issues.map((issue, i) => (
                <li key={i}>{text(issue.message)}</li>
              ))}
            </ul>
          }
        />
      ) : null}
      <Table<IndicatorResult>
        rowKey="key"
        size="small"
        pagination={false}
        scroll={{ x: 900 }}
        columns={columns}
        dataSource={result.indicators}
        rowClassName={(r) => (r.notApplicable ? 'kedu-row-muted' : '')}
        onRow={(r) => ({ 'data-testid': `explain-row-${r.key}`, style: r.notApplicable ? { opacity: 0.55 } : undefined }) as React.HTMLAttributes<HTMLElement>}
      />
      {result.vetoes.length > 0 || result.maxTotal?.bit ? (
        <Alert
          type="error"
          showIcon
          data-testid="score-vetoes"
          message={
            <Space direction="vertical" size={0}>
              {result.vetoes.map((v) => (
                <span key={v.key}>
                  {t('score.vetoLine', {
                    indicator: result.indicators.find((i) => i.key === v.key)?.name ?? v.key,
                    achievement: pct(v.achievement),
                    threshold: pct(v.threshold),
                    effect: text(describeEffect(v.effect)),
                  })}
                  {v.bit ? '' : t('score.vetoNotBit')}
                </span>
              ))}
              {result.maxTotal?.bit ? <span>{t('score.maxTotal', { value: num(result.maxTotal.value) })}</span> : null}
            </Space>
          }
        />
      ) : null}
    </Space>
  );
}

/** Where the indicator comes from and who supplies its actual, under its name (nothing when neither is named). */
function ProvenanceLines({ source, owner, testId }: { source: string | null; owner: string | null; testId: string }) {
  const { t } = useTranslation();
  if (!source && !owner) return null;
  return (
    <Typography.Text type="secondary" style={{ fontSize: 12 }} data-testid={testId}>
      {[source && t('score.sourceLine', { text: source }), owner && t('score.dataOwnerLine', { text: owner })].filter(Boolean).join(' · ')}
    </Typography.Text>
  );
}
