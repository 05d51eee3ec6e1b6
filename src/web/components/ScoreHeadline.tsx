import { Space, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { describeEffect } from '../../core/scoring/describe.ts';
import type { ScoreResult } from '../../core/scoring/types.ts';
import { currentLanguage } from '../i18n/index.ts';
import { fontSize, space } from '../theme.ts';
import { gradeColor } from './score-format.ts';

/** The total, the grade, the status, the subtotal before a veto or cap, and the vetoes that bit. */
export default function ScoreHeadline({ result, testId }: { result: ScoreResult; testId?: string }) {
  const { t } = useTranslation();
  const lang = currentLanguage();
  const statusColor = { complete: 'success', incomplete: 'warning', invalid: 'error' } as const;
  return (
    <Space size="large" wrap data-testid={testId ?? 'score-headline'} align="center">
      <span>
        <Typography.Text type="secondary">{t('score.total')} </Typography.Text>
        <Typography.Text strong style={{ fontSize: fontSize.headline }} data-testid="score-total">
          {result.total === null ? '—' : result.total.toFixed(2)}
        </Typography.Text>
      </span>
      {result.grade ? (
        <Tag color={gradeColor(result.grade)} style={{ fontSize: fontSize.title, padding: `${space.xxs}px 10px` }} data-testid="score-grade">
          {result.grade}
        </Tag>
      ) : null}
      <Tag color={statusColor[result.status]} data-testid="score-status">
        {t(`score.status.${result.status}`)}
      </Tag>
      {result.subtotal !== null && result.total !== null && Math.abs(result.subtotal - result.total) > 1e-9 ? (
        <Typography.Text type="secondary">
          {t('score.subtotal')} {result.subtotal.toFixed(2)}
        </Typography.Text>
      ) : null}
      {result.vetoes.length === 0 ? null : (
        <Typography.Text type="danger">
          {t('score.veto')}: {result.vetoes.map((v) => describeEffect(v.effect)[lang]).join('; ')}
        </Typography.Text>
      )}
    </Space>
  );
}
