import { DownloadOutlined, LineChartOutlined, TableOutlined } from '@ant-design/icons';
import { Button, Card, Empty, Segmented, Skeleton, Space, Table, type TableColumnType, Tooltip } from 'antd';
import { lazy, type ReactNode, Suspense, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { space } from '../../theme.ts';
import type { EChartHandle } from './EChart.tsx';
import type { ChartOption } from './echarts-setup.ts';

// ECharts is its own chunk: the page (and the table view) shows at once, the chart when its code has come
const EChart = lazy(() => import('./EChart.tsx'));

/** One column of the table view; `format` renders the cell (numbers in the UI's locale). */
export type ChartColumn<Row> = {
  key: keyof Row & string;
  title: string;
  align?: 'left' | 'right' | 'center';
  format?: (value: Row[keyof Row], row: Row) => ReactNode;
};

type Props<Row> = {
  title: ReactNode;
  /** The data, one row per point: the chart and its table are both drawn from it. */
  rows: Row[];
  columns: ChartColumn<Row>[];
  /** Builds the chart from the rows (called again only when the rows change). */
  buildOption: (rows: Row[]) => ChartOption;
  /** What the chart shows, for screen readers. */
  ariaLabel: string;
  rowKey: (keyof Row & string) | ((row: Row) => string);
  height?: number;
  /** The PNG's name, without extension. */
  fileName: string;
  testId?: string;
  extra?: ReactNode;
  /** Shown instead of both views when there are no rows. */
  empty?: ReactNode;
  /** Under the chart or the table (a note about what they show), when there are rows. */
  footer?: ReactNode;
  size?: 'small' | 'default';
};

/**
 * Every chart of the app: a title, a switch between the chart and a table of the same data
 * (the table is the accessible alternative to the canvas) and an "export PNG" button.
 */
export default function ChartCard<Row extends object>(props: Props<Row>) {
  const { title, rows, columns, buildOption, ariaLabel, rowKey, height, fileName, testId, extra, empty, footer, size = 'small' } = props;
  const { t } = useTranslation();
  const [view, setView] = useState<'chart' | 'table'>('chart');
  const chart = useRef<EChartHandle>(null);
  const option = useMemo(() => buildOption(rows), [buildOption, rows]);

  const exportPng = () => {
    const url = chart.current?.toPng();
    if (!url) return;
    const a = document.createElement('a');
    a.href = url;
    a.download = `${fileName}.png`;
    document.body.appendChild(a);
    a.click();
    a.remove();
  };

  const tableColumns: TableColumnType<Row>[] = columns.map((c) => ({
    key: c.key,
    title: c.title,
    dataIndex: c.key,
    align: c.align,
    render: (value: Row[keyof Row], row: Row) => (c.format ? c.format(value, row) : String(value ?? '—')),
  }));

  const controls = (
    <Space size={space.xs}>
      {extra}
      <Segmented
        size="small"
        value={view}
        onChange={(v) => setView(v as 'chart' | 'table')}
        options={[
          { value: 'chart', icon: <LineChartOutlined />, title: t('chart.showChart'), label: t('chart.chart') },
          { value: 'table', icon: <TableOutlined />, title: t('chart.showTable'), label: t('chart.table') },
        ]}
        aria-label={t('chart.view')}
        data-testid={testId ? `${testId}-view` : undefined}
      />
      <Tooltip title={t('chart.exportPng')}>
        <Button size="small" icon={<DownloadOutlined />} onClick={exportPng} disabled={view !== 'chart' || rows.length === 0} aria-label={t('chart.exportPng')} data-testid={testId ? `${testId}-png` : undefined} />
      </Tooltip>
    </Space>
  );

  return (
    <Card title={title} size={size} extra={controls} data-testid={testId} data-view={view}>
      {rows.length === 0 ? (
        (empty ?? <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('chart.noData')} />)
      ) : view === 'chart' ? (
        <Suspense fallback={<Skeleton.Node active style={{ width: '100%', height: height ?? 280 }} />}>
          <EChart ref={chart} option={option} ariaLabel={ariaLabel} height={height} testId={testId ? `${testId}-chart` : undefined} />
        </Suspense>
      ) : (
        <Table<Row> size="small" rowKey={rowKey} dataSource={rows} columns={tableColumns} pagination={rows.length > 10 ? { pageSize: 10, size: 'small', showSizeChanger: false } : false} scroll={{ x: 'max-content' }} />
      )}
      {rows.length > 0 && footer}
    </Card>
  );
}
