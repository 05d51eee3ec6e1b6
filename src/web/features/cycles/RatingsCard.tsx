import { App, Button, Card, Col, Empty, Input, Radio, Row, Space, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ParticipantDetail } from '../../api.ts';
import FormAlert from '../../components/FormAlert.tsx';
import { useSaveRating } from './cycles-queries.ts';
import { fmtTotal } from './labels.tsx';
import { ratingScale } from './participant-utils.ts';
import { border, feedback, fontSize, space, surface } from '../../theme.ts';

type Rating = ParticipantDetail['ratings'][number];

/** 人工评分: per manual indicator the person's self-rating and the manager's rating, side by side; both are kept, the manager's counts. */
export default function RatingsCard({ ws, d }: { ws: string; d: ParticipantDetail }) {
  const { t } = useTranslation();
  const manual = d.termsNeeded.filter((n) => n.manual);
  return (
    <Card title={t('cycles.ratings.title')} data-testid="ratings-card">
      <Typography.Paragraph type="secondary" style={{ fontSize: fontSize.caption }}>
        {t('cycles.ratings.intro')}
      </Typography.Paragraph>
      {manual.length === 0 ? (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} />
      ) : (
        <Space direction="vertical" size="large" style={{ width: '100%' }}>
          {manual.map((n) => (
            <div key={n.key} data-testid="rating-block" data-indicator={n.key}>
              <Typography.Text strong>{n.name}</Typography.Text>
              {d.notApplicable.includes(n.key) && <Tag style={{ marginInlineStart: space.sm }}>{t('score.notApplicable')}</Tag>}
              <Row gutter={12} style={{ marginTop: space.sm }}>
                <Col xs={24} sm={12}>
                  <RatingSide ws={ws} d={d} indicatorKey={n.key} who="self" />
                </Col>
                <Col xs={24} sm={12}>
                  <RatingSide ws={ws} d={d} indicatorKey={n.key} who="manager" />
                </Col>
              </Row>
            </div>
          ))}
        </Space>
      )}
    </Card>
  );
}

function RatingSide({ ws, d, indicatorKey, who }: { ws: string; d: ParticipantDetail; indicatorKey: string; who: 'self' | 'manager' }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const saved: Rating | undefined = d.ratings.find((r) => r.indicatorKey === indicatorKey);
  const savedRating = who === 'self' ? (saved?.selfRating ?? null) : (saved?.managerRating ?? null);
  const savedComment = who === 'self' ? (saved?.selfComment ?? null) : (saved?.managerComment ?? null);
  const at = who === 'self' ? saved?.selfAt : saved?.managerAt;
  const canEdit = who === 'self' ? d.canEdit.selfRate : d.canEdit.rate;
  const [rating, setRating] = useState<number | null>(null);
  const [comment, setComment] = useState<string | null>(null);
  const [lo, hi] = ratingScale(d, indicatorKey);
  const value = rating ?? savedRating;
  const text = comment ?? savedComment ?? '';
  const dirty = (rating !== null && rating !== savedRating) || (comment !== null && comment !== (savedComment ?? ''));

  const save = useSaveRating(ws, d.cycleId, d.id);
  const saveNow = () =>
    save.mutate(
      { indicatorKey, who, rating: value!, comment: text.trim() || undefined },
      {
        onSuccess: (detail) => {
          setRating(null);
          setComment(null);
          message.success(
            who === 'self'
              ? t('cycles.ratings.selfSaved')
              : detail.result.total === null
                ? t('cycles.ratings.managerSavedIncomplete')
                : t('cycles.ratings.managerSaved', { total: fmtTotal(detail.result.total) }),
          );
        },
      },
    );

  return (
    <div
      style={{ border: `1px solid ${border.divider}`, borderRadius: 8, padding: space.md, height: '100%', background: who === 'manager' ? feedback.successBg : surface.subtle }}
      data-testid={`rating-${who}`}
    >
      <Space size={space.sm} style={{ display: 'flex', marginBottom: space.sm }} wrap>
        <Typography.Text strong>{who === 'self' ? t('cycles.selfRating') : t('cycles.managerRating')}</Typography.Text>
        {who === 'manager' && <Tag color="green">{t('cycles.ratings.counts')}</Tag>}
        {who === 'manager' && saved?.managerBy && <Typography.Text type="secondary" style={{ fontSize: fontSize.caption }}>{saved.managerBy.name}</Typography.Text>}
        {at && <Typography.Text type="secondary" style={{ fontSize: fontSize.caption }}>{at.slice(0, 10)}</Typography.Text>}
      </Space>
      {canEdit ? (
        <Space direction="vertical" style={{ width: '100%' }} size={space.sm}>
          <Radio.Group
            optionType="button"
            buttonStyle="solid"
            size="small"
            value={value ?? undefined}
            onChange={(e) => setRating(e.target.value as number)}
            options={Array.from({ length: Math.floor(hi - lo) + 1 }, (_, i) => ({ value: lo + i, label: String(lo + i) }))}
            aria-label={who === 'self' ? t('cycles.selfRating') : t('cycles.managerRating')}
            data-testid={`rating-${who}-value`}
          />
          <Input.TextArea
            rows={2}
            maxLength={2000}
            value={text}
            onChange={(e) => setComment(e.target.value)}
            placeholder={t('cycles.ratings.commentPlaceholder')}
            aria-label={t('cycles.ratings.comment')}
            data-testid={`rating-${who}-comment`}
          />
          <FormAlert error={save.error} />
          <Button type="primary" size="small" disabled={!dirty || value === null} loading={save.isPending} onClick={saveNow} data-testid={`rating-${who}-save`}>
            {t('cycles.ratings.save')}
          </Button>
        </Space>
      ) : (
        <Space direction="vertical" size={space.xs} style={{ display: 'flex' }}>
          <Typography.Text style={{ fontSize: fontSize.figure }} strong data-testid={`rating-${who}-shown`}>
            {savedRating === null ? '—' : savedRating}
            <Typography.Text type="secondary" style={{ fontSize: fontSize.caption }}>
              {' '}
              / {hi}
            </Typography.Text>
          </Typography.Text>
          {savedComment ? (
            <Typography.Text style={{ whiteSpace: 'pre-wrap' }}>{savedComment}</Typography.Text>
          ) : (
            <Typography.Text type="secondary">{savedRating === null ? t('cycles.ratings.notYet') : t('cycles.ratings.noComment')}</Typography.Text>
          )}
        </Space>
      )}
    </div>
  );
}
