import { App, Button, Card, Empty, Form, Input, Modal, Select, Skeleton, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ParticipantDetail } from '../../api.ts';
import FormAlert from '../../components/FormAlert.tsx';
import FormButtons from '../../components/FormButtons.tsx';
import LoadError from '../../components/LoadError.tsx';
import { AppealsTable } from './AppealsTab.tsx';
import { useAppeals, useFileAppeal } from './cycles-queries.ts';

const WHOLE = '__whole__';

/** 异议: this participant's appeals and their resolutions; the person files one while the cycle is in calibration. */
export default function ParticipantAppealsCard({ ws, d }: { ws: string; d: ParticipantDetail }) {
  const { t } = useTranslation();
  const appeals = useAppeals(ws, d.cycleId);
  const [filing, setFiling] = useState(false);
  const mine = (appeals.data ?? []).filter((a) => a.participantId === d.id);
  return (
    <Card
      title={t('cycles.appeals.title')}
      data-testid="participant-appeals"
      extra={
        d.canEdit.appeal && (
          <Button type="primary" size="small" onClick={() => setFiling(true)} data-testid="appeal-file">
            {t('cycles.appeals.file')}
          </Button>
        )
      }
    >
      {appeals.isPending ? (
        <Skeleton active paragraph={{ rows: 2 }} />
      ) : appeals.isError ? (
        <LoadError error={appeals.error} onRetry={() => appeals.refetch()} />
      ) : mine.length === 0 ? (
        <Empty
          image={Empty.PRESENTED_IMAGE_SIMPLE}
          description={d.canEdit.appeal ? t('cycles.appeals.noneYetCanFile') : d.cycle.state === 'open' ? t('cycles.appeals.onlyInCalibration') : t('cycles.appeals.none')}
        />
      ) : (
        <AppealsTable ws={ws} cycleId={d.cycleId} appeals={mine} personLinks={false} />
      )}
      {filing && <FileAppealDialog ws={ws} d={d} onClose={() => setFiling(false)} />}
    </Card>
  );
}

function FileAppealDialog({ ws, d, onClose }: { ws: string; d: ParticipantDetail; onClose: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<{ indicatorKey: string; reason: string }>();
  const file = useFileAppeal(ws, d.cycleId, d.id);
  const submit = (v: { indicatorKey: string; reason: string }) =>
    file.mutate(
      { indicatorKey: v.indicatorKey === WHOLE ? null : v.indicatorKey, reason: v.reason.trim() },
      {
        onSuccess: () => {
          message.success(t('cycles.appeals.filed'));
          onClose();
        },
      },
    );
  return (
    <Modal open title={t('cycles.appeals.fileTitle')} onCancel={onClose} footer={null} destroyOnHidden>
      <Form form={form} layout="vertical" initialValues={{ indicatorKey: WHOLE }} onFinish={submit} data-testid="appeal-form">
        <Typography.Paragraph type="secondary">{t('cycles.appeals.fileHint')}</Typography.Paragraph>
        <Form.Item name="indicatorKey" label={t('cycles.appeals.about')}>
          <Select
            options={[{ value: WHOLE, label: t('cycles.appeals.wholeResult') }, ...d.result.indicators.map((i) => ({ value: i.key, label: i.name }))]}
            data-testid="appeal-indicator"
          />
        </Form.Item>
        <Form.Item name="reason" label={t('cycles.appeals.reason')} rules={[{ required: true, whitespace: true, min: 5, message: t('cycles.reasonRule') }]}>
          <Input.TextArea rows={4} maxLength={2000} showCount data-testid="appeal-reason" />
        </Form.Item>
        <FormAlert error={file.error} />
        <FormButtons onCancel={onClose} loading={file.isPending} testId="appeal-submit" submitLabel={t('cycles.appeals.file')} />
      </Form>
    </Modal>
  );
}
