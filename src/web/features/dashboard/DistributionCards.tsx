import { Col } from 'antd';
import { useCallback, useMemo } from 'react';
import { Link } from 'react-router';
import ChartCard, { type ChartColumn } from '../../components/charts/ChartCard.tsx';
import { EmptyHint, TitleWithHint, useFormat } from './common.tsx';
import type { TeamDashboard } from './dashboard-api.ts';
import { links } from './links.ts';
import { type CountRow, countBarOption } from './score-charts.ts';
import { chart, fontSize } from '../../theme.ts';

/** The latest cycle's totals in bands of 10 points and its grades, side by side; the cycle name leads to its ranking. */
export default function DistributionCards({ ws, distribution }: { ws: string; distribution: TeamDashboard['distribution'] }) {
  const { num, t } = useFormat();
  const { cycle } = distribution;
  const bucketRows = useMemo<CountRow[]>(() => (cycle ? distribution.buckets.map((b) => ({ key: b.bucket, label: t(`dashboard.team.bucketLabels.${b.bucket}`), count: b.count })) : []), [cycle, distribution.buckets, t]);
  const gradeRows = useMemo<CountRow[]>(() => distribution.grades.map((g) => ({ key: g.grade, label: g.grade, count: g.count })), [distribution.grades]);
  const people = t('dashboard.team.people');
  const bucketOption = useCallback((r: CountRow[]) => countBarOption(r, people, chart.actual, num), [people, num]);
  const gradeOption = useCallback((r: CountRow[]) => countBarOption(r, people, chart.secondary, num), [people, num]);
  const columns = (first: string): ChartColumn<CountRow>[] => [
    { key: 'label', title: first },
    { key: 'count', title: people, align: 'right', format: (v) => num(Number(v)) },
  ];
  const hint = cycle ? t('dashboard.team.cycle', { name: cycle.name }) : '';
  const empty = <EmptyHint text={t('dashboard.team.noResults')} link={t('dashboard.team.noResultsLink')} to={links.cycles(ws)} />;
  const cycleLink = cycle && (
    <Link to={links.cycle(ws, cycle.id)} style={{ fontSize: fontSize.caption }} data-testid="distribution-cycle">
      {cycle.periodLabel}
    </Link>
  );
  const cycleName = cycle?.name ?? '';
  // the two charts differ only in their rows, colour and words: one card, drawn twice
  const charts = [
    { key: 'buckets', rows: bucketRows, build: bucketOption, first: t('dashboard.team.bucket'), aria: t('dashboard.team.bucketsAria', { cycle: cycleName, count: distribution.participants }), fileName: 'score-distribution' },
    { key: 'grades', rows: gradeRows, build: gradeOption, first: t('dashboard.company.grade'), aria: t('dashboard.team.gradesAria', { cycle: cycleName, count: distribution.participants }), fileName: 'grade-distribution' },
  ] as const;
  return (
    <>
      {charts.map((c) => (
        <Col key={c.key} xs={24} lg={12}>
          <ChartCard<CountRow>
            title={<TitleWithHint title={t(`dashboard.team.${c.key}`)} hint={hint} />}
            extra={cycleLink}
            rows={c.rows}
            rowKey="key"
            columns={columns(c.first)}
            buildOption={c.build}
            ariaLabel={c.aria}
            fileName={c.fileName}
            height={240}
            testId={`team-${c.key}`}
            empty={empty}
          />
        </Col>
      ))}
    </>
  );
}
