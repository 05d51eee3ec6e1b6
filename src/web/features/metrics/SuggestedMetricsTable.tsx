import { Checkbox, Space, Table, Tag, Tooltip, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { fontSize, space } from '../../theme.ts';
import type { Aggregation, SuggestedMetric } from './metrics-api.ts';
import { statusOf } from './suggested-status.ts';

type Props = {
  suggestions: SuggestedMetric[];
  /** Adds a checkbox to each, to choose those to create. */
  canWrite: boolean;
  chosen: string[];
  onToggle: (name: string, on: boolean) => void;
  /** While the chosen ones are being created: the checkboxes are disabled. */
  creating: boolean;
};

/** Each suggested metric: its name and aggregation with its status, its 口径 and the indicators it feeds. */
export default function SuggestedMetricsTable({ suggestions, canWrite, chosen, onToggle, creating }: Props) {
  const { t } = useTranslation();
  const statusTag = (s: SuggestedMetric) => {
    const status = statusOf(s);
    if (status === 'exists') return <Tag color="success">{t('metrics.suggested.exists')}</Tag>;
    if (status === 'unusable')
      return (
        <Tooltip title={t('metrics.suggested.unusableHint')}>
          <Tag color="warning">{t('metrics.suggested.unusable')}</Tag>
        </Tooltip>
      );
    if (s.bound)
      return (
        <Tooltip title={t('metrics.suggested.boundHint', { term: s.name })}>
          <Tag>{t('metrics.suggested.bound')}</Tag>
        </Tooltip>
      );
    return null;
  };

  return (
    <Table<SuggestedMetric>
      size="small"
      rowKey="name"
      pagination={false}
      dataSource={suggestions}
      scroll={{ x: 'max-content' }}
      onRow={(s) => ({ 'data-testid': 'suggested-metric', 'data-name': s.name, 'data-status': statusOf(s) }) as object}
      columns={[
        ...(canWrite
          ? [
              {
                key: 'pick',
                width: 40,
                render: (_: unknown, s: SuggestedMetric) => (
                  <Checkbox
                    checked={statusOf(s) === 'exists' || chosen.includes(s.name)}
                    disabled={statusOf(s) !== 'available' || creating}
                    onChange={(e) => onToggle(s.name, e.target.checked)}
                    aria-label={s.name}
                    data-testid="suggested-metric-check"
                  />
                ),
              },
            ]
          : []),
        {
          title: t('metrics.name'),
          dataIndex: 'name',
          width: 150,
          render: (name: string, s) => (
            <Space direction="vertical" size={0}>
              <Typography.Text strong>{name}</Typography.Text>
              <Typography.Text type="secondary" style={{ fontSize: fontSize.caption }}>
                {t(`metrics.aggregations.${s.spec.aggregation as Aggregation}`)}
                {s.spec.unit ? ` · ${s.spec.unit}` : ''}
              </Typography.Text>
              {statusTag(s)}
            </Space>
          ),
        },
        {
          title: t('metrics.definition'),
          key: 'definition',
          render: (_, s) => <Typography.Paragraph style={{ margin: 0, minWidth: 240, maxWidth: 560, whiteSpace: 'normal' }}>{s.spec.definition}</Typography.Paragraph>,
        },
        {
          title: t('metrics.suggested.indicators'),
          key: 'indicators',
          width: 180,
          render: (_, s) =>
            s.indicators.length === 0 ? (
              <Typography.Text type="secondary">{t('metrics.bindings.notUsed')}</Typography.Text>
            ) : (
              <Space size={[space.none, space.xs]} wrap>
                {s.indicators.map((i) => (
                  <Tag key={i.id}>{i.name}</Tag>
                ))}
              </Space>
            ),
        },
      ]}
    />
  );
}
