import { Space, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { fontSize } from '../../theme.ts';
import type { Aggregation, FilterOp, Metric } from './metrics-api.ts';

/** How a metric is calculated, in a table cell: its aggregation of an expression, its filters and its date column. */
export function MetricCalculation({ metric: m }: { metric: Metric }) {
  const { t } = useTranslation();
  const agg = t(`metrics.aggregations.${m.spec.aggregation as Aggregation}`);
  const filters = m.spec.filters.map((f) => `${f.column} ${t(`metrics.ops.${f.op as FilterOp}`)} ${f.values.join(t('common.enumSeparator'))}`.trim());
  return (
    <Space direction="vertical" size={0}>
      <span>
        <Tag color="blue" bordered={false}>
          {agg}
        </Tag>
        <Typography.Text code style={{ whiteSpace: 'normal' }}>{m.spec.expression ?? t('metrics.countRows')}</Typography.Text>
      </span>
      {filters.length > 0 && (
        <Typography.Text type="secondary" style={{ fontSize: fontSize.caption }}>
          {filters.join(t('common.clauseSeparator'))}
        </Typography.Text>
      )}
      <Typography.Text type="secondary" style={{ fontSize: fontSize.caption }}>
        {t('metrics.builder.dateColumn')}
        {t('common.colon')}
        {m.spec.dateColumn}
      </Typography.Text>
    </Space>
  );
}

/** Whose value a metric gives, in a table cell: the workspace, or the kind of owner named by a column (a person by name, email …). */
export function MetricOwner({ metric }: { metric: Metric }) {
  const { t } = useTranslation();
  const o = metric.spec.owner;
  const kind = t(`metrics.ownerKinds.${o.kind}`);
  if (o.kind === 'workspace') return kind;
  return (
    <span>
      {kind}
      {t('common.colon')}
      {o.column}
      {o.kind === 'person' && <Typography.Text type="secondary"> ({t(`metrics.match.${o.match}`)})</Typography.Text>}
    </span>
  );
}
