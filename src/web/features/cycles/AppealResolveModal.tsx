import { App, Col, Form, Input, InputNumber, Modal, Row, Skeleton, Space, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { Appeal, ParticipantDetail } from '../../api.ts';
import FormAlert from '../../components/FormAlert.tsx';
import FormButtons from '../../components/FormButtons.tsx';
import { useParticipant, useResolveAppeal } from './cycles-queries.ts';
import { managerRatingOf, ratingScale } from './participant-utils.ts';
import { groupDigits, ungroupDigits } from '../../components/number-input.ts';
import { space, surface } from '../../theme.ts';

type Props = { ws: string; cycleId: string; appeal: Appeal; mode: 'accept' | 'reject'; onClose: () => void };
type Values = { resolution: string; corrections: Record<string, number | null> };

/** Only the values that differ from what is entered are corrections. */
function correctionsOf(typed: Values['corrections'] | undefined, d: ParticipantDetail | undefined): Record<string, number> {
  return Object.fromEntries(
    Object.entries(typed ?? {}).filter(([key, value]) => {
      if (value === null || value === undefined) return false;
      const current = d?.values.find((x) => x.term === key)?.value ?? (d ? managerRatingOf(d, key) : null);
      return value !== current;
    }),
  ) as Record<string, number>;
}

/**
 * Resolves an appeal: accept with corrected values (the terms the appealed indicator reads,
 * or the manager's rating of a manual one; all terms for an appeal about the whole result),
 * or reject with a written resolution.
 */
export default function AppealResolveModal({ ws, cycleId, appeal, mode, onClose }: Props) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const detail = useParticipant(ws, cycleId, appeal.participantId);
  const [form] = Form.useForm<Values>();
  const resolve = useResolveAppeal(ws, cycleId, appeal.id);
  const submit = (v: Values) =>
    resolve.mutate(
      mode === 'reject'
        ? { accept: false, resolution: v.resolution.trim() }
        : { accept: true, corrections: correctionsOf(v.corrections, detail.data), resolution: v.resolution.trim() },
      {
        onSuccess: (r) => {
          message.success(mode === 'accept' ? t('cycles.appeals.accepted', { name: appeal.personName, total: r.result.total?.toFixed(2) ?? '—' }) : t('cycles.appeals.rejected', { name: appeal.personName }));
          onClose();
        },
      },
    );

  type Field = { key: string; label: string; value: number | null; scale: [number, number] | null };
  const fields = (): Field[] => {
    const d = detail.data;
    if (!d) return [];
    const needs = appeal.indicatorKey ? d.termsNeeded.filter((n) => n.key === appeal.indicatorKey) : d.termsNeeded;
    return needs.flatMap((n): Field[] =>
      n.manual
        ? [{ key: n.key, label: t('cycles.appeals.ratingOf', { indicator: n.name }), value: managerRatingOf(d, n.key), scale: ratingScale(d, n.key) }]
        : n.terms.map((term) => ({ key: term, label: n.terms.length === 1 && term === n.key ? term : `${n.name} · ${term}`, value: d.values.find((x) => x.term === term)?.value ?? null, scale: null })),
    );
  };

  return (
    <Modal
      open
      title={mode === 'accept' ? t('cycles.appeals.acceptTitle', { name: appeal.personName }) : t('cycles.appeals.rejectTitle', { name: appeal.personName })}
      onCancel={onClose}
      footer={null}
      destroyOnHidden
      width={680}
    >
      <Space direction="vertical" style={{ width: '100%' }}>
        <Typography.Paragraph style={{ background: surface.subtle, padding: space.md, borderRadius: 6, marginBottom: space.sm }}>
          <Typography.Text strong>{appeal.indicatorName ?? t('cycles.appeals.wholeResult')}</Typography.Text>
          <br />
          {appeal.reason}
        </Typography.Paragraph>
        {mode === 'accept' && detail.isPending ? (
          <Skeleton active />
        ) : (
          <Form
            form={form}
            layout="vertical"
            data-testid="appeal-resolve-form"
            initialValues={{ corrections: Object.fromEntries(fields().map((f) => [f.key, f.value])) }}
            onFinish={submit}
          >
            {mode === 'accept' && (
              <>
                <Typography.Text type="secondary">{t('cycles.appeals.correctionsHint')}</Typography.Text>
                <Row gutter={12} style={{ marginTop: space.sm }}>
                  {fields().map((f) => (
                    <Col key={f.key} xs={24} sm={12}>
                      <Form.Item name={['corrections', f.key]} label={f.label} style={{ marginBottom: space.sm }}>
                        <InputNumber min={f.scale?.[0]} max={f.scale?.[1]} formatter={groupDigits} parser={ungroupDigits} style={{ width: '100%' }} data-testid="appeal-correction" data-term={f.key} />
                      </Form.Item>
                    </Col>
                  ))}
                </Row>
              </>
            )}
            <Form.Item
              name="resolution"
              label={t('cycles.appeals.resolution')}
              rules={[{ required: true, whitespace: true, min: mode === 'reject' ? 5 : 1, message: mode === 'reject' ? t('cycles.reasonRule') : t('field.required') }]}
            >
              <Input.TextArea rows={3} maxLength={2000} showCount data-testid="appeal-resolution" />
            </Form.Item>
            <FormAlert error={resolve.error} />
            <FormButtons
              onCancel={onClose}
              loading={resolve.isPending}
              testId="appeal-resolve-submit"
              danger={mode === 'reject'}
              submitLabel={mode === 'accept' ? t('cycles.appeals.accept') : t('cycles.appeals.reject')}
            />
          </Form>
        )}
      </Space>
    </Modal>
  );
}
