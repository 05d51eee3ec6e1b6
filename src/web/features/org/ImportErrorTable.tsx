import { Table, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { ErrorDetail } from '../../api.ts';

/** Every error of a refused import file: row (as the spreadsheet numbers it), column, value, problem. */
export default function ImportErrorTable({ details }: { details: ErrorDetail[] }) {
  const { t } = useTranslation();
  return (
    <div data-testid="import-errors">
      <Typography.Title level={5}>{t('import.errorsTitle')}</Typography.Title>
      <Table<ErrorDetail & { key: number }>
        size="small"
        rowKey="key"
        dataSource={details.map((d, key) => ({ ...d, key }))}
        pagination={details.length > 10 ? { pageSize: 10, showSizeChanger: false } : false}
        tableLayout="fixed"
        columns={[
          { title: t('import.row'), dataIndex: 'row', width: 60, render: (v) => v ?? '—' },
          { title: t('import.column'), dataIndex: 'column', width: 120, render: (v) => v ?? '—' },
          {
            title: t('import.value'),
            dataIndex: 'value',
            width: 150,
            render: (v: unknown) =>
              v === undefined || v === null || v === '' ? (
                '—'
              ) : (
                <Typography.Text code style={{ wordBreak: 'break-all' }}>
                  {String(v)}
                </Typography.Text>
              ),
          },
          { title: t('import.message'), dataIndex: 'message' },
        ]}
      />
    </div>
  );
}
