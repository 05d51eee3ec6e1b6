import { CheckCircleOutlined, DownloadOutlined, WarningOutlined } from '@ant-design/icons';
import { useMutation } from '@tanstack/react-query';
import { Alert, App, Badge, Button, Card, Col, Empty, Row, Skeleton, Space, Table, Tag, Tooltip, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { Cycle, Ranking, RankingItem } from '../../api.ts';
import { errorMessage } from '../../components/form-utils.ts';
import LoadError from '../../components/LoadError.tsx';
import { gradeColor } from '../../components/ScoreExplanation.tsx';
import UnitTreeSelect from '../../components/UnitTreeSelect.tsx';
import { currentLanguage } from '../../i18n/index.ts';
import { useUnits } from '../org/org-queries.ts';
import { cyclesApi } from './cycles-api.ts';
import { useRanking } from './cycle-queries.ts';
import { fmtShare, fmtTotal, GradeTag, StatusTag } from './labels.tsx';
import { feedback, goalStatus, gradeColors, gradeNeutral, surface, text } from '../../theme.ts';


/** 排名与校准: the ranking by the total that counts, the grade distribution against the forced-distribution limits, the export. */
export default function RankingTab({ ws, cycle }: { ws: string; cycle: Cycle }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const units = useUnits(ws);
  const [unitId, setUnitId] = useState<string | null>(null);
  const ranking = useRanking(ws, cycle.id, unitId ?? undefined);
  const exporting = useMutation({ mutationFn: () => cyclesApi.exportResults(ws, cycle.id, unitId ?? undefined), onError: (e) => void message.error(errorMessage(e), 6) });

  return (
    <div data-testid="ranking-tab">
      <div style={{ display: 'flex', flexWrap: 'wrap', gap: 8, justifyContent: 'space-between', marginBottom: 16 }}>
        <div style={{ width: 240 }}>
          <UnitTreeSelect units={units.data ?? []} value={unitId} onChange={setUnitId} placeholder={t('cycles.allUnits')} testId="ranking-unit-filter" />
        </div>
        <Button icon={<DownloadOutlined />} loading={exporting.isPending} onClick={() => exporting.mutate()} data-testid="ranking-export">
          {t('cycles.ranking.export')}
        </Button>
      </div>
      {ranking.isPending ? (
        <Skeleton active paragraph={{ rows: 6 }} />
      ) : ranking.isError ? (
        <LoadError error={ranking.error} onRetry={() => ranking.refetch()} />
      ) : (
        <RankingBody ws={ws} cycle={cycle} data={ranking.data} loading={ranking.isFetching} />
      )}
    </div>
  );
}

function RankingBody({ ws, cycle, data, loading }: { ws: string; cycle: Cycle; data: Ranking; loading: boolean }) {
  const { t } = useTranslation();
  const lang = currentLanguage();
  const { violations, limits, ok } = data.forcedDistribution;
  const violators = new Set(violations.flatMap((v) => v.members));
  const violatedGrades = new Set(violations.map((v) => v.grade));
  const limitOf = (grade: string) => limits.find((l) => l.grade === grade);

  return (
    <Space direction="vertical" size="middle" style={{ width: '100%' }}>
      <Row gutter={[16, 16]}>
        <Col xs={24} lg={12}>
          <Card size="small" title={t('cycles.ranking.distribution')} data-testid="grade-distribution">
            {data.graded === 0 ? (
              <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('cycles.ranking.noneGraded')} />
            ) : (
              <Space direction="vertical" style={{ width: '100%' }} size={6}>
                {data.distribution.map((d) => {
                  const limit = limitOf(d.grade);
                  const over = violatedGrades.has(d.grade);
                  return (
                    <div key={d.grade} style={{ display: 'flex', alignItems: 'center', gap: 8 }} data-testid="grade-bar" data-grade={d.grade} data-count={d.count}>
                      <Tag color={gradeColor(d.grade)} style={{ width: 32, textAlign: 'center', marginInlineEnd: 0 }}>
                        {d.grade}
                      </Tag>
                      <div style={{ flex: 1, position: 'relative', height: 18, background: surface.track, borderRadius: 4 }} role="img" aria-label={`${d.grade}: ${d.count} (${fmtShare(d.share)})`}>
                        <div
                          style={{
                            width: `${Math.max(d.share * 100, d.count > 0 ? 2 : 0)}%`,
                            height: '100%',
                            borderRadius: 4,
                            background: over ? feedback.error : (gradeColors[d.grade] ?? gradeNeutral),
                            opacity: over ? 1 : 0.75,
                          }}
                        />
                        {limit?.maxShare !== undefined && (
                          <Tooltip title={t('cycles.ranking.maxLine', { grade: d.grade, share: fmtShare(limit.maxShare) })}>
                            <div style={{ position: 'absolute', top: -3, bottom: -3, left: `${limit.maxShare * 100}%`, borderLeft: `2px dashed ${text.marker}` }} />
                          </Tooltip>
                        )}
                        {limit?.minShare !== undefined && (
                          <div style={{ position: 'absolute', top: -3, bottom: -3, left: `${limit.minShare * 100}%`, borderLeft: `2px dotted ${goalStatus.achieved}` }} />
                        )}
                      </div>
                      <Typography.Text style={{ width: 92, textAlign: 'right', fontVariantNumeric: 'tabular-nums' }} type={over ? 'danger' : undefined}>
                        {t('cycles.ranking.countShare', { count: d.count, share: fmtShare(d.share) })}
                      </Typography.Text>
                    </div>
                  );
                })}
                <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                  {t('cycles.ranking.graded', { graded: data.graded, ungraded: data.ungraded })}
                </Typography.Text>
              </Space>
            )}
          </Card>
        </Col>
        <Col xs={24} lg={12}>
          <Card size="small" title={t('cycles.ranking.forced')} data-testid="forced-distribution">
            {limits.length === 0 ? (
              <Typography.Text type="secondary">{t('cycles.ranking.noLimits')}</Typography.Text>
            ) : (
              <Space direction="vertical" style={{ width: '100%' }}>
                <Typography.Text type="secondary">
                  {limits
                    .map((l) => `${l.grade}${l.maxShare !== undefined ? ` ≤ ${fmtShare(l.maxShare)}` : ''}${l.minShare !== undefined ? ` ≥ ${fmtShare(l.minShare)}` : ''}`)
                    .join(t('common.listSeparator'))}
                </Typography.Text>
                {ok ? (
                  <Alert type="success" showIcon icon={<CheckCircleOutlined />} title={t('cycles.ranking.ok')} data-testid="forced-ok" />
                ) : (
                  <Alert
                    // while results are still being entered the check is an early look, not a finding
                    type={cycle.state === 'open' || cycle.state === 'draft' ? 'warning' : 'error'}
                    showIcon
                    icon={<WarningOutlined />}
                    data-testid="forced-violations"
                    title={t('cycles.ranking.violations', { count: violations.length })}
                    description={
                      <>
                        <ul style={{ margin: 0, paddingInlineStart: 18 }}>
                          {violations.map((v, i) => (
                            <li key={i} data-testid="forced-violation" data-grade={v.grade}>
                              {v.message[lang]}
                            </li>
                          ))}
                        </ul>
                        {cycle.state === 'open' || cycle.state === 'draft' ? <Typography.Text type="secondary">{t('cycles.ranking.preliminary')}</Typography.Text> : null}
                      </>
                    }
                  />
                )}
              </Space>
            )}
          </Card>
        </Col>
      </Row>
      <Table<RankingItem>
        rowKey="participantId"
        size="small"
        loading={loading}
        dataSource={data.items}
        pagination={data.items.length > 50 ? { pageSize: 50, showSizeChanger: false } : false}
        scroll={{ x: 'max-content' }}
        locale={{ emptyText: <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('cycles.noParticipants')} /> }}
        onRow={(r) =>
          ({
            'data-testid': 'ranking-row',
            'data-person-name': r.personName,
            'data-violation': violators.has(r.participantId) ? 'true' : 'false',
            style: violators.has(r.participantId) ? { background: feedback.errorBg } : undefined,
          }) as object
        }
        columns={[
          { title: t('cycles.ranking.rank'), dataIndex: 'rank', width: 64, align: 'center', render: (r: number | null) => (r === null ? '—' : <Typography.Text strong>{r}</Typography.Text>) },
          {
            title: t('cycles.person'),
            dataIndex: 'personName',
            render: (name: string, r) => (
              <Space size={4}>
                <Link to={`/w/${ws}/cycles/${cycle.id}/people/${r.participantId}`}>{name}</Link>
                {violators.has(r.participantId) && (
                  <Tooltip title={t('cycles.ranking.violatorHint')}>
                    <WarningOutlined style={{ color: feedback.error }} aria-label={t('cycles.ranking.violatorHint')} />
                  </Tooltip>
                )}
              </Space>
            ),
          },
          { title: t('people.unit'), dataIndex: 'unitName', render: (v: string | null) => v ?? '—' },
          { title: t('cycles.status'), dataIndex: 'status', render: (s: RankingItem['status']) => <StatusTag status={s} /> },
          { title: t('score.total'), dataIndex: 'total', align: 'right', render: (v: number | null) => fmtTotal(v) },
          {
            title: t('cycles.adjustedTotal'),
            dataIndex: 'adjustedTotal',
            align: 'right',
            render: (v: number | null, r) =>
              v === null ? (
                '—'
              ) : (
                <Tooltip title={r.adjustmentReason}>
                  <Typography.Text strong>{fmtTotal(v)}</Typography.Text>
                </Tooltip>
              ),
          },
          {
            title: t('cycles.ranking.counted'),
            dataIndex: 'countedTotal',
            align: 'right',
            render: (v: number | null) => (
              <Typography.Text strong data-testid="ranking-total" style={{ fontVariantNumeric: 'tabular-nums' }}>
                {fmtTotal(v)}
              </Typography.Text>
            ),
          },
          { title: t('cycles.finalGrade'), dataIndex: 'finalGrade', render: (g: string | null) => <GradeTag grade={g} /> },
          {
            title: t('cycles.openAppeals'),
            dataIndex: 'openAppeals',
            align: 'center',
            render: (n: number) => (n > 0 ? <Badge count={n} color="orange" /> : <Typography.Text type="secondary">0</Typography.Text>),
          },
        ]}
      />
    </Space>
  );
}
