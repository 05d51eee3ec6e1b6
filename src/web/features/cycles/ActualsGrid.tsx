import { DownloadOutlined, UploadOutlined } from '@ant-design/icons';
import { Alert, App, Button, Empty, Input, Skeleton, Space, Table, type TableColumnsType, Tag, Typography } from 'antd';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Cycle, ParticipantDetail } from '../../api.ts';
import { errorMessage } from '../../components/form-utils.ts';
import LoadError from '../../components/LoadError.tsx';
import { fontSize, space } from '../../theme.ts';
import ActualsImportModal from './ActualsImportModal.tsx';
import { indicatorColumns, termIndexOf } from './actuals-columns.tsx';
import { personColumn, resultColumn } from './actuals-fixed-columns.tsx';
import { groupsOf } from './actuals-groups.ts';
import { useActualsTemplate, useParticipantDetails, useParticipants } from './cycles-queries.ts';
import { useActualsEditing } from './use-actuals-editing.ts';

/**
 * 录入实际值: one row per participant the viewer may enter for, one column per term, a
 * not-applicable box per indicator and the manager's rating of manual indicators. A row is
 * saved on its own (button or Enter) and its result comes back at once; a value that is not a
 * number is shown on its cell and keeps the row from being saved. Also the template
 * download and the all-or-nothing upload.
 */
export default function ActualsGrid({ ws, cycle }: { ws: string; cycle: Cycle }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const list = useParticipants(ws, cycle.id, { pageSize: 200 });
  const summaries = list.data?.items ?? [];
  const detailQueries = useParticipantDetails(ws, cycle.id, summaries.map((p) => p.id));
  const details = detailQueries.map((q) => q.data).filter((d): d is ParticipantDetail => !!d && (d.canEdit.enterActuals || d.canEdit.rate));
  const loading = list.isPending || detailQueries.some((q) => q.isPending);
  const [filter, setFilter] = useState('');
  const [importing, setImporting] = useState(false);
  const groups = useMemo(() => groupsOf(details), [details]);
  const template = useActualsTemplate(ws, cycle.id);
  const rows = useActualsEditing(ws, cycle.id, details);
  const { editing, isDirty } = rows;

  if (loading) return <Skeleton active paragraph={{ rows: 6 }} />;
  if (list.isError) return <LoadError error={list.error} onRetry={() => list.refetch()} />;
  const failed = detailQueries.find((q) => q.isError);
  if (failed) return <LoadError error={failed.error} onRetry={() => failed.refetch()} />;

  const shown = filter.trim() ? details.filter((d) => d.personName.includes(filter.trim()) || (d.unitName ?? '').includes(filter.trim())) : details;
  const dirtyCount = details.filter(isDirty).length;

  const context = { t, ...rows, termIndex: termIndexOf(groups) };
  const columns: TableColumnsType<ParticipantDetail> = [
    personColumn(t, ws, cycle.id),
    ...groups.map((g) => ({
      title: <span data-testid="grid-indicator">{g.name}</span>,
      key: `group:${g.key}`,
      children: indicatorColumns(g, context),
    })),
    resultColumn(t, rows),
  ];

  return (
    <div data-testid="actuals-grid" ref={editing.gridRef}>
      <div style={{ display: 'flex', flexWrap: 'wrap', gap: space.sm, justifyContent: 'space-between', marginBottom: space.md }}>
        <Space wrap>
          <Input.Search allowClear value={filter} onChange={(e) => setFilter(e.target.value)} placeholder={t('cycles.grid.filter')} style={{ width: 200 }} data-testid="grid-filter" />
          {dirtyCount > 0 && <Tag color="warning" data-testid="grid-unsaved">{t('cycles.grid.unsaved', { count: dirtyCount })}</Tag>}
        </Space>
        <Space wrap>
          <Button
            icon={<DownloadOutlined />}
            loading={template.isPending}
            onClick={() => template.mutate(undefined, { onError: (e) => void message.error(errorMessage(e), 6) })}
            data-testid="actuals-template"
          >
            {t('cycles.import.template')}
          </Button>
          <Button icon={<UploadOutlined />} onClick={() => setImporting(true)} data-testid="actuals-upload">
            {t('cycles.import.open')}
          </Button>
        </Space>
      </div>
      <Typography.Paragraph type="secondary" style={{ fontSize: fontSize.caption }}>
        {t('cycles.grid.intro')}
      </Typography.Paragraph>
      {details.length === 0 ? (
        <Empty description={t('cycles.grid.empty')} data-testid="grid-empty" />
      ) : (
        <Table<ParticipantDetail>
          rowKey="id"
          size="small"
          bordered
          pagination={false}
          dataSource={shown}
          columns={columns}
          scroll={{ x: 'max-content' }}
          onRow={(d) => ({ 'data-testid': 'actuals-row', 'data-person-name': d.personName, 'data-dirty': isDirty(d) ? 'true' : 'false' }) as object}
        />
      )}
      {dirtyCount > 0 && <Alert type="info" showIcon style={{ marginTop: space.md }} title={t('cycles.grid.unsavedHint')} />}
      {importing && <ActualsImportModal ws={ws} cycle={cycle} onClose={() => setImporting(false)} />}
    </div>
  );
}
