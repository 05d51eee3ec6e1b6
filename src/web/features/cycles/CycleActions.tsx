import { DeleteOutlined, LockOutlined, SettingOutlined, SyncOutlined, UnlockOutlined } from '@ant-design/icons';
import { App, Button, Space } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import type { Cycle } from '../../api.ts';
import { confirmOkProps } from '../../components/confirm-props.ts';
import { errorMessage } from '../../components/form-utils.ts';
import CloseCycleDialog from './CloseCycleDialog.tsx';
import CycleFormModal from './CycleFormModal.tsx';
import type { Transition } from './cycles-api.ts';
import { useCycleStep, useDeleteCycle, useSyncParticipants } from './cycles-queries.ts';
import OpenCycleDialog from './OpenCycleDialog.tsx';
import ReopenCycleDialog from './ReopenCycleDialog.tsx';

type Props = { ws: string; cycle: Cycle };

/**
 * The administrator's buttons of a cycle: the next step as the primary action (draft → open →
 * calibrating → closed), the way back, settings, and reopening a closed cycle with a reason.
 */
export default function CycleActions({ ws, cycle }: Props) {
  const { t } = useTranslation();
  const { message, modal } = App.useApp();
  const navigate = useNavigate();
  const [dialog, setDialog] = useState<'open' | 'close' | 'reopen' | 'settings' | null>(null);
  const step = useCycleStep(ws, cycle.id);
  const sync = useSyncParticipants(ws, cycle.id);
  const remove = useDeleteCycle(ws, cycle.id);
  const failed = (e: unknown) => void message.error(errorMessage(e), 6);

  const confirmStep = (s: Transition, title: string, content: string, okText: string) =>
    modal.confirm({
      title,
      content,
      okText,
      okButtonProps: confirmOkProps,
      onOk: () =>
        step
          .mutateAsync(s, { onSuccess: (c) => void message.success(t('cycles.stateChanged', { state: t(`cycles.states.${c.state}`) })), onError: failed })
          .catch(() => undefined),
    });
  const syncNow = () =>
    sync.mutate(undefined, {
      onSuccess: (r) => void message.success(r.added === 0 ? t('cycles.syncNone') : t('cycles.syncAdded', { count: r.added, names: r.people.map((p) => p.personName).join(t('common.enumSeparator')) })),
      onError: failed,
    });
  const confirmDelete = () =>
    modal.confirm({
      title: t('cycles.deleteConfirm', { name: cycle.name }),
      content: t('cycles.deleteHint'),
      okText: t('common.delete'),
      okButtonProps: { ...confirmOkProps, danger: true },
      onOk: () =>
        remove
          .mutateAsync(undefined, {
            onSuccess: () => {
              message.success(t('cycles.deleted', { name: cycle.name }));
              void navigate(`/w/${ws}/cycles`);
            },
            onError: failed,
          })
          .catch(() => undefined),
    });

  const settings = (
    <Button icon={<SettingOutlined />} onClick={() => setDialog('settings')} data-testid="cycle-settings">
      {t('cycles.settings')}
    </Button>
  );

  let buttons: React.ReactNode = null;
  if (cycle.state === 'draft') {
    buttons = (
      <>
        <Button danger icon={<DeleteOutlined />} onClick={confirmDelete} data-testid="cycle-delete">
          {t('common.delete')}
        </Button>
        {settings}
        <Button type="primary" onClick={() => setDialog('open')} data-testid="cycle-next">
          {t('cycles.next.open')}
        </Button>
      </>
    );
  } else if (cycle.state === 'open') {
    const unfinished = cycle.counts.incomplete + cycle.counts.invalid;
    buttons = (
      <>
        <Button icon={<SyncOutlined />} loading={sync.isPending} onClick={syncNow} data-testid="cycle-sync">
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
              unfinished > 0 ? t('cycles.calibrateHintIncomplete', { count: unfinished }) : t('cycles.calibrateHint'),
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
      {dialog === 'open' && <OpenCycleDialog ws={ws} cycle={cycle} onClose={() => setDialog(null)} />}
      {dialog === 'close' && <CloseCycleDialog ws={ws} cycle={cycle} onClose={() => setDialog(null)} />}
      {dialog === 'reopen' && <ReopenCycleDialog ws={ws} cycle={cycle} onClose={() => setDialog(null)} />}
      {dialog === 'settings' && <CycleFormModal ws={ws} cycle={cycle} onClose={() => setDialog(null)} />}
    </>
  );
}
