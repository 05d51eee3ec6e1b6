import { Space, Typography } from 'antd';
import type { TFunction } from 'i18next';
import { Link } from 'react-router';
import { fontSize, space, tabularNums } from '../../theme.ts';
import type { Column } from './actuals-columns.tsx';
import { fmtTotal, GradeTag, StatusTag } from './labels.tsx';
import RowSaveState from './RowSaveState.tsx';
import type { ActualsEditing } from './use-actuals-editing.ts';

/** The grid's first column, fixed on the left: who, linking to their result, and their unit. */
export function personColumn(t: TFunction, ws: string, cycleId: string): Column {
  return {
    title: t('cycles.person'),
    key: 'person',
    fixed: 'left',
    width: 110,
    render: (_, d) => (
      <Space direction="vertical" size={0}>
        <Link to={`/w/${ws}/cycles/${cycleId}/people/${d.id}`}>{d.personName}</Link>
        <Typography.Text type="secondary" style={{ fontSize: fontSize.caption }}>
          {d.unitName ?? ''}
        </Typography.Text>
      </Space>
    ),
  };
}

/** The grid's last column, fixed on the right: the row's saved result and its save button (or "saved"). */
export function resultColumn(t: TFunction, { editing, isDirty, saveRow, justSaved }: ActualsEditing): Column {
  return {
    title: t('cycles.grid.result'),
    key: 'result',
    fixed: 'right',
    width: 130,
    render: (_, d) => (
      <Space direction="vertical" size={space.xxs} data-testid="grid-result">
        <Space size={space.xs}>
          <Typography.Text strong data-testid="grid-total" style={tabularNums}>
            {fmtTotal(d.result.total)}
          </Typography.Text>
          {d.result.grade && <GradeTag grade={d.result.grade} />}
        </Space>
        <StatusTag status={d.result.status} />
        <RowSaveState dirty={isDirty(d)} invalid={editing.hasErrors(d.id)} saving={editing.savingRow === d.id} saved={justSaved === d.id} onSave={() => saveRow(d)} />
      </Space>
    ),
  };
}
