import { Col, Form, type FormInstance, Input, Row, Select, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import FormulaEditor, { type FormulaRange } from '../../components/FormulaEditor.tsx';
import type { Dataset } from '../datasets/datasets-api.ts';
import { columnOptions } from './column-options.ts';
import MetricColumnChips from './MetricColumnChips.tsx';
import MetricFilterList from './MetricFilterList.tsx';
import MetricOwnerFields from './MetricOwnerFields.tsx';
import type { MetricFormValues } from './metric-form.ts';
import { AGGREGATION_LIST } from './metrics-api.ts';

type Props = {
  ws: string;
  form: FormInstance<MetricFormValues>;
  datasets: { list: Dataset[] | undefined; loading: boolean };
  /** The chosen dataset, whose columns the other fields offer. */
  dataset: Dataset | undefined;
  values: MetricFormValues | undefined;
  /** The server's problems to underline in the expression. */
  ranges: FormulaRange[];
};

/** The builder's fields: name and dataset, aggregation and date column, expression, filters, owner, unit and definition (口径). */
export default function MetricFields({ ws, form, datasets, dataset, values, ranges }: Props) {
  const { t } = useTranslation();
  const columns = dataset?.columns ?? [];
  const required = { required: true, message: t('field.required') };
  return (
    <>
      <Row gutter={16}>
        <Col xs={24} md={12}>
          <Form.Item name="name" label={t('metrics.builder.name')} rules={[required, { max: 100 }]}>
            <Input autoFocus maxLength={100} placeholder={t('metrics.builder.namePlaceholder')} data-testid="metric-name" />
          </Form.Item>
        </Col>
        <Col xs={24} md={12}>
          <Form.Item name="datasetId" label={t('metrics.builder.dataset')} rules={[required]}>
            <Select loading={datasets.loading} options={(datasets.list ?? []).map((d) => ({ value: d.id, label: d.name }))} data-testid="metric-dataset" />
          </Form.Item>
        </Col>
      </Row>
      <Row gutter={16}>
        <Col xs={24} md={8}>
          <Form.Item name={['spec', 'aggregation']} label={t('metrics.builder.aggregation')} rules={[required]}>
            <Select options={AGGREGATION_LIST.map((a) => ({ value: a, label: t(`metrics.aggregations.${a}`) }))} data-testid="metric-aggregation" />
          </Form.Item>
        </Col>
        <Col xs={24} md={16}>
          <Form.Item name={['spec', 'dateColumn']} label={t('metrics.builder.dateColumn')} extra={t('metrics.builder.dateColumnHint')} rules={[required]}>
            <Select options={columnOptions(columns, t, (type) => type === 'datetime')} disabled={!dataset} data-testid="metric-date-column" />
          </Form.Item>
        </Col>
      </Row>
      <Form.Item name={['spec', 'expression']} label={t('metrics.builder.expression')} extra={t('metrics.builder.expressionHint')}>
        <FormulaEditor ws={ws} termNames={columns.map((c) => c.name)} extraRanges={ranges} hideUnused />
      </Form.Item>
      {columns.length > 0 && <MetricColumnChips form={form} columns={columns} />}
      <Typography.Text strong>{t('metrics.builder.filters')}</Typography.Text>
      <MetricFilterList columns={columns} filters={values?.spec?.filters} disabled={!dataset} />
      <MetricOwnerFields columns={columns} kind={values?.spec?.owner?.kind ?? 'person'} disabled={!dataset} />
      <Form.Item name={['spec', 'unit']} label={t('metrics.builder.unit')} style={{ maxWidth: 240 }}>
        <Input maxLength={20} placeholder={t('metrics.builder.unitPlaceholder')} data-testid="metric-unit" />
      </Form.Item>
      <Form.Item name={['spec', 'definition']} label={t('metrics.builder.definition')} rules={[{ required: true, whitespace: true, message: t('field.required') }, { max: 2000 }]}>
        <Input.TextArea rows={3} maxLength={2000} showCount placeholder={t('metrics.builder.definitionPlaceholder')} data-testid="metric-definition" />
      </Form.Item>
    </>
  );
}
