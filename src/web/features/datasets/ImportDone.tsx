import { SyncOutlined, WarningOutlined } from '@ant-design/icons';
import { Col, Result, Row, Statistic, Tooltip } from 'antd';
import { useTranslation } from 'react-i18next';
import { fontSize } from '../../theme.ts';
import { useJob } from '../jobs/jobs-queries.ts';
import type { DatasetImportResult } from './datasets-api.ts';

/**
 * The import's last step: how many rows went in, how many replaced earlier ones, and how many
 * open cycles took new actuals — counted by the job the import announced (a moment after the
 * rows are in, the cycles follow in the background).
 */
export default function ImportDone({ ws, result }: { ws: string; result: DatasetImportResult }) {
  const { t } = useTranslation();
  const refresh = useJob(ws, result.actualsJob);
  const job = refresh.data;
  const cycles =
    job?.state === 'completed' ? (
      <Statistic title={t('importWizard.doneCycles')} value={(job.result as { refreshedCycles: number }).refreshedCycles} />
    ) : job?.state === 'failed' || refresh.isError ? (
      <Tooltip title={t('importWizard.cyclesFailed', { reason: job?.error?.message ?? '' })}>
        <Statistic title={t('importWizard.doneCycles')} value="—" prefix={<WarningOutlined />} valueStyle={{ color: 'var(--ant-color-warning)' }} />
      </Tooltip>
    ) : (
      <Statistic title={t('importWizard.doneCycles')} value={t('importWizard.cyclesRefreshing')} prefix={<SyncOutlined spin />} valueStyle={{ fontSize: fontSize.title }} />
    );
  return (
    <Result
      status="success"
      title={t('importWizard.doneTitle', { rows: result.batch.rowCount, name: result.dataset.name })}
      data-testid="dataset-import-done"
      extra={
        <Row gutter={16} style={{ maxWidth: 480, margin: '0 auto', textAlign: 'center' }}>
          <Col span={8}>
            <Statistic title={t('importWizard.doneRows')} value={result.batch.rowCount} />
          </Col>
          <Col span={8}>
            <Statistic title={t('importWizard.doneReplaced')} value={result.replaced} />
          </Col>
          <Col span={8} data-testid="dataset-import-cycles" data-state={job?.state ?? 'queued'}>
            {cycles}
          </Col>
        </Row>
      }
    />
  );
}
