import { App } from 'antd';
import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { isApiError, type ScorecardTemplate } from '../../api.ts';
import { useStaleVersion } from '../../components/StaleVersionDialog.hook.ts';
import { toCard } from './card-draft.ts';
import { fromDetails } from './issues.ts';
import { stripPath } from './labels.ts';
import { useReloadTemplate, useSaveTemplate } from './scorecards-queries.ts';
import type { MetaErrors, TemplateDraft } from './use-template-draft.ts';

/**
 * Saving the template being edited (the button, or Ctrl/⌘+S): a name is needed first; a new
 * template, once created, opens at its own address; the server's refusal lands on the fields
 * and the indicators it names.
 */
export function useTemplateSave(ws: string, template: ScorecardTemplate | null, edit: TemplateDraft, readOnly: boolean) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const navigate = useNavigate();
  const { meta, draft, setMetaErrors, setSaveIssues, markSaved } = edit;
  // someone else saved the template meanwhile: the dialog offers the latest template, or this edit saved over it
  const stale = useStaleVersion(template?.version);
  const reload = useReloadTemplate(ws);
  const reloadTemplate = async (id: string) => {
    save.reset();
    edit.load(await reload(id));
  };

  const save = useSaveTemplate(ws, template, {
    onMutate: () => {
      setSaveIssues([]);
      setMetaErrors({});
    },
    onSuccess: (saved) => {
      markSaved();
      if (!template) {
        message.success(t('scorecards.created', { name: saved.name }));
        navigate(`../${saved.id}`, { replace: true, relative: 'path' });
      } else message.success(t('scorecards.saved'));
    },
    onError: (e) => {
      if (template && stale.offer(e, { reload: () => reloadTemplate(template.id), reapply: (current) => send(current) })) return;
      if (!isApiError(e)) return;
      setSaveIssues(fromDetails(e.details));
      const fields: MetaErrors = {};
      for (const d of e.details) {
        const [field] = stripPath(d.path, 'body', 'query');
        if (field === 'name' || field === 'description' || field === 'period') fields[field] = d.message;
      }
      setMetaErrors(fields);
    },
  });

  const trySave = () => {
    if (!meta.name.trim()) {
      setMetaErrors({ name: t('field.required') });
      return;
    }
    send();
  };
  const send = (version?: number) => save.mutate({ name: meta.name.trim(), description: meta.description.trim(), card: toCard(draft), period: meta.period, version });
  // Ctrl/⌘+S saves
  const saveRef = useRef(trySave);
  saveRef.current = trySave;
  useEffect(() => {
    if (readOnly) return;
    const onKey = (e: KeyboardEvent) => {
      if ((e.ctrlKey || e.metaKey) && e.key.toLowerCase() === 's') {
        e.preventDefault();
        saveRef.current();
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [readOnly]);

  return { save, trySave, stale: stale.dialog };
}
