import { ArrowLeftOutlined, LockOutlined } from '@ant-design/icons';
import { Alert, Card, Col, Descriptions, Row, Skeleton, Space, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import type { ParticipantDetail } from '../../api.ts';
import LoadError from '../../components/LoadError.tsx';
import ScoreExplanation from '../../components/ScoreExplanation.tsx';
import type { Scorecard, ScoreResult } from '../../../core/scoring/types.ts';
import { useCan, useCurrentWorkspace } from '../auth/session.ts';
import AdjustmentCard from './AdjustmentCard.tsx';
import { useParticipant } from './cycles-queries.ts';
import { CycleStateTag, fmtTotal, GradeTag, TrialTag } from './labels.tsx';
import ParticipantActualsCard from './ParticipantActualsCard.tsx';
import MetricValuesCard from '../metrics/MetricValuesCard.tsx';
import ParticipantAppealsCard from './ParticipantAppealsCard.tsx';
import RatingsCard from './RatingsCard.tsx';
import { space } from '../../theme.ts';
import WhatIfCard from './WhatIfCard.tsx';

/**
 * One participant's result: the explanation (ScoreExplanation), the manual ratings (self and
 * manager side by side), entering actuals, what-if, the adjustment and the appeals. A closed
 * cycle shows the frozen result, locked, without edit controls.
 */
export default function ParticipantPage() {
  const { id = '', pid = '' } = useParams();
  const { slug: ws } = useCurrentWorkspace();
  const detail = useParticipant(ws, id, pid);
  if (detail.isPending) return <Skeleton active paragraph={{ rows: 10 }} />;
  if (detail.isError) return <LoadError error={detail.error} onRetry={() => detail.refetch()} />;
  return <ParticipantView ws={ws} d={detail.data} />;
}

const EXPLAIN_CSS = `
.kedu-explain .ant-table-thead > tr > th { white-space: nowrap; }
.kedu-explain .ant-table-tbody > tr > td:nth-child(n + 3) { white-space: nowrap; }
`;

function ParticipantView({ ws, d }: { ws: string; d: ParticipantDetail }) {
  const { t } = useTranslation();
  const { personId } = useCurrentWorkspace();
  // who does not see the participants (`metrics.diff`) has no cycle page to go back to: the list
  const member = !useCan()('metrics.diff');
  const self = d.personId === personId;
  const hasManual = d.termsNeeded.some((n) => n.manual);
  const locked = d.frozen || d.cycle.state === 'closed';
  const edits = d.canEdit.enterActuals || d.canEdit.setNotApplicable;

  return (
    <Space direction="vertical" size="middle" style={{ width: '100%' }} data-testid="participant-page" data-person-name={d.personName} data-frozen={locked ? 'true' : 'false'}>
      <Card>
        <Space direction="vertical" size="small" style={{ width: '100%' }}>
          <Link to={member ? `/w/${ws}/cycles` : `/w/${ws}/cycles/${d.cycleId}`} data-testid="back-to-cycle">
            <ArrowLeftOutlined /> {member ? t('cycles.backToList') : d.cycle.name}
          </Link>
          <Space size={space.sm} wrap align="center">
            <Typography.Title level={3} style={{ margin: 0 }} data-testid="participant-name">
              {d.personName}
            </Typography.Title>
            {self && <Tag>{t('cycles.you')}</Tag>}
            <CycleStateTag state={d.cycle.state} />
            {d.cycle.trial && <TrialTag />}
            {locked && (
              <Tag icon={<LockOutlined />} color="default" data-testid="result-frozen">
                {t('cycles.frozen')}
              </Tag>
            )}
          </Space>
          <Descriptions
            size="small"
            column={{ xs: 1, sm: 2, lg: 4 }}
            items={[
              { key: 'cycle', label: t('cycles.cycle'), children: t('common.withNote', { text: d.cycle.name, note: d.cycle.periodLabel }) },
              { key: 'unit', label: t('people.unit'), children: d.unitName ?? '—' },
              { key: 'template', label: t('cycles.template'), children: d.templateName },
              {
                key: 'computed',
                label: locked ? t('cycles.frozenAt') : t('cycles.computedAt'),
                children: d.computedAt.slice(0, 16).replace('T', ' '),
              },
            ]}
          />
          {d.adjustedTotal !== null && (
            <Alert
              type="info"
              showIcon
              data-testid="adjusted-banner"
              title={
                <Space size={space.sm} wrap>
                  <span>{t('cycles.adjust.counts', { total: fmtTotal(d.adjustedTotal) })}</span>
                  <GradeTag grade={d.finalGrade} />
                  <Typography.Text type="secondary">{t('cycles.adjust.computedWas', { total: fmtTotal(d.total) })}</Typography.Text>
                </Space>
              }
            />
          )}
          {locked && (
            <Alert type="info" showIcon icon={<LockOutlined />} title={t('cycles.frozenHint')} data-testid="participant-locked" />
          )}
          {d.cycle.trial && <Alert type="warning" showIcon title={t('cycles.trialBanner')} />}
        </Space>
      </Card>

      <Card title={t('score.explainTitle')} data-testid="explanation-card" className="kedu-explain">
        {/* keeps headers, targets and points on one line (the shared table otherwise squeezes them) */}
        <style>{EXPLAIN_CSS}</style>
        <ScoreExplanation result={d.result as unknown as ScoreResult} card={d.card as unknown as Scorecard} />
      </Card>

      {(hasManual || edits) && (
        <Row gutter={[16, 16]}>
          {edits && (
            <Col xs={24} xl={hasManual ? 14 : 24}>
              <ParticipantActualsCard ws={ws} d={d} />
            </Col>
          )}
          {hasManual && (
            <Col xs={24} xl={edits ? 10 : 24}>
              <RatingsCard ws={ws} d={d} />
            </Col>
          )}
        </Row>
      )}

      {!edits && <MetricValuesCard d={d} />}

      {!locked && <WhatIfCard ws={ws} d={d} />}

      <Row gutter={[16, 16]}>
        <Col xs={24} lg={10}>
          <AdjustmentCard ws={ws} d={d} />
        </Col>
        <Col xs={24} lg={14}>
          <ParticipantAppealsCard ws={ws} d={d} />
        </Col>
      </Row>
    </Space>
  );
}
