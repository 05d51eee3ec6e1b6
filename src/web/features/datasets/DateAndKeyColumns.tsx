import { Col, Form, Row, Select } from 'antd';
import { useTranslation } from 'react-i18next';
import { space } from '../../theme.ts';
import type { ColumnDraft } from './column-drafts.ts';

type Props = { kept: ColumnDraft[]; dateIdx: number | null; onDate: (index: number) => void; keyIdx: number[]; onKeys: (indexes: number[]) => void; dateMissing: boolean };

/** A new dataset's date column (which places a row in a period) and key columns (which identify a row across imports). */
export default function DateAndKeyColumns({ kept, dateIdx, onDate, keyIdx, onKeys, dateMissing }: Props) {
  const { t } = useTranslation();
  return (
    <Row gutter={16} style={{ marginTop: space.md }}>
      <Col xs={24} md={12}>
        <Form.Item label={t('importWizard.dateColumn')} help={dateMissing ? t('importWizard.dateColumnMissing') : t('importWizard.dateColumnHint')} validateStatus={dateMissing ? 'error' : undefined} layout="vertical">
          <Select
            value={dateIdx ?? undefined}
            onChange={(v: number) => onDate(v)}
            options={kept.filter((d) => d.type === 'datetime').map((d) => ({ value: d.index, label: d.name || d.header }))}
            aria-label={t('importWizard.dateColumn')}
            data-testid="preview-date-column"
          />
        </Form.Item>
      </Col>
      <Col xs={24} md={12}>
        <Form.Item label={t('importWizard.keyColumns')} help={t('importWizard.keyColumnsHint')} layout="vertical">
          <Select
            mode="multiple"
            maxCount={5}
            value={keyIdx.filter((i) => kept.some((d) => d.index === i))}
            onChange={(v: number[]) => onKeys(v)}
            options={kept.map((d) => ({ value: d.index, label: d.name || d.header }))}
            aria-label={t('importWizard.keyColumns')}
            data-testid="preview-key-columns"
          />
        </Form.Item>
      </Col>
    </Row>
  );
}
