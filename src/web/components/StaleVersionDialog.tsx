import { Button, Modal, Space, Typography } from 'antd';
import dayjs from 'dayjs';
import { useTranslation } from 'react-i18next';
import type { StaleDialogProps } from './StaleVersionDialog.hook.ts';

/**
 * Says who changed the record the user is editing, and when, and offers the two ways on: reload
 * the latest values (the edit is dropped) or apply the edit anyway over theirs. Cancel (or Esc)
 * returns to the form with the user's values kept. State: useStaleVersion.
 */
export default function StaleVersionDialog({ conflict, onReload, onApply, onCancel }: StaleDialogProps) {
  const { t } = useTranslation();
  const at = conflict?.updatedAt ? dayjs(conflict.updatedAt).format('YYYY-MM-DD HH:mm') : '';
  const who = !conflict || !at ? null : conflict.updatedBy ? t('conflict.changedBy', { by: conflict.updatedBy, at }) : t('conflict.changedAt', { at });
  return (
    <Modal
      open={conflict !== null}
      title={t('conflict.title')}
      onCancel={onCancel}
      destroyOnHidden
      data-testid="stale-version-dialog"
      footer={
        <Space wrap style={{ width: '100%', justifyContent: 'flex-end' }}>
          <Button onClick={onCancel} data-testid="stale-cancel">
            {t('common.cancel')}
          </Button>
          <Button onClick={onReload} data-testid="stale-reload" autoFocus>
            {t('conflict.reload')}
          </Button>
          <Button type="primary" danger onClick={onApply} data-testid="stale-apply">
            {t('conflict.apply')}
          </Button>
        </Space>
      }
    >
      <div role="alert" data-testid="stale-version-text">
        {/* the server's own message where the record's writer and time are not known */}
        <Typography.Paragraph strong>{who ?? conflict?.message}</Typography.Paragraph>
        <Typography.Paragraph type="secondary">{t('conflict.explain')}</Typography.Paragraph>
      </div>
    </Modal>
  );
}
