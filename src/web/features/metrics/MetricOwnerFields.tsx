import { Col, Form, Row, Select } from 'antd';
import { useTranslation } from 'react-i18next';
import type { DatasetColumn } from '../datasets/datasets-api.ts';
import { columnOptions } from './column-options.ts';
import { OWNER_KINDS, type OwnerKind } from './metrics-api.ts';

type Props = { columns: DatasetColumn[]; kind: OwnerKind; disabled: boolean };

/** Whose value the metric gives (spec.owner): its kind, the text column naming the owner, and how a person is matched. */
export default function MetricOwnerFields({ columns, kind, disabled }: Props) {
  const { t } = useTranslation();
  const required = { required: true, message: t('field.required') };
  return (
    <Row gutter={16}>
      <Col xs={24} md={8}>
        <Form.Item name={['spec', 'owner', 'kind']} label={t('metrics.builder.ownerKind')} rules={[required]}>
          <Select options={OWNER_KINDS.map((k) => ({ value: k, label: t(`metrics.ownerKinds.${k}`) }))} data-testid="metric-owner-kind" />
        </Form.Item>
      </Col>
      {kind !== 'workspace' && (
        <Col xs={24} md={8}>
          <Form.Item name={['spec', 'owner', 'column']} label={t('metrics.builder.ownerColumn')} rules={[required]}>
            <Select options={columnOptions(columns, t, (type) => type === 'text')} disabled={disabled} data-testid="metric-owner-column" />
          </Form.Item>
        </Col>
      )}
      {kind === 'person' && (
        <Col xs={24} md={8}>
          <Form.Item name={['spec', 'owner', 'match']} label={t('metrics.builder.ownerMatch')} initialValue="name">
            <Select options={(['name', 'email', 'employee_no'] as const).map((m) => ({ value: m, label: t(`metrics.match.${m}`) }))} data-testid="metric-owner-match" />
          </Form.Item>
        </Col>
      )}
    </Row>
  );
}
