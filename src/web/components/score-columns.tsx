import { Space, type TableColumnsType, Tag, Tooltip, Typography } from 'antd';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { describeLimit, describeMatch } from '../../core/scoring/describe.ts';
import type { IndicatorResult, LocalizedText, Scorecard } from '../../core/scoring/types.ts';
import { currentLanguage } from '../i18n/index.ts';
import { fontSize, space } from '../theme.ts';
import { dataOwnerText, sourceText } from './provenance-text.ts';
import { grouped, num, pct, withUnit } from './score-format.ts';

const caption = { fontSize: fontSize.caption };

/**
 * The columns of the explanation table: the indicator (rule type, purpose, provenance), the actual
 * with its formula and inputs, the target, the achievement, the rule applied with its cap or floor,
 * the multiplier, the weight and the points.
 */
export function useScoreColumns(card: Scorecard | undefined, renderExtra?: (indicator: IndicatorResult) => ReactNode): TableColumnsType<IndicatorResult> {
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
          <Space size={space.xs} wrap>
            <Tag>{t(`score.ruleTypes.${r.rule}`)}</Tag>
            {r.direction === 'lower' ? (
              <Tooltip title={r.achievementMode ? t(`score.achievementModes.${r.achievementMode}`) : undefined}>
                <Tag color="purple">{t('score.direction.lower')}</Tag>
              </Tooltip>
            ) : null}
            {r.notApplicable ? <Tag>{t('score.notApplicable')}</Tag> : null}
          </Space>
          {byKey.get(r.key)?.purpose ? (
            <Typography.Text type="secondary" style={caption}>
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
            <Typography.Text type="secondary" style={caption}>
              {t('score.formula')}: <code>{r.formula}</code>
            </Typography.Text>
          ) : null}
          {r.terms
            ? Object.entries(r.terms).map(([name, value]) => (
                <Typography.Text key={name} type="secondary" style={caption}>
                  {name} = {grouped.format(value)}
                </Typography.Text>
              ))
            : null}
          {r.reason ? (
            <Typography.Text type={r.status === 'error' ? 'danger' : 'warning'} style={caption}>
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
            <Typography.Text type="warning" style={caption}>
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
        <Space size={space.xs}>
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
  return columns;
}

/** Where the indicator comes from and who supplies its actual, under its name (nothing when neither is named). */
function ProvenanceLines({ source, owner, testId }: { source: string | null; owner: string | null; testId: string }) {
  const { t } = useTranslation();
  if (!source && !owner) return null;
  return (
    <Typography.Text type="secondary" style={caption} data-testid={testId}>
      {[source && t('score.sourceLine', { text: source }), owner && t('score.dataOwnerLine', { text: owner })].filter(Boolean).join(' · ')}
    </Typography.Text>
  );
}
