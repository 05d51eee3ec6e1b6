import { LockOutlined } from '@ant-design/icons';
import { Alert, App, Button, Modal, Space, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Cycle } from '../../api.ts';
import FormAlert from '../../components/FormAlert.tsx';
import { space } from '../../theme.ts';
import { useCloseCycle } from './cycles-queries.ts';

/** Calibrating → closed; with results still incomplete, says how many and closes only when asked to anyway. */
export default function CloseCycleDialog({ ws, cycle, onClose }: { ws: string; cycle: Cycle; onClose: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const unfinished = cycle.counts.incomplete + cycle.counts.invalid;
  const [anyway, setAnyway] = useState(false);
  const close = useCloseCycle(ws, cycle.id);
  const submit = () =>
    close.mutate(unfinished > 0, {
      onSuccess: () => {
        message.success(t('cycles.closed', { name: cycle.name }));
        onClose();
      },
    });
  return (
    <Modal open title={t('cycles.closeTitle', { name: cycle.name })} onCancel={onClose} footer={null} destroyOnHidden>
      <div data-testid="cycle-close-dialog">
        <Typography.Paragraph>{t('cycles.closeHint')}</Typography.Paragraph>
        {unfinished > 0 && (
          <Alert
            type="warning"
            showIcon
            style={{ marginBottom: space.lg }}
            data-testid="cycle-close-incomplete"
            title={t('cycles.closeIncomplete', { count: unfinished, total: cycle.counts.participants })}
            description={t('cycles.closeIncompleteHint')}
          />
        )}
        <FormAlert error={close.error} />
        <Space style={{ width: '100%', justifyContent: 'flex-end' }}>
          <Button onClick={onClose}>{t('common.cancel')}</Button>
          {unfinished > 0 && !anyway ? (
            <Button danger onClick={() => setAnyway(true)} data-testid="cycle-close-anyway">
              {t('cycles.closeAnyway')}
            </Button>
          ) : (
            <Button type="primary" danger={unfinished > 0} icon={<LockOutlined />} loading={close.isPending} onClick={submit} data-testid="cycle-close-confirm">
              {unfinished > 0 ? t('cycles.closeAnywayConfirm', { count: unfinished }) : t('cycles.next.close')}
            </Button>
          )}
        </Space>
      </div>
    </Modal>
  );
}
