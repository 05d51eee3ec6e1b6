import { App, Button, Card, Descriptions, Form, Input, InputNumber, Modal, Space, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ParticipantDetail } from '../../api.ts';
import FormAlert from '../../components/FormAlert.tsx';
import FormButtons from '../../components/FormButtons.tsx';
import { applyServerErrors } from '../../components/form-utils.ts';
import { space } from '../../theme.ts';
import { useAdjustment } from './cycles-queries.ts';
import { fmtTotal, GradeTag } from './labels.tsx';

/** 调整: the total that counts instead of the computed one, set by the manager with a written reason (who, when, why shown). */
export default function AdjustmentCard({ ws, d }: { ws: string; d: ParticipantDetail }) {
  const { t } = useTranslation();
  const [dialog, setDialog] = useState<'set' | 'remove' | null>(null);
  const adjusted = d.adjustedTotal !== null;
  if (!adjusted && !d.canEdit.adjust) {
    return (
      <Card title={t('cycles.adjust.title')} data-testid="adjustment-card">
        <Typography.Text type="secondary">{t('cycles.adjust.none')}</Typography.Text>
      </Card>
    );
  }
  return (
    <Card
      title={t('cycles.adjust.title')}
      data-testid="adjustment-card"
      extra={
        d.canEdit.adjust && (
          <Space>
            {adjusted && (
              <Button danger size="small" onClick={() => setDialog('remove')} data-testid="adjustment-remove">
                {t('cycles.adjust.remove')}
              </Button>
            )}
            <Button size="small" type={adjusted ? 'default' : 'primary'} onClick={() => setDialog('set')} data-testid="adjustment-set">
              {adjusted ? t('cycles.adjust.change') : t('cycles.adjust.add')}
            </Button>
          </Space>
        )
      }
    >
      {adjusted ? (
        <Descriptions
          size="small"
          column={1}
          data-testid="adjustment-shown"
          items={[
            {
              key: 'total',
              label: t('cycles.adjustedTotal'),
              children: (
                <Space size={space.sm}>
                  <Typography.Text strong>{fmtTotal(d.adjustedTotal)}</Typography.Text>
                  <GradeTag grade={d.finalGrade} />
                  <Typography.Text type="secondary">{t('cycles.adjust.computedWas', { total: fmtTotal(d.total) })}</Typography.Text>
                </Space>
              ),
            },
            { key: 'reason', label: t('cycles.reason'), children: <span style={{ whiteSpace: 'pre-wrap' }}>{d.adjustmentReason}</span> },
            { key: 'by', label: t('cycles.adjust.by'), children: d.adjustedBy?.name ?? '—' },
            { key: 'at', label: t('cycles.adjust.at'), children: d.adjustedAt?.slice(0, 16).replace('T', ' ') ?? '—' },
          ]}
        />
      ) : (
        <Typography.Text type="secondary">{t('cycles.adjust.hint')}</Typography.Text>
      )}
      {dialog && <AdjustDialog ws={ws} d={d} mode={dialog} onClose={() => setDialog(null)} />}
    </Card>
  );
}

function AdjustDialog({ ws, d, mode, onClose }: { ws: string; d: ParticipantDetail; mode: 'set' | 'remove'; onClose: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<{ total?: number; reason: string }>();
  const max = (d.card as { maxTotal?: number }).maxTotal;
  const save = useAdjustment(ws, d.cycleId, d.id);
  const submit = (v: { total?: number; reason: string }) =>
    save.mutate(mode === 'set' ? { remove: false, total: v.total!, reason: v.reason.trim() } : { remove: true, reason: v.reason.trim() }, {
      onSuccess: (r) => {
        message.success(mode === 'set' ? t('cycles.adjust.saved', { total: fmtTotal(r.adjustedTotal) }) : t('cycles.adjust.removed'));
        onClose();
      },
      onError: (e) => applyServerErrors(form, e),
    });
  return (
    <Modal open title={mode === 'set' ? t('cycles.adjust.setTitle', { name: d.personName }) : t('cycles.adjust.removeTitle', { name: d.personName })} onCancel={onClose} footer={null} destroyOnHidden>
      <Form form={form} layout="vertical" onFinish={submit} initialValues={{ total: d.adjustedTotal ?? d.total ?? undefined }} data-testid="adjustment-form">
        <Typography.Paragraph type="secondary">{mode === 'set' ? t('cycles.adjust.setHint', { total: fmtTotal(d.total) }) : t('cycles.adjust.removeHint', { total: fmtTotal(d.total) })}</Typography.Paragraph>
        {mode === 'set' && (
          <Form.Item name="total" label={t('cycles.adjustedTotal')} rules={[{ required: true, message: t('field.required') }]} extra={max !== undefined ? t('cycles.adjust.max', { max }) : undefined}>
            <InputNumber min={0} max={max} step={0.5} style={{ width: 180 }} data-testid="adjustment-total" />
          </Form.Item>
        )}
        <Form.Item name="reason" label={t('cycles.reason')} rules={[{ required: true, whitespace: true, min: 5, message: t('cycles.reasonRule') }]}>
          <Input.TextArea rows={3} maxLength={2000} showCount data-testid="adjustment-reason" />
        </Form.Item>
        <FormAlert error={save.error} />
        <FormButtons onCancel={onClose} loading={save.isPending} testId="adjustment-submit" danger={mode === 'remove'} submitLabel={mode === 'set' ? t('common.save') : t('cycles.adjust.remove')} />
      </Form>
    </Modal>
  );
}
