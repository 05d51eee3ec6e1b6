import { type FormInstance, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { border, fontSize, space } from '../../theme.ts';
import type { DatasetColumn } from '../datasets/datasets-api.ts';

/** The dataset's columns under the expression: a click appends the column to it (bracketed when its name is no plain identifier). */
export default function MetricColumnChips({ form, columns }: { form: FormInstance; columns: DatasetColumn[] }) {
  const { t } = useTranslation();
  const insertColumn = (name: string) => {
    const current = (form.getFieldValue(['spec', 'expression']) as string | undefined) ?? '';
    const token = /^[\p{L}_][\p{L}\p{N}_]*$/u.test(name) ? name : `[${name.replaceAll(']', ']]')}]`;
    form.setFieldValue(['spec', 'expression'], current.trim() === '' ? token : `${current} ${token}`);
  };
  return (
    <div style={{ marginTop: -space.md, marginBottom: space.lg }} data-testid="metric-columns">
      <Typography.Text type="secondary" style={{ fontSize: fontSize.caption }}>
        {t('metrics.builder.columns')}
      </Typography.Text>{' '}
      {columns.map((c) => (
        <Tag.CheckableTag key={c.field} checked={false} onChange={() => insertColumn(c.name)} style={{ border: `1px dashed ${border.control}`, marginBottom: space.xs }}>
          {c.name}
        </Tag.CheckableTag>
      ))}
    </div>
  );
}
