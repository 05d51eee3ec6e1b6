/**
 * The explanation of a result (domain.md §3: every result is explainable): for each indicator
 * the actual with its formula and inputs, the target, the achievement r, the rule applied,
 * cap/floor effects, the weight and the points; then vetoes, the maximum total and the grade.
 * Renders the scoring engine's own ScoreResult, so the page shows exactly what was computed.
 */
import { Alert, Space, Table } from 'antd';
import type { HTMLAttributes, ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { IndicatorResult, Scorecard, ScoreResult } from '../../core/scoring/types.ts';
import { currentLanguage } from '../i18n/index.ts';
import { space } from '../theme.ts';
import ScoreHeadline from './ScoreHeadline.tsx';
import ScoreVetoes from './ScoreVetoes.tsx';
import { useScoreColumns } from './score-columns.tsx';

// the pages of results take the grade colours from here
export { gradeColor } from './score-format.ts';

type Props = {
  result: ScoreResult;
  /** The scorecard, for units, purposes, sources and data owners. */
  card?: Scorecard;
  /** Extra content per indicator row (e.g. an input to change an actual). */
  renderExtra?: (indicator: IndicatorResult) => ReactNode;
  testId?: string;
};

export default function ScoreExplanation({ result, card, renderExtra, testId }: Props) {
  const { t } = useTranslation();
  const lang = currentLanguage();
  const columns = useScoreColumns(card, renderExtra);
  const issues = result.status === 'complete' ? [] : result.issues;
  return (
    <Space direction="vertical" size="middle" style={{ width: '100%' }} data-testid={testId ?? 'score-explanation'}>
      <ScoreHeadline result={result} />
      {issues.length > 0 ? (
        <Alert
          type={result.status === 'invalid' ? 'error' : 'warning'}
          showIcon
          message={t('score.issues')}
          description={
            <ul style={{ margin: 0, paddingInlineStart: space.lg }}>
              {issues.map((issue, i) => (
                <li key={i}>{issue.message[lang]}</li>
              ))}
            </ul>
          }
        />
      ) : null}
      <Table<IndicatorResult>
        rowKey="key"
        size="small"
        pagination={false}
        scroll={{ x: 900 }}
        columns={columns}
        dataSource={result.indicators}
        rowClassName={(r) => (r.notApplicable ? 'kedu-row-muted' : '')}
        onRow={(r) => ({ 'data-testid': `explain-row-${r.key}`, style: r.notApplicable ? { opacity: 0.55 } : undefined }) as HTMLAttributes<HTMLElement>}
      />
      <ScoreVetoes result={result} />
    </Space>
  );
}
