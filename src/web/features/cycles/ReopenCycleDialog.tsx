import { App, Form, Input, Modal, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { Cycle } from '../../api.ts';
import FormAlert from '../../components/FormAlert.tsx';
import FormButtons from '../../components/FormButtons.tsx';
import { useReopenCycle } from './cycles-queries.ts';

/** Closed → open again for a correction, with the reason (kept in the audit log). */
export default function ReopenCycleDialog({ ws, cycle, onClose }: { ws: string; cycle: Cycle; onClose: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<{ reason: string }>();
  const reopen = useReopenCycle(ws, cycle.id);
  const submit = (v: { reason: string }) =>
    reopen.mutate(v.reason.trim(), {
      onSuccess: () => {
        message.success(t('cycles.reopened', { name: cycle.name }));
        onClose();
      },
    });
  return (
    <Modal open title={t('cycles.reopenTitle', { name: cycle.name })} onCancel={onClose} footer={null} destroyOnHidden>
      <Form form={form} layout="vertical" onFinish={submit} data-testid="cycle-reopen-form">
        <Typography.Paragraph type="secondary">{t('cycles.reopenHint')}</Typography.Paragraph>
        <Form.Item name="reason" label={t('cycles.reason')} rules={[{ required: true, whitespace: true, min: 5, message: t('cycles.reasonRule') }]}>
          <Input.TextArea rows={3} maxLength={2000} showCount data-testid="cycle-reopen-reason" />
        </Form.Item>
        <FormAlert error={reopen.error} />
        <FormButtons onCancel={onClose} loading={reopen.isPending} testId="cycle-reopen-confirm" submitLabel={t('cycles.reopen')} />
      </Form>
    </Modal>
  );
}
