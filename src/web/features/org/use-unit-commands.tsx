import { App } from 'antd';
import { useTranslation } from 'react-i18next';
import type { Unit } from '../../api.ts';
import { confirmOkProps } from '../../components/confirm-props.ts';
import { errorMessage } from '../../components/form-utils.ts';
import { useDeleteUnit, useRefreshWorkspace, useSetUnitStatus } from './org-queries.ts';

/**
 * Deactivate, reactivate and delete a unit, each behind a confirmation. A refusal
 * (409: it still has people or sub-units) is shown with the server's message.
 */
export function useUnitCommands(ws: string, onDeleted: (unit: Unit) => void) {
  const { t } = useTranslation();
  const { message, modal } = App.useApp();
  const refresh = useRefreshWorkspace(ws);
  const setStatus = useSetUnitStatus(ws);
  const remove = useDeleteUnit(ws);

  const run = async (work: () => Promise<unknown>, done: string) => {
    try {
      await work();
      message.success(done);
    } catch (e) {
      message.error(errorMessage(e));
    } finally {
      void refresh();
    }
  };

  const deactivate = (unit: Unit) =>
    modal.confirm({
      title: t('units.deactivateConfirm', { name: unit.name }),
      content: t('units.deactivateHint'),
      okText: t('units.deactivate'),
      okButtonProps: confirmOkProps,
      onOk: () => run(() => setStatus.mutateAsync({ unit, status: 'inactive' }), t('units.deactivated', { name: unit.name })),
    });

  const reactivate = (unit: Unit) =>
    run(() => setStatus.mutateAsync({ unit, status: 'active' }), t('units.reactivated', { name: unit.name }));

  const destroy = (unit: Unit) =>
    modal.confirm({
      title: t('units.deleteConfirm', { name: unit.name }),
      content: t('units.deleteHint'),
      okText: t('common.delete'),
      okType: 'danger',
      okButtonProps: confirmOkProps,
      onOk: () =>
        run(async () => {
          await remove.mutateAsync(unit);
          onDeleted(unit);
        }, t('units.deleted', { name: unit.name })),
    });

  return { deactivate, reactivate, destroy };
}
