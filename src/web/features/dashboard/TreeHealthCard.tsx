import { useCallback } from 'react';
import ChartCard, { type ChartColumn } from '../../components/charts/ChartCard.tsx';
import { EmptyHint, useFormat } from './common.tsx';
import { links } from './links.ts';
import { type StackRow, stackedStatusOption, STATUS_ORDER } from './status-charts.ts';

type Props = { ws: string; title: string; ariaLabel: string; firstColumn: string; rows: StackRow[]; fileName: string; testId: string };

/** The goal tree's health: a bar per level or per top unit, stacked by status, the counts in its table. */
export default function TreeHealthCard({ ws, title, ariaLabel, firstColumn, rows, fileName, testId }: Props) {
  const { num, status, t } = useFormat();
  // the table shows every status as a column, so one row reads as the bar it stands for
  type Flat = StackRow & Record<string, unknown>;
  const buildOption = useCallback((r: Flat[]) => stackedStatusOption(r, status, num), [status, num]);
  const flat: Flat[] = rows.map((r) => ({ ...r, ...Object.fromEntries(STATUS_ORDER.map((s) => [`s_${s}`, r.counts[s]])) }));
  const columns: ChartColumn<Flat>[] = [
    { key: 'label', title: firstColumn },
    ...STATUS_ORDER.map((s) => ({ key: `s_${s}`, title: status(s), align: 'right' as const, format: (v: unknown) => num(Number(v)) })),
    { key: 'total', title: t('dashboard.company.total'), align: 'right', format: (v) => num(Number(v)) },
  ];
  const height = Math.max(180, 60 + rows.length * 34);
  return (
    <ChartCard<Flat>
      title={title}
      rows={rows.every((r) => r.total === 0) ? [] : flat}
      rowKey="key"
      columns={columns}
      buildOption={buildOption}
      ariaLabel={ariaLabel}
      fileName={fileName}
      height={height}
      testId={testId}
      empty={<EmptyHint text={t('dashboard.company.noGoals')} link={t('dashboard.company.noGoalsLink')} to={links.plans(ws)} />}
    />
  );
}
