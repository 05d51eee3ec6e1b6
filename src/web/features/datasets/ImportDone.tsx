import { Col, Result, Row, Statistic } from 'antd';
import { useTranslation } from 'react-i18next';
import type { DatasetImportResult } from './datasets-api.ts';

/** The import's last step: how many rows went in, how many replaced earlier ones, which open cycles took new actuals. */
export default function ImportDone({ result }: { result: DatasetImportResult }) {
  const { t } = useTranslation();
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
          <Col span={8}>
            <Statistic title={t('importWizard.doneCycles')} value={result.refreshedCycles} />
          </Col>
        </Row>
      }
    />
  );
}
