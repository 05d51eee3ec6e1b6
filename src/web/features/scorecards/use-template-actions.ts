import { App } from 'antd';
import { useTranslation } from 'react-i18next';
import type { TemplateSummary } from '../../api.ts';
import { confirmOkProps } from '../../components/confirm-props.ts';
import { errorMessage } from '../../components/form-utils.ts';
import { type TemplateAction, useTemplateAction } from './scorecards-queries.ts';

/** The actions on a row of the templates list, each saying how it went; archiving asks first. */
export function useTemplateActions(ws: string) {
  const { t } = useTranslation();
  const { message, modal } = App.useApp();
  const act = useTemplateAction(ws);

  // every action says how it went, even when several run at once (mutateAsync: per call)
  const run = (action: TemplateAction, template: TemplateSummary) =>
    act.mutateAsync({ action, template }).then(
      (result) => {
        if (!result) return;
        if (action === 'copy') message.success(t('scorecards.copiedAs', { name: result.name }));
        else message.success(t(action === 'archive' ? 'scorecards.archived' : 'scorecards.restored', { name: result.name }));
      },
      (e) => void message.error(errorMessage(e), 6),
    );

  const confirmArchive = (template: TemplateSummary) =>
    modal.confirm({
      title: t('scorecards.archiveConfirm', { name: template.name }),
      content: t('scorecards.archiveHint', { count: template.assignedPositions + template.assignedPeople }),
      okText: t('scorecards.archive'),
      okButtonProps: { ...confirmOkProps, danger: true },
      onOk: () => run('archive', template),
    });

  const busy = (action: TemplateAction, template: TemplateSummary) =>
    act.isPending && act.variables?.action === action && act.variables.template.id === template.id;

  return { run, confirmArchive, busy };
}

export type TemplateActions = ReturnType<typeof useTemplateActions>;
