import { Card, Col, Table, type TableColumnsType } from 'antd';
import { useCallback } from 'react';
import { Link } from 'react-router';
import ChartCard, { type ChartColumn } from '../../components/charts/ChartCard.tsx';
import { EmptyHint, TitleWithHint, useFormat } from './common.tsx';
import type { CompanyDashboard } from './dashboard-api.ts';
import { links } from './links.ts';
import { type RankRow, rankingOption } from './score-charts.ts';

/** The top of the latest cycle: a table whose names and totals lead to how each was scored, and the same as bars. */
export default function RankingCards({ ws, ranking }: { ws: string; ranking: CompanyDashboard['ranking'] }) {
  const { num, t } = useFormat();
  const { cycle, items } = ranking;
  const explain = (r: RankRow) => (cycle ? links.result(ws, cycle.id, r.participantId) : '#');
  const totalLabel = t('dashboard.company.total_');
  const buildOption = useCallback((r: RankRow[]) => rankingOption(r, totalLabel, num), [totalLabel, num]);
  const nameLink = (r: RankRow) => (
    <Link to={explain(r)} data-testid="ranking-name">
      {r.name}
    </Link>
  );
  const tableColumns: TableColumnsType<RankRow> = [
    { key: 'rank', title: t('dashboard.company.rank'), dataIndex: 'rank', align: 'right', width: 56, render: (v: number) => num(v) },
    { key: 'name', title: t('dashboard.company.name'), render: (_, r) => nameLink(r) },
    { key: 'unit', title: t('dashboard.company.unit'), render: (_, r) => r.unitName ?? '—' },
    { key: 'total', title: totalLabel, align: 'right', render: (_, r) => <Link to={explain(r)}>{num(r.total)}</Link> },
    { key: 'grade', title: t('dashboard.company.grade'), render: (_, r) => r.grade ?? '—' },
  ];
  const chartColumns: ChartColumn<RankRow>[] = [
    { key: 'rank', title: t('dashboard.company.rank'), align: 'right', format: (v) => num(Number(v)) },
    { key: 'name', title: t('dashboard.company.name'), format: (_, r) => nameLink(r) },
    { key: 'total', title: totalLabel, align: 'right', format: (v) => num(Number(v)) },
  ];
  const hint = cycle ? t('dashboard.company.rankingHint', { cycle: cycle.name, count: items.length }) : '';
  const title = <TitleWithHint title={t('dashboard.company.ranking')} hint={hint} />;
  const cycleLink = cycle && <Link to={links.cycle(ws, cycle.id)}>{cycle.name}</Link>;
  const empty = <EmptyHint text={t('dashboard.company.noRanking')} link={t('dashboard.company.noRankingLink')} to={links.cycles(ws)} />;
  return (
    <>
      <Col xs={24} xl={12}>
        <Card size="small" title={title} extra={cycleLink} data-testid="company-ranking-table">
          {items.length === 0 ? empty : <Table<RankRow> size="small" rowKey="participantId" dataSource={items} columns={tableColumns} pagination={false} scroll={{ x: 'max-content' }} />}
        </Card>
      </Col>
      <Col xs={24} xl={12}>
        <ChartCard<RankRow>
          title={title}
          rows={items}
          rowKey="participantId"
          columns={chartColumns}
          buildOption={buildOption}
          ariaLabel={t('dashboard.company.rankingAria', { cycle: cycle?.name ?? '', count: items.length })}
          fileName="ranking"
          height={Math.max(200, 40 + items.length * 30)}
          testId="company-ranking"
          empty={empty}
        />
      </Col>
    </>
  );
}
