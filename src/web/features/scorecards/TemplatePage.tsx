import { ArrowLeftOutlined, DownloadOutlined, SaveOutlined } from '@ant-design/icons';
import { Alert, App, Button, Card, Skeleton, Space, Tag } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate, useParams } from 'react-router';
import { isApiError, type ScorecardTemplate } from '../../api.ts';
import FormAlert from '../../components/FormAlert.tsx';
import { errorMessage } from '../../components/form-utils.ts';
import LoadError from '../../components/LoadError.tsx';
import StaleVersionDialog from '../../components/StaleVersionDialog.tsx';
import { space } from '../../theme.ts';
import { useCan, useCurrentWorkspace } from '../auth/session.ts';
import DesignEditor from './DesignEditor.tsx';
import { useExportTemplate, useTemplate } from './scorecards-queries.ts';
import TemplateTabs, { type Tab } from './TemplateTabs.tsx';
import { useDesignIssues } from './use-design-issues.ts';
import { useLeaveGuard } from './use-leave-guard.ts';
import { useTemplateDraft } from './use-template-draft.ts';
import { useTemplateSave } from './use-template-save.ts';

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
  const readOnly = !useCan()('scorecards.write');
  const [tab, setTab] = useState<Tab>('design');
  const edit = useTemplateDraft(template, readOnly);
  const { meta, onMeta, metaErrors, draft, onDraft, dirty } = edit;
  const { issues, checking } = useDesignIssues(ws, template, edit);
  const { save, trySave, stale } = useTemplateSave(ws, template, edit, readOnly);
  const { confirmLeave } = useLeaveGuard(dirty);

  const exporting = useExportTemplate(ws);
  const exportFile = () => exporting.mutate({ id: template?.id ?? '', name: template?.name ?? '' }, { onError: (e) => void message.error(errorMessage(e), 6) });
  const shownMetaError = save.error && !isApiError(save.error) ? save.error : isApiError(save.error) && save.error.details.length === 0 ? save.error : null;
  const assigned = template ? template.assignments.positions.length + template.assignments.people.length : 0;
  const title = template ? t('scorecards.editTitle', { name: template.name }) : t('scorecards.newTitle');

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
            <Button icon={<DownloadOutlined />} loading={exporting.isPending} onClick={exportFile} data-testid="template-export">
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
      {readOnly && <Alert type="info" showIcon title={t('scorecards.readOnly')} style={{ marginBottom: space.lg }} data-testid="template-readonly" />}
      {template?.status === 'archived' && <Alert type="warning" showIcon title={t('scorecards.archivedBanner')} style={{ marginBottom: space.lg }} />}
      <FormAlert error={shownMetaError} />
      {save.isError && isApiError(save.error) && save.error.details.length > 0 && <FormAlert error={save.error} />}
      <StaleVersionDialog {...stale} />
      <TemplateTabs
        ws={ws}
        template={template}
        readOnly={readOnly}
        tab={tab}
        onTab={setTab}
        design={
          <DesignEditor
            ws={ws}
            meta={meta}
            onMeta={onMeta}
            metaErrors={metaErrors}
            draft={draft}
            onDraft={onDraft}
            issues={issues}
            checking={checking}
            readOnly={readOnly}
            periodLocked={readOnly || assigned > 0}
          />
        }
      />
    </Card>
  );
}
