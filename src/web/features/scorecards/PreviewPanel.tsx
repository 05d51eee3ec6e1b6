import { Alert, Descriptions, Empty, Form, Input, Skeleton, Space, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ScorecardPreview, ScorecardTemplate } from '../../api.ts';
import LoadError from '../../components/LoadError.tsx';
import PersonSelect from '../../components/PersonSelect.tsx';
import { dataOwnerText, sourceText } from '../../components/provenance-text.ts';
import { useDebounced } from '../../components/use-debounced.ts';
import { space } from '../../theme.ts';
import { currentPeriodLabel, formatNumber, formatWeight } from './labels.ts';
import { usePreview } from './scorecards-queries.ts';

type Target = NonNullable<ScorecardPreview['scorecard']>['targets'][number];
const SOURCE_COLORS = { person: 'blue', position: 'purple', template: 'default' } as const;
const PERIOD = /^\d{4}(?:-(?:0[1-9]|1[0-2]|Q[1-4]))?$/;

/** The scorecard a person gets for a period, with where each target comes from (person / position / template), and each indicator's source and data owner. */
export default function PreviewPanel({ ws, template }: { ws: string; template: ScorecardTemplate }) {
  const { t } = useTranslation();
  const [personId, setPersonId] = useState<string | null>(null);
  const [periodText, setPeriodText] = useState(() => currentPeriodLabel(template.period));
  const period = useDebounced(periodText.trim(), 300);
  const valid = PERIOD.test(period);
  const preview = usePreview(ws, personId, valid ? period : null);
  const card = preview.data?.scorecard;
  const weights = new Map((card?.card.indicators ?? []).map((i) => [i.key, i]));

  return (
    <div data-testid="preview">
      <Typography.Paragraph type="secondary">{t('scorecards.previewIntro')}</Typography.Paragraph>
      <Form layout="inline" component="div" style={{ marginBottom: space.lg, rowGap: space.sm }}>
        <Form.Item label={t('scorecards.previewPerson')}>
          <div style={{ width: 220 }}>
            <PersonSelect ws={ws} value={personId} onChange={setPersonId} testId="preview-person" />
          </div>
        </Form.Item>
        <Form.Item label={t('scorecards.previewPeriod')} validateStatus={valid || periodText === '' ? undefined : 'error'} help={valid ? undefined : t('scorecards.previewPeriodHelp')}>
          <Input value={periodText} onChange={(e) => setPeriodText(e.target.value)} style={{ width: 120 }} placeholder="2026-11" data-testid="preview-period" />
        </Form.Item>
      </Form>
      {!personId ? (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('scorecards.pickPerson')} />
      ) : preview.isPending ? (
        valid ? <Skeleton active paragraph={{ rows: 4 }} /> : null
      ) : preview.isError ? (
        <LoadError error={preview.error} onRetry={() => preview.refetch()} />
      ) : !card ? (
        <Alert type="info" showIcon title={t('scorecards.previewNone', { name: preview.data.person.name, period: preview.data.period.label })} data-testid="preview-none" />
      ) : (
        <div data-testid="preview-result">
          <Descriptions size="small" column={{ xs: 1, md: 3 }} style={{ marginBottom: space.md }}>
            <Descriptions.Item label={t('scorecards.previewPerson')}>{preview.data.person.name}</Descriptions.Item>
            <Descriptions.Item label={t('scorecards.previewPeriod')}>
              {preview.data.period.label} ({preview.data.period.startsOn} – {preview.data.period.endsOn})
            </Descriptions.Item>
            <Descriptions.Item label={t('scorecards.title')}>
              <Space size={space.xs} wrap>
                <span data-testid="preview-template">{card.templateName}</span>
                {card.templateId !== template.id && <Typography.Text type="warning">{t('scorecards.otherTemplate')}</Typography.Text>}
                <Tag>{t(`scorecards.assignedVia.${card.assignedVia}`)}</Tag>
              </Space>
            </Descriptions.Item>
          </Descriptions>
          <Table<Target>
            rowKey="key"
            size="small"
            pagination={false}
            dataSource={card.targets}
            scroll={{ x: 960 }}
            onRow={(r) => ({ 'data-testid': 'preview-row', 'data-key': r.key, 'data-source': r.source ?? 'none' }) as React.HTMLAttributes<HTMLElement>}
            columns={[
              { title: t('scorecards.indicatorName'), dataIndex: 'name' },
              { title: t('scorecards.weight'), key: 'weight', align: 'right', width: 90, render: (_: unknown, r) => formatWeight(weights.get(r.key)?.weight ?? 0) },
              {
                title: t('scorecards.rule'),
                key: 'rule',
                width: 120,
                render: (_: unknown, r) => {
                  const rule = weights.get(r.key)?.rule.type;
                  return rule ? t(`scorecards.ruleTypes.${rule}`) : '—';
                },
              },
              {
                title: t('score.target'),
                dataIndex: 'target',
                align: 'right',
                width: 160,
                render: (v: number | null, r) => (v === null ? '—' : `${formatNumber(v)}${weights.get(r.key)?.unit ? ` ${weights.get(r.key)?.unit}` : ''}`),
              },
              {
                title: t('scorecards.source'),
                dataIndex: 'source',
                width: 140,
                render: (s: Target['source']) => <Tag color={s ? SOURCE_COLORS[s] : undefined}>{t(`scorecards.sources.${s ?? 'none'}`)}</Tag>,
              },
              {
                title: t('scorecards.indicatorSource'),
                key: 'indicatorSource',
                render: (_: unknown, r) => <Provenance text={sourceText(weights.get(r.key)?.source)} testId="preview-indicator-source" />,
              },
              {
                title: t('scorecards.dataOwner'),
                key: 'dataOwner',
                width: 160,
                render: (_: unknown, r) => <Provenance text={dataOwnerText(weights.get(r.key)?.dataOwner)} testId="preview-data-owner" />,
              },
            ]}
          />
        </div>
      )}
    </div>
  );
}

/** A source or data owner, or a muted "not set" (the design check asks for one). */
function Provenance({ text, testId }: { text: string | null; testId: string }) {
  const { t } = useTranslation();
  return text ? <span data-testid={testId}>{text}</span> : <Typography.Text type="secondary" data-testid={testId}>{t('scorecards.notSet')}</Typography.Text>;
}
