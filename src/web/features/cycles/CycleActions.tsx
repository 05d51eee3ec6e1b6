import { DeleteOutlined, LockOutlined, SettingOutlined, SyncOutlined, UnlockOutlined } from '@ant-design/icons';
import { useMutation } from '@tanstack/react-query';
import { Alert, App, Button, Form, Input, Modal, Space, Table, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import type { Cycle } from '../../api.ts';
import { confirmOkProps } from '../../components/confirm-props.ts';
import FormAlert from '../../components/FormAlert.tsx';
import FormButtons from '../../components/FormButtons.tsx';
import { errorMessage } from '../../components/form-utils.ts';
import CycleFormModal from './CycleFormModal.tsx';
import { cyclesApi, type Transition } from './cycles-api.ts';
import { useCyclePreview, useRefreshCycle } from './cycle-queries.ts';

type Props = { ws: string; cycle: Cycle };

/**
 * The administrator's buttons of a cycle: the next step as the primary action (draft → open →
 * calibrating → closed), the way back, settings, and reopening a closed cycle with a reason.
 */
export default function CycleActions({ ws, cycle }: Props) {
  const { t } = useTranslation();
  const { message, modal } = App.useApp();
  const navigate = useNavigate();
  const refresh = useRefreshCycle(ws, cycle.id);
  const [dialog, setDialog] = useState<'open' | 'close' | 'reopen' | 'settings' | null>(null);

  const step = useMutation({
    mutationFn: (s: Transition) => cyclesApi.transition(ws, cycle.id, s),
    onSuccess: (c) => void message.success(t('cycles.stateChanged', { state: t(`cycles.states.${c.state}`) })),
    onError: (e) => void message.error(errorMessage(e), 6),
    onSettled: () => void refresh(),
  });
  const sync = useMutation({
    mutationFn: () => cyclesApi.sync(ws, cycle.id),
    onSuccess: (r) => void message.success(r.added === 0 ? t('cycles.syncNone') : t('cycles.syncAdded', { count: r.added, names: r.people.map((p) => p.personName).join(t('common.enumSeparator')) })),
    onError: (e) => void message.error(errorMessage(e), 6),
    onSettled: () => void refresh(),
  });
  const remove = useMutation({
    mutationFn: () => cyclesApi.remove(ws, cycle.id),
    onSuccess: () => {
      message.success(t('cycles.deleted', { name: cycle.name }));
      void refresh();
      void navigate(`/w/${ws}/cycles`);
    },
    onError: (e) => void message.error(errorMessage(e), 6),
  });

  const confirmStep = (s: Transition, title: string, content: string, okText: string) =>
    modal.confirm({ title, content, okText, okButtonProps: confirmOkProps, onOk: () => step.mutateAsync(s).catch(() => undefined) });

  const settings = (
    <Button icon={<SettingOutlined />} onClick={() => setDialog('settings')} data-testid="cycle-settings">
      {t('cycles.settings')}
    </Button>
  );

  let buttons: React.ReactNode = null;
  if (cycle.state === 'draft') {
    buttons = (
      <>
        <Button
          danger
          icon={<DeleteOutlined />}
          onClick={() =>
            modal.confirm({
              title: t('cycles.deleteConfirm', { name: cycle.name }),
              content: t('cycles.deleteHint'),
              okText: t('common.delete'),
              okButtonProps: { ...confirmOkProps, danger: true },
              onOk: () => remove.mutateAsync().catch(() => undefined),
            })
          }
          data-testid="cycle-delete"
        >
          {t('common.delete')}
        </Button>
        {settings}
        <Button type="primary" onClick={() => setDialog('open')} data-testid="cycle-next">
          {t('cycles.next.open')}
        </Button>
      </>
    );
  } else if (cycle.state === 'open') {
    buttons = (
      <>
        <Button icon={<SyncOutlined />} loading={sync.isPending} onClick={() => sync.mutate()} data-testid="cycle-sync">
          {t('cycles.sync')}
        </Button>
        {settings}
        <Button
          type="primary"
          loading={step.isPending}
          onClick={() =>
            confirmStep(
              'calibrate',
              t('cycles.calibrateConfirm'),
              cycle.counts.incomplete + cycle.counts.invalid > 0
                ? t('cycles.calibrateHintIncomplete', { count: cycle.counts.incomplete + cycle.counts.invalid })
                : t('cycles.calibrateHint'),
              t('cycles.next.calibrate'),
            )
          }
          data-testid="cycle-next"
        >
          {t('cycles.next.calibrate')}
        </Button>
      </>
    );
  } else if (cycle.state === 'calibrating') {
    buttons = (
      <>
        <Button
          loading={step.isPending}
          onClick={() => confirmStep('back-to-open', t('cycles.backToOpenConfirm'), t('cycles.backToOpenHint'), t('cycles.backToOpen'))}
          data-testid="cycle-back-to-open"
        >
          {t('cycles.backToOpen')}
        </Button>
        {settings}
        <Button type="primary" icon={<LockOutlined />} onClick={() => setDialog('close')} data-testid="cycle-next">
          {t('cycles.next.close')}
        </Button>
      </>
    );
  } else {
    buttons = (
      <Button icon={<UnlockOutlined />} onClick={() => setDialog('reopen')} data-testid="cycle-reopen">
        {t('cycles.reopen')}
      </Button>
    );
  }

  return (
    <>
      <Space wrap>{buttons}</Space>
      {dialog === 'open' && <OpenDialog ws={ws} cycle={cycle} onClose={() => setDialog(null)} />}
      {dialog === 'close' && <CloseDialog ws={ws} cycle={cycle} onClose={() => setDialog(null)} />}
      {dialog === 'reopen' && <ReopenDialog ws={ws} cycle={cycle} onClose={() => setDialog(null)} />}
      {dialog === 'settings' && <CycleFormModal ws={ws} cycle={cycle} onClose={() => setDialog(null)} />}
    </>
  );
}

/** Draft → open: who takes part (with their templates) and who holds no template, then open. */
function OpenDialog({ ws, cycle, onClose }: Props & { onClose: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const refresh = useRefreshCycle(ws, cycle.id);
  const preview = useCyclePreview(ws, cycle.id);
  const open = useMutation({
    mutationFn: () => cyclesApi.transition(ws, cycle.id, 'open'),
    onSuccess: () => {
      message.success(t('cycles.opened', { name: cycle.name }));
      void refresh();
      onClose();
    },
  });
  const data = preview.data;
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
                    <Typography.Paragraph style={{ marginBottom: 4 }}>{t('cycles.withoutTemplateHint')}</Typography.Paragraph>
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
        <Space style={{ width: '100%', justifyContent: 'flex-end', marginTop: 16 }}>
          <Button onClick={onClose}>{t('common.cancel')}</Button>
          <Button
            type="primary"
            disabled={!data || data.participants.length === 0}
            loading={open.isPending}
            onClick={() => open.mutate()}
            data-testid="cycle-open-confirm"
          >
            {t('cycles.openSubmit', { count: data?.participants.length ?? 0 })}
          </Button>
        </Space>
      </div>
    </Modal>
  );
}

/** Calibrating → closed; with results still incomplete, says how many and closes only when asked to anyway. */
function CloseDialog({ ws, cycle, onClose }: Props & { onClose: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const refresh = useRefreshCycle(ws, cycle.id);
  const unfinished = cycle.counts.incomplete + cycle.counts.invalid;
  const [anyway, setAnyway] = useState(false);
  const close = useMutation({
    mutationFn: () => cyclesApi.close(ws, cycle.id, unfinished > 0),
    onSuccess: () => {
      message.success(t('cycles.closed', { name: cycle.name }));
      void refresh();
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
            style={{ marginBottom: 16 }}
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
            <Button type="primary" danger={unfinished > 0} icon={<LockOutlined />} loading={close.isPending} onClick={() => close.mutate()} data-testid="cycle-close-confirm">
              {unfinished > 0 ? t('cycles.closeAnywayConfirm', { count: unfinished }) : t('cycles.next.close')}
            </Button>
          )}
        </Space>
      </div>
    </Modal>
  );
}

/** Closed → open again for a correction, with the reason (kept in the audit log). */
function ReopenDialog({ ws, cycle, onClose }: Props & { onClose: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const refresh = useRefreshCycle(ws, cycle.id);
  const [form] = Form.useForm<{ reason: string }>();
  const reopen = useMutation({
    mutationFn: (reason: string) => cyclesApi.reopen(ws, cycle.id, reason),
    onSuccess: () => {
      message.success(t('cycles.reopened', { name: cycle.name }));
      void refresh();
      onClose();
    },
  });
  return (
    <Modal open title={t('cycles.reopenTitle', { name: cycle.name })} onCancel={onClose} footer={null} destroyOnHidden>
      <Form form={form} layout="vertical" onFinish={(v) => reopen.mutate(v.reason.trim())} data-testid="cycle-reopen-form">
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
