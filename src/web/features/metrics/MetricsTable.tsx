import { DeleteOutlined, EditOutlined, LinkOutlined } from '@ant-design/icons';
import { Button, Space, Table, Tag, Tooltip, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { fontSize, space } from '../../theme.ts';
import { MetricCalculation, MetricOwner } from './MetricCalculation.tsx';
import type { Metric } from './metrics-api.ts';

type Props = {
  ws: string;
  metrics: Metric[];
  /** Links each metric's dataset to its page. */
  seesDatasets: boolean;
  /** Adds the edit, bind and delete actions. */
  canWrite: boolean;
  onEdit: (m: Metric) => void;
  onBind: (m: Metric) => void;
  onDelete: (m: Metric) => void;
};

/** The data dictionary: each metric with its definition, dataset, calculation, owner and the terms it feeds. */
export default function MetricsTable({ ws, metrics, seesDatasets, canWrite, onEdit, onBind, onDelete }: Props) {
  const { t } = useTranslation();
  return (
    <Table<Metric>
      rowKey="id"
      dataSource={metrics}
      pagination={metrics.length > 20 ? { pageSize: 20, showSizeChanger: false } : false}
      scroll={{ x: 1000 }}
      data-testid="metrics-table"
      onRow={(m) => ({ 'data-testid': 'metric-row', 'data-metric-name': m.name }) as object}
      columns={[
        {
          title: t('metrics.name'),
          dataIndex: 'name',
          width: 130,
          render: (name: string, m) => (
            <Space direction="vertical" size={0}>
              <Typography.Text strong>{name}</Typography.Text>
              {m.spec.unit && (
                <Typography.Text type="secondary" style={{ fontSize: fontSize.caption }}>
                  {t('metrics.unit')}
                  {t('common.colon')}
                  {m.spec.unit}
                </Typography.Text>
              )}
            </Space>
          ),
        },
        {
          title: t('metrics.definition'),
          key: 'definition',
          render: (_, m) => (
            <Typography.Paragraph style={{ margin: 0, minWidth: 160 }} ellipsis={{ rows: 4, expandable: 'collapsible' }}>
              {m.spec.definition}
            </Typography.Paragraph>
          ),
        },
        {
          title: t('metrics.dataset'),
          dataIndex: 'datasetName',
          width: 110,
          render: (name: string, m) => (seesDatasets ? <Link to={`/w/${ws}/datasets/${m.datasetId}`}>{name}</Link> : name),
        },
        { title: t('metrics.calculation'), key: 'calc', width: 220, render: (_, m) => <MetricCalculation metric={m} /> },
        { title: t('metrics.owner'), key: 'owner', width: 140, render: (_, m) => <MetricOwner metric={m} /> },
        {
          title: t('metrics.feeds'),
          key: 'feeds',
          width: 130,
          render: (_, m) =>
            m.bindings.length === 0 ? (
              <Typography.Text type="secondary">{t('metrics.noBindings')}</Typography.Text>
            ) : (
              <Space size={[space.none, space.xs]} wrap style={{ maxWidth: 240 }}>
                {m.bindings.map((b) => (
                  <Tooltip key={b.term} title={b.indicators.length ? b.indicators.map((i) => i.name).join(t('common.enumSeparator')) : t('metrics.bindings.notUsed')}>
                    <Tag color="green">{b.term}</Tag>
                  </Tooltip>
                ))}
              </Space>
            ),
        },
        ...(canWrite
          ? [
              {
                title: t('common.actions'),
                key: 'actions',
                width: 120,
                render: (_: unknown, m: Metric) => (
                  <Space size={0}>
                    <Tooltip title={t('metrics.edit')}>
                      <Button type="text" icon={<EditOutlined />} onClick={() => onEdit(m)} aria-label={t('metrics.edit')} data-testid="metric-edit" />
                    </Tooltip>
                    <Tooltip title={t('metrics.bind')}>
                      <Button type="text" icon={<LinkOutlined />} onClick={() => onBind(m)} aria-label={t('metrics.bind')} data-testid="metric-bind" />
                    </Tooltip>
                    <Tooltip title={t('common.delete')}>
                      <Button type="text" danger icon={<DeleteOutlined />} onClick={() => onDelete(m)} aria-label={t('common.delete')} data-testid="metric-delete" />
                    </Tooltip>
                  </Space>
                ),
              },
            ]
          : []),
      ]}
    />
  );
}
