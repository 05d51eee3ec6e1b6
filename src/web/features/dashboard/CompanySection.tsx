import { Col, Row } from 'antd';
import { useMemo } from 'react';
import LoadError from '../../components/LoadError.tsx';
import { SectionSkeleton, useFormat } from './common.tsx';
import { useCompanyDashboard } from './dashboard-queries.ts';
import KeyTrendsCard from './KeyTrendsCard.tsx';
import RadarCard from './RadarCard.tsx';
import RankingCards from './RankingCards.tsx';
import type { StackRow } from './status-charts.ts';
import TreeHealthCard from './TreeHealthCard.tsx';

/**
 * 公司: the goal tree's health by level and top unit, the balanced scorecard, key indicators and the
 * ranking. A solo workspace has no units and no appraisal: its owner sees the rest.
 */
export default function CompanySection({ ws, solo = false }: { ws: string; solo?: boolean }) {
  const { t } = useFormat();
  const company = useCompanyDashboard(ws);
  // a solo seller's goals are all the company's: the empty unit and person levels are left out
  const levels = useMemo<StackRow[]>(() => (company.data?.levels ?? []).filter((l) => !solo || l.total > 0).map((l) => ({ key: l.level, label: t(`goals.ownerKinds.${l.level}`), total: l.total, counts: l.statusCounts })), [company.data, solo, t]);
  const units = useMemo<StackRow[]>(() => (company.data?.units ?? []).map((u) => ({ key: u.unitId, label: u.name, total: u.total, counts: u.statusCounts })), [company.data]);
  if (company.isPending) return <SectionSkeleton cards={6} />;
  if (company.isError) return <LoadError error={company.error} onRetry={() => company.refetch()} />;
  const d = company.data;
  return (
    <Row gutter={[16, 16]} data-testid="dashboard-company">
      <Col xs={24} xl={solo ? 24 : 12}>
        <TreeHealthCard ws={ws} title={t('dashboard.company.levels')} ariaLabel={t('dashboard.company.levelsAria')} firstColumn={t('dashboard.company.level')} rows={levels} fileName="goal-tree-levels" testId="company-levels" />
      </Col>
      {!solo && (
        <Col xs={24} xl={12}>
          <TreeHealthCard ws={ws} title={t('dashboard.company.units')} ariaLabel={t('dashboard.company.unitsAria', { count: units.length })} firstColumn={t('dashboard.company.unit')} rows={units} fileName="goal-tree-units" testId="company-units" />
        </Col>
      )}
      <Col xs={24} xl={10}>
        <RadarCard radar={d.radar} />
      </Col>
      <Col xs={24} xl={14}>
        <KeyTrendsCard ws={ws} trends={d.trends} />
      </Col>
      {!solo && <RankingCards ws={ws} ranking={d.ranking} />}
    </Row>
  );
}
