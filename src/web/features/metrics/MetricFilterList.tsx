import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { Button, Form, Select } from 'antd';
import { useTranslation } from 'react-i18next';
import { space } from '../../theme.ts';
import type { DatasetColumn } from '../datasets/datasets-api.ts';
import { columnOptions } from './column-options.ts';
import { type FilterValues, MULTI_OPS, NO_VALUE_OPS } from './metric-form.ts';
import { FILTER_OP_LIST } from './metrics-api.ts';

type Props = { columns: DatasetColumn[]; filters: FilterValues[] | undefined; disabled: boolean };

/** The metric's filters (spec.filters): column, operator and values (none for missing/present, one unless in/not in). */
export default function MetricFilterList({ columns, filters, disabled }: Props) {
  const { t } = useTranslation();
  const required = { required: true, message: t('field.required') };
  return (
    <Form.List name={['spec', 'filters']}>
      {(fields, { add, remove }) => (
        <div style={{ marginTop: space.sm, marginBottom: space.lg }} data-testid="metric-filters">
          {fields.map((field) => {
            const op = filters?.[field.name]?.op ?? '=';
            return (
              <div key={field.key} style={{ display: 'flex', gap: space.sm, alignItems: 'flex-start' }} data-testid="metric-filter">
                <Form.Item name={[field.name, 'column']} rules={[required]} style={{ marginBottom: space.sm }}>
                  <Select options={columnOptions(columns, t)} placeholder={t('metrics.builder.filterColumn')} style={{ width: 170 }} aria-label={t('metrics.builder.filterColumn')} />
                </Form.Item>
                <Form.Item name={[field.name, 'op']} style={{ marginBottom: space.sm }}>
                  <Select options={FILTER_OP_LIST.map((o) => ({ value: o, label: t(`metrics.ops.${o}`) }))} style={{ width: 120 }} aria-label={t('metrics.builder.filterOp')} />
                </Form.Item>
                {NO_VALUE_OPS.includes(op) && <div style={{ flex: 1 }} />}
                {!NO_VALUE_OPS.includes(op) && (
                  <Form.Item name={[field.name, 'values']} rules={[required]} style={{ marginBottom: space.sm, flex: 1, minWidth: 0 }}>
                    <Select
                      mode="tags"
                      maxCount={MULTI_OPS.includes(op) ? undefined : 1}
                      tokenSeparators={[',', '，']}
                      open={false}
                      suffixIcon={null}
                      placeholder={t('metrics.builder.filterValuesHint')}
                      style={{ width: '100%' }}
                      aria-label={t('metrics.builder.filterValues')}
                      data-testid="metric-filter-values"
                    />
                  </Form.Item>
                )}
                <Button type="text" icon={<DeleteOutlined />} onClick={() => remove(field.name)} aria-label={t('common.remove')} />
              </div>
            );
          })}
          <Button type="dashed" icon={<PlusOutlined />} onClick={() => add({ op: '=', values: [] })} disabled={disabled} data-testid="metric-add-filter">
            {t('metrics.builder.addFilter')}
          </Button>
        </div>
      )}
    </Form.List>
  );
}
