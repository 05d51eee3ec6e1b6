import { Card, Empty, Space, Tag, Tooltip, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { Ranking } from '../../api.ts';
import { gradeColor } from '../../components/ScoreExplanation.tsx';
import { feedback, fontSize, goalStatus, gradeColors, gradeNeutral, space, surface, tabularNums, text } from '../../theme.ts';
import { fmtShare } from './labels.tsx';

/** The grades given, as bars, with the forced distribution's upper (dashed) and lower (dotted) limits; a grade over its limit is red. */
export default function GradeDistributionCard({ data }: { data: Ranking }) {
  const { t } = useTranslation();
  const { violations, limits } = data.forcedDistribution;
  const violatedGrades = new Set(violations.map((v) => v.grade));
  const limitOf = (grade: string) => limits.find((l) => l.grade === grade);
  return (
    <Card size="small" title={t('cycles.ranking.distribution')} data-testid="grade-distribution">
      {data.graded === 0 ? (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('cycles.ranking.noneGraded')} />
      ) : (
        <Space direction="vertical" style={{ width: '100%' }} size={space.sm}>
          {data.distribution.map((d) => {
            const limit = limitOf(d.grade);
            const over = violatedGrades.has(d.grade);
            return (
              <div key={d.grade} style={{ display: 'flex', alignItems: 'center', gap: space.sm }} data-testid="grade-bar" data-grade={d.grade} data-count={d.count}>
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
                <Typography.Text style={{ width: 92, textAlign: 'right', ...tabularNums }} type={over ? 'danger' : undefined}>
                  {t('cycles.ranking.countShare', { count: d.count, share: fmtShare(d.share) })}
                </Typography.Text>
              </div>
            );
          })}
          <Typography.Text type="secondary" style={{ fontSize: fontSize.caption }}>
            {t('cycles.ranking.graded', { graded: data.graded, ungraded: data.ungraded })}
          </Typography.Text>
        </Space>
      )}
    </Card>
  );
}
