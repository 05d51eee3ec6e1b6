import { type ReactNode, useCallback, useMemo } from 'react';
import ChartCard, { type ChartColumn } from '../../components/charts/ChartCard.tsx';
import type { GoalStatus } from '../goals/goals-api.ts';
import { StatusTag } from '../goals/labels.tsx';
import { useFormat } from './common.tsx';
import { type StatusRow, statusBarOption, statusDonutOption, statusRows } from './status-charts.ts';

type Props = { title: string; ariaLabel: string; counts: Record<GoalStatus, number>; kind: 'donut' | 'bar'; fileName: string; testId: string; empty: ReactNode };

/** Goals by status, as a donut (my goals) or bars (my team's), with the counts as its table. */
export default function StatusChartCard({ title, ariaLabel, counts, kind, fileName, testId, empty }: Props) {
  const { num, status, t } = useFormat();
  const rows = useMemo(() => statusRows(counts, status), [counts, status]);
  const buildOption = useCallback((r: StatusRow[]) => (kind === 'donut' ? statusDonutOption(r, num) : statusBarOption(r, num)), [kind, num]);
  const columns: ChartColumn<StatusRow>[] = [
    { key: 'status', title: t('dashboard.status'), format: (v) => <StatusTag status={v as GoalStatus} /> },
    { key: 'count', title: t('dashboard.team.goals'), align: 'right', format: (v) => num(Number(v)) },
  ];
  return <ChartCard<StatusRow> title={title} rows={rows} rowKey="status" columns={columns} buildOption={buildOption} ariaLabel={ariaLabel} fileName={fileName} height={260} testId={testId} empty={empty} />;
}
