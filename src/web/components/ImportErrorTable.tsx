import { Table, type TableColumnsType, Typography } from 'antd';
import type { HTMLAttributes, ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { ErrorDetail } from '../api.ts';

type Row = ErrorDetail & { key: number };
type Props = {
  details: ErrorDetail[];
  /** Above the table; by default the title "Errors". */
  heading?: ReactNode;
  /** Where each problem is; by default the spreadsheet's row, column and value. */
  columns?: TableColumnsType<Row>;
};

const orDash = (v: unknown) => v ?? '—';
const rowProps = () => ({ 'data-testid': 'import-error-row' }) as HTMLAttributes<HTMLElement>;

function CellValue({ value }: { value: unknown }) {
  if (value === undefined || value === null || value === '') return '—';
  return (
    <Typography.Text code style={{ wordBreak: 'break-all' }}>
      {String(value)}
    </Typography.Text>
  );
}

/** Every located problem of a refused import file, ten to a page. */
export default function ImportErrorTable({ details, heading, columns }: Props) {
  const { t } = useTranslation();
  const cellColumns: TableColumnsType<Row> = [
    { title: t('import.row'), dataIndex: 'row', width: 60, render: orDash },
    { title: t('import.column'), dataIndex: 'column', width: 120, render: orDash },
    { title: t('import.value'), dataIndex: 'value', width: 150, render: (v: unknown) => <CellValue value={v} /> },
    { title: t('import.message'), dataIndex: 'message' },
  ];
  return (
    <div data-testid="import-errors">
      {heading ?? <Typography.Title level={5}>{t('import.errorsTitle')}</Typography.Title>}
      <Table<Row>
        size="small"
        rowKey="key"
        dataSource={details.map((d, key) => ({ ...d, key }))}
        pagination={details.length > 10 ? { pageSize: 10, showSizeChanger: false } : false}
        tableLayout="fixed"
        onRow={rowProps}
        columns={columns ?? cellColumns}
      />
    </div>
  );
}
