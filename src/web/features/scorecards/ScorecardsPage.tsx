import { PlusOutlined, UploadOutlined } from '@ant-design/icons';
import { Button, Card, Empty, Skeleton, Space, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import type { TemplatePeriod } from '../../api.ts';
import LoadError from '../../components/LoadError.tsx';
import { useDebounced } from '../../components/use-debounced.ts';
import { space } from '../../theme.ts';
import { useCan, useCurrentWorkspace } from '../auth/session.ts';
import ImportTemplateModal from './ImportTemplateModal.tsx';
import { useTemplates } from './scorecards-queries.ts';
import TemplateFilters, { type StatusFilter } from './TemplateFilters.tsx';
import TemplatesTable from './TemplatesTable.tsx';
import { useTemplateActions } from './use-template-actions.ts';

/** 考核表模板: the workspace's templates; admins create, copy, archive, import and export. */
export default function ScorecardsPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const { slug: ws } = useCurrentWorkspace();
  const canWrite = useCan()('scorecards.write');
  const [search, setSearch] = useState('');
  const q = useDebounced(search.trim(), 300);
  const [status, setStatus] = useState<StatusFilter>('active');
  const [period, setPeriod] = useState<TemplatePeriod | undefined>(undefined);
  const [importing, setImporting] = useState(false);
  const list = useTemplates(ws, { q: q || undefined, status, period });
  const actions = useTemplateActions(ws);
  const filtered = q !== '' || status !== 'active' || period !== undefined;

  let body;
  if (list.isPending) body = <Skeleton active paragraph={{ rows: 6 }} data-testid="templates-loading" />;
  else if (list.isError) body = <LoadError error={list.error} onRetry={() => list.refetch()} />;
  else if (list.data.length === 0 && !filtered) {
    body = (
      <Empty description={t('scorecards.emptyTitle')} data-testid="templates-empty">
        <Typography.Paragraph type="secondary">{t('scorecards.emptyHint')}</Typography.Paragraph>
        {canWrite && (
          <Space>
            <Button type="primary" icon={<PlusOutlined />} onClick={() => navigate('new')} data-testid="templates-empty-add">
              {t('scorecards.add')}
            </Button>
            <Button icon={<UploadOutlined />} onClick={() => setImporting(true)}>
              {t('scorecards.import')}
            </Button>
          </Space>
        )}
      </Empty>
    );
  } else body = <TemplatesTable templates={list.data} loading={list.isFetching && !list.isPending} canWrite={canWrite} actions={actions} />;

  return (
    <Card
      title={t('scorecards.title')}
      extra={
        canWrite && (
          <Space wrap>
            <Button icon={<UploadOutlined />} onClick={() => setImporting(true)} data-testid="template-import">
              {t('scorecards.import')}
            </Button>
            <Button type="primary" icon={<PlusOutlined />} onClick={() => navigate('new')} data-testid="template-add">
              {t('scorecards.add')}
            </Button>
          </Space>
        )
      }
      data-testid="templates-card"
    >
      <Typography.Paragraph type="secondary" style={{ marginTop: -space.xs }}>
        {t('scorecards.intro')}
      </Typography.Paragraph>
      <TemplateFilters search={search} onSearch={setSearch} period={period} onPeriod={setPeriod} status={status} onStatus={setStatus} />
      {body}
      {importing && (
        <ImportTemplateModal
          ws={ws}
          onClose={() => setImporting(false)}
          onImported={(template) => {
            setImporting(false);
            navigate(template.id);
          }}
        />
      )}
    </Card>
  );
}
