import { InfoCircleOutlined } from '@ant-design/icons';
import { Card, Col, Row, Skeleton, Space, Tooltip, Typography } from 'antd';
import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { GoalStatus } from '../goals/goals-api.ts';
import { fmtNumber, fmtPercent } from '../goals/labels.tsx';
import { space, text } from '../../theme.ts';

/** Numbers and percentages in the UI's locale, and status names in its language. */
export function useFormat() {
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  const num = useCallback((v: number | null | undefined) => fmtNumber(v, lang), [lang]);
  const pct = useCallback((v: number | null | undefined) => (v === null || v === undefined ? '—' : fmtPercent(v, lang)), [lang]);
  const status = useCallback((s: GoalStatus) => t(`goals.status.${s}`), [t]);
  return { num, pct, status, lang, t };
}

/** An empty state that says what to do next, with the link that does it. */
export function EmptyHint({ text, link, to, testId }: { text: string; link?: string; to?: string; testId?: string }) {
  return (
    <Typography.Paragraph type="secondary" style={{ margin: 0, padding: '16px 8px', textAlign: 'center' }} data-testid={testId}>
      {text}
      {link && to && <Link to={to}>{link}</Link>}
    </Typography.Paragraph>
  );
}

/** The loading state of a section: card-shaped placeholders where its charts will be. */
export function SectionSkeleton({ cards = 4 }: { cards?: number }) {
  return (
    <Row gutter={[16, 16]} data-testid="dashboard-loading">
      {Array.from({ length: cards }, (_, i) => (
        <Col key={i} xs={24} lg={12}>
          <Card size="small">
            <Skeleton active paragraph={{ rows: 5 }} />
          </Card>
        </Col>
      ))}
    </Row>
  );
}

/** A card title with what it shows in a tooltip (the cards' headers hold the view switch and export). */
export function TitleWithHint({ title, hint }: { title: string; hint: string }) {
  return (
    <Space size={space.sm}>
      {title}
      <Tooltip title={hint}>
        <InfoCircleOutlined aria-label={hint} tabIndex={0} style={{ color: text.secondary }} />
      </Tooltip>
    </Space>
  );
}
