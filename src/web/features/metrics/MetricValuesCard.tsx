import { Card, Table } from 'antd';
import { useTranslation } from 'react-i18next';
import type { ParticipantDetail } from '../../api.ts';
import { groupDigits } from '../../components/number-input.ts';
import DataSourceTag, { fromData, type TermValue } from './DataSourceTag.tsx';

/** The participant's actuals taken from data, with their lineage (shown where the entry card is not). */
export default function MetricValuesCard({ d }: { d: ParticipantDetail }) {
  const { t } = useTranslation();
  const values = d.values.filter(fromData);
  if (values.length === 0) return null;
  return (
    <Card title={t('dataSource.cardTitle')} data-testid="metric-values-card">
      <Table<TermValue>
        size="small"
        rowKey="term"
        pagination={false}
        dataSource={values}
        columns={[
          { title: t('dataSource.term'), dataIndex: 'term' },
          { title: t('dataSource.value'), dataIndex: 'value', align: 'right', render: (v: number) => groupDigits(String(v)) },
          {
            title: t('dataSource.metric'),
            key: 'source',
            render: (_, v) => (
            <span>
              {v.lineage?.metric} <DataSourceTag lineage={v.lineage} />
            </span>
          ),
        },
        ]}
      />
    </Card>
  );
}
