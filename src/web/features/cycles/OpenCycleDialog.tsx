import { Alert, App, Button, Modal, Space, Table, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { Cycle } from '../../api.ts';
import FormAlert from '../../components/FormAlert.tsx';
import { space } from '../../theme.ts';
import { useCyclePreview, useOpenCycle } from './cycles-queries.ts';

/** Draft → open: who takes part (with their templates) and who holds no template, then open. */
export default function OpenCycleDialog({ ws, cycle, onClose }: { ws: string; cycle: Cycle; onClose: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const preview = useCyclePreview(ws, cycle.id);
  const open = useOpenCycle(ws, cycle.id);
  const data = preview.data;
  const submit = () =>
    open.mutate(undefined, {
      onSuccess: () => {
        message.success(t('cycles.opened', { name: cycle.name }));
        onClose();
      },
    });
  return (
    <Modal open title={t('cycles.previewTitle', { name: cycle.name })} onCancel={onClose} footer={null} width={820} destroyOnHidden>
      <div data-testid="cycle-preview">
        {preview.isPending ? (
          <Typography.Text type="secondary">{t('common.loading')}</Typography.Text>
        ) : preview.isError ? (
          <FormAlert error={preview.error} />
        ) : (
          <Space direction="vertical" style={{ width: '100%' }} size="middle">
            <Typography.Text>{t('cycles.previewIntro', { count: data!.participants.length })}</Typography.Text>
            <Table
              size="small"
              rowKey="personId"
              dataSource={data!.participants}
              pagination={data!.participants.length > 8 ? { pageSize: 8, showSizeChanger: false } : false}
              columns={[
                { title: t('cycles.person'), dataIndex: 'personName' },
                { title: t('people.unit'), dataIndex: 'unitName', render: (v: string | null) => v ?? '—' },
                { title: t('cycles.template'), dataIndex: 'templateName' },
              ]}
              data-testid="preview-participants"
            />
            {data!.withoutTemplate.length > 0 && (
              <Alert
                type="warning"
                showIcon
                data-testid="preview-without-template"
                title={t('cycles.withoutTemplate', { count: data!.withoutTemplate.length })}
                description={
                  <>
                    <Typography.Paragraph style={{ marginBottom: space.xs }}>{t('cycles.withoutTemplateHint')}</Typography.Paragraph>
                    <Typography.Text type="secondary">
                      {data!.withoutTemplate.map((p) => (p.positionName ? t('common.withNote', { text: p.personName, note: p.positionName }) : p.personName)).join(t('common.enumSeparator'))}
                    </Typography.Text>
                  </>
                }
              />
            )}
          </Space>
        )}
        <FormAlert error={open.error} />
        <Space style={{ width: '100%', justifyContent: 'flex-end', marginTop: space.lg }}>
          <Button onClick={onClose}>{t('common.cancel')}</Button>
          <Button type="primary" disabled={!data || data.participants.length === 0} loading={open.isPending} onClick={submit} data-testid="cycle-open-confirm">
            {t('cycles.openSubmit', { count: data?.participants.length ?? 0 })}
          </Button>
        </Space>
      </div>
    </Modal>
  );
}
