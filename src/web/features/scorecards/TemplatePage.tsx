import { ArrowLeftOutlined, DownloadOutlined, SaveOutlined } from '@ant-design/icons';
import { keepPreviousData, useMutation, useQuery } from '@tanstack/react-query';
import { Alert, App, Button, Card, Skeleton, Space, Tabs, Tag, Tooltip } from 'antd';
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate, useParams } from 'react-router';
import { isApiError, type ScorecardTemplate } from '../../api.ts';
import FormAlert from '../../components/FormAlert.tsx';
import { errorMessage } from '../../components/form-utils.ts';
import LoadError from '../../components/LoadError.tsx';
import { useDebounced } from '../../components/use-debounced.ts';
import { useCan, useCurrentWorkspace } from '../auth/session.ts';
import AssignmentsPanel from './AssignmentsPanel.tsx';
import { type CardDraft, cardFingerprint, emptyDraft, fromCard, toCard } from './card-draft.ts';
import DesignEditor, { type Meta } from './DesignEditor.tsx';
import { fromCheck, fromDetails, type LocatedIssue, mergeIssues } from './issues.ts';
import { stripPath } from './labels.ts';
import PreviewPanel from './PreviewPanel.tsx';
import { scorecardApi } from './scorecard-api.ts';
import { templatesKey, useRefreshTemplates, useTemplate } from './scorecard-queries.ts';
import TargetsPanel from './TargetsPanel.tsx';
import { useLeaveGuard } from './use-leave-guard.ts';

type Tab = 'design' | 'assignments' | 'targets' | 'preview';

/** /w/:ws/scorecards/:id (or /new): one template — its design, who gets it, its year targets, a preview. */
export default function TemplatePage() {
  const { id = 'new' } = useParams();
  const { slug: ws } = useCurrentWorkspace();
  const isNew = id === 'new';
  const template = useTemplate(ws, isNew ? null : id);
  if (isNew) return <TemplateEditor key="new" ws={ws} template={null} />;
  if (template.isPending) return <Skeleton active paragraph={{ rows: 10 }} />;
  if (template.isError) return <LoadError error={template.error} onRetry={() => template.refetch()} />;
  return <TemplateEditor key={template.data.id} ws={ws} template={template.data} />;
}

function TemplateEditor({ ws, template }: { ws: string; template: ScorecardTemplate | null }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const navigate = useNavigate();
  const canWrite = useCan()('scorecards.write');
  const refresh = useRefreshTemplates(ws);
  const readOnly = !canWrite;
  const [tab, setTab] = useState<Tab>('design');

  const initialMeta = (): Meta => (template ? { name: template.name, description: template.description, period: template.period } : { name: '', description: '', period: 'month' });
  const [meta, setMeta] = useState<Meta>(initialMeta);
  const [draft, setDraft] = useState<CardDraft>(() => (template ? fromCard(template.card) : emptyDraft()));
  const [baseline, setBaseline] = useState(() => ({ meta: JSON.stringify(initialMeta()), card: cardFingerprint(template ? fromCard(template.card) : emptyDraft()) }));
  const fingerprint = useMemo(() => cardFingerprint(draft), [draft]);
  const dirty = !readOnly && (JSON.stringify(meta) !== baseline.meta || fingerprint !== baseline.card);
  const [saveIssues, setSaveIssues] = useState<LocatedIssue[]>([]);
  const [metaErrors, setMetaErrors] = useState<Partial<Record<keyof Meta, string>>>({});

  const onDraft = useCallback((update: (d: CardDraft) => CardDraft) => {
    setDraft(update);
    setSaveIssues([]);
  }, []);
  const onMeta = useCallback((patch: Partial<Meta>) => {
    setMeta((m) => ({ ...m, ...patch }));
    setMetaErrors((e) => {
      const next = { ...e };
      for (const k of Object.keys(patch) as (keyof Meta)[]) delete next[k];
      return next;
    });
  }, []);

  // the live design check, on the card as it stood for 400 ms
  const checked = useDebounced(fingerprint, 400);
  const check = useQuery({
    queryKey: [...templatesKey(ws), 'check', checked],
    queryFn: async ({ signal }) => {
      try {
        return fromCheck(await scorecardApi.check(ws, JSON.parse(checked), signal));
      } catch (e) {
        // a card the API cannot even read (an empty required number…): its located errors
        if (isApiError(e) && e.status === 400 && e.details.length > 0) return fromDetails(e.details);
        throw e;
      }
    },
    enabled: draft.indicators.length > 0,
    placeholderData: keepPreviousData,
    staleTime: Infinity,
    retry: false,
  });
  const stale = checked !== fingerprint || check.isFetching;
  const shownIssues = useMemo(() => {
    const base = draft.indicators.length > 0 && check.data ? check.data : template && fingerprint === baseline.card ? fromCheck({ ok: true, issues: template.design }) : [];
    return mergeIssues(base, saveIssues);
  }, [check.data, saveIssues, draft.indicators.length, template, fingerprint, baseline.card]);

  const save = useMutation({
    mutationFn: () => {
      const body = { name: meta.name.trim(), description: meta.description.trim(), card: toCard(draft) };
      if (!template) return scorecardApi.create(ws, { ...body, period: meta.period });
      return scorecardApi.update(ws, template.id, { ...body, ...(meta.period !== template.period ? { period: meta.period } : {}) });
    },
    onMutate: () => {
      setSaveIssues([]);
      setMetaErrors({});
    },
    onSuccess: (saved) => {
      setBaseline({ meta: JSON.stringify(meta), card: fingerprint });
      void refresh();
      if (!template) {
        message.success(t('scorecards.created', { name: saved.name }));
        navigate(`../${saved.id}`, { replace: true, relative: 'path' });
      } else message.success(t('scorecards.saved'));
    },
    onError: (e) => {
      if (!isApiError(e)) return;
      setSaveIssues(fromDetails(e.details));
      const fields: Partial<Record<keyof Meta, string>> = {};
      for (const d of e.details) {
        const [field] = stripPath(d.path, 'body', 'query');
        if (field === 'name' || field === 'description' || field === 'period') fields[field] = d.message;
      }
      setMetaErrors(fields);
    },
  });

  const { confirmLeave } = useLeaveGuard(dirty);
  const trySave = () => {
    if (!meta.name.trim()) {
      setMetaErrors({ name: t('field.required') });
      return;
    }
    save.mutate();
  };
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

  const exporting = useMutation({ mutationFn: () => scorecardApi.exportFile(ws, template?.id ?? '', template?.name ?? ''), onError: (e) => void message.error(errorMessage(e), 6) });
  const shownMetaError = save.error && !isApiError(save.error) ? save.error : isApiError(save.error) && save.error.details.length === 0 ? save.error : null;
  const assigned = template ? template.assignments.positions.length + template.assignments.people.length : 0;

  const title = template ? t('scorecards.editTitle', { name: template.name }) : t('scorecards.newTitle');
  const needSaved = (label: string, key: Tab) => ({
    key,
    disabled: !template,
    label: template ? (
      <span data-testid={`tab-${key}`}>{label}</span>
    ) : (
      <Tooltip title={t('scorecards.saveFirst')}>
        <span data-testid={`tab-${key}`}>{label}</span>
      </Tooltip>
    ),
  });

  return (
    <Card
      data-testid="template-page"
      data-template-id={template?.id ?? 'new'}
      title={
        <Space wrap>
          <Button type="text" icon={<ArrowLeftOutlined />} aria-label={t('scorecards.back')} onClick={() => confirmLeave(() => navigate('..', { relative: 'path' }))} data-testid="template-back" />
          <span>{title}</span>
          {template && <Tag color={template.status === 'active' ? 'green' : 'default'}>{t(`scorecards.statuses.${template.status}`)}</Tag>}
          {dirty && template && (
            <Tag color="orange" data-testid="template-dirty">
              {t('scorecards.unsaved')}
            </Tag>
          )}
        </Space>
      }
      extra={
        <Space wrap>
          {template && (
            <Button icon={<DownloadOutlined />} loading={exporting.isPending} onClick={() => exporting.mutate()} data-testid="template-export">
              {t('scorecards.export')}
            </Button>
          )}
          {!readOnly && tab === 'design' && (
            <Button type="primary" icon={<SaveOutlined />} loading={save.isPending} disabled={!dirty} onClick={trySave} data-testid="template-save">
              {template ? t('scorecards.save') : t('scorecards.create')}
            </Button>
          )}
        </Space>
      }
    >
      {readOnly && <Alert type="info" showIcon title={t('scorecards.readOnly')} style={{ marginBottom: 16 }} data-testid="template-readonly" />}
      {template?.status === 'archived' && <Alert type="warning" showIcon title={t('scorecards.archivedBanner')} style={{ marginBottom: 16 }} />}
      <FormAlert error={shownMetaError} />
      {save.isError && isApiError(save.error) && save.error.details.length > 0 && <FormAlert error={save.error} />}
      <Tabs
        activeKey={tab}
        onChange={(k) => setTab(k as Tab)}
        items={[
          {
            key: 'design',
            label: <span data-testid="tab-design">{t('scorecards.tabs.design')}</span>,
            children: (
              <DesignEditor
                ws={ws}
                meta={meta}
                onMeta={onMeta}
                metaErrors={metaErrors}
                draft={draft}
                onDraft={onDraft}
                issues={shownIssues}
                checking={stale && draft.indicators.length > 0}
                readOnly={readOnly}
                periodLocked={readOnly || assigned > 0}
              />
            ),
          },
          {
            ...needSaved(t('scorecards.tabs.assignments'), 'assignments'),
            children: template && <AssignmentsPanel ws={ws} template={template} readOnly={readOnly} />,
          },
          {
            ...needSaved(t('scorecards.tabs.targets'), 'targets'),
            children: template && <TargetsPanel ws={ws} template={template} readOnly={readOnly} />,
          },
          {
            ...needSaved(t('scorecards.tabs.preview'), 'preview'),
            children: template && <PreviewPanel ws={ws} template={template} />,
          },
        ]}
      />
    </Card>
  );
}
