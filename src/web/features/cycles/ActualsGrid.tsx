import { DownloadOutlined, UploadOutlined } from '@ant-design/icons';
import { useMutation, useQueries } from '@tanstack/react-query';
import { Alert, App, Button, Empty, Input, Skeleton, Space, Table, type TableColumnsType, Tag, Typography } from 'antd';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { Cycle, ParticipantDetail } from '../../api.ts';
import { errorMessage } from '../../components/form-utils.ts';
import { pathAfter } from '../../components/grid-editing/grid-cells.ts';
import { useGridEditing } from '../../components/grid-editing/use-grid-editing.ts';
import LoadError from '../../components/LoadError.tsx';
import ActualsImportModal from './ActualsImportModal.tsx';
import { cyclesApi } from './cycles-api.ts';
import { participantKey, useAdoptParticipant, useParticipants } from './cycle-queries.ts';
import { fmtTotal, GradeTag, StatusTag } from './labels.tsx';
import { managerRatingOf, sameSet } from './participant-utils.ts';
import { groupsOf, savedValue } from './actuals-groups.ts';
import { indicatorColumns, type RowDraft, RowSaveState, termIndexOf } from './actuals-columns.tsx';

const NONE: RowDraft = { ratings: {} };

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
  const adopt = useAdoptParticipant(ws, cycle.id);
  const list = useParticipants(ws, cycle.id, { pageSize: 200 });
  const summaries = list.data?.items ?? [];
  const detailQueries = useQueries({
    queries: summaries.map((p) => ({ queryKey: participantKey(ws, cycle.id, p.id), queryFn: () => cyclesApi.participant(ws, cycle.id, p.id) })),
  });
  const details = detailQueries.map((q) => q.data).filter((d): d is ParticipantDetail => !!d && (d.canEdit.enterActuals || d.canEdit.rate));
  const loading = list.isPending || detailQueries.some((q) => q.isPending);
  const [drafts, setDrafts] = useState<Record<string, RowDraft>>({});
  const [filter, setFilter] = useState('');
  const [importing, setImporting] = useState(false);
  const [justSaved, setJustSaved] = useState<string | null>(null);
  const groups = useMemo(() => groupsOf(details), [details]);
  const byId = new Map(details.map((d) => [d.id, d]));

  const template = useMutation({ mutationFn: () => cyclesApi.actualsTemplate(ws, cycle.id), onError: (e) => void message.error(errorMessage(e), 6) });
  /** Values typed in the grid's cells (a row: a participant; a column: a term), saved a row at a time. */
  const editing = useGridEditing({
    stored: ({ row, col }) => {
      const d = byId.get(row);
      return d ? savedValue(d, col) : null;
    },
    submit: async (values, pid) => {
      const d = byId.get(pid ?? '');
      if (!d) throw new Error(`no participant ${pid}`);
      const draft = drafts[d.id] ?? NONE;
      let detail = d;
      const naChanged = draft.na !== undefined && !sameSet(draft.na, d.notApplicable);
      if (Object.keys(values[d.id] ?? {}).length > 0 || naChanged) {
        detail = await cyclesApi.putActuals(ws, cycle.id, d.id, { values: values[d.id] ?? {}, notApplicable: naChanged ? draft.na : undefined });
      }
      const ratings = Object.entries(draft.ratings).filter(([key, r]) => r !== managerRatingOf(d, key));
      for (const [key, rating] of ratings) await cyclesApi.rate(ws, cycle.id, d.id, key, 'manager', { rating });
      if (ratings.length > 0) detail = await cyclesApi.participant(ws, cycle.id, d.id);
      return detail;
    },
    locate: (detail, pid) => {
      const [field, term] = pathAfter(detail.path, 'body');
      return pid && field === 'values' && typeof term === 'string' ? { row: pid, col: term } : null;
    },
    onSaved: (detail) => {
      adopt(detail);
      setDrafts(({ [detail.id]: _saved, ...rest }) => rest);
      setJustSaved(detail.id);
      message.success(
        detail.result.total === null
          ? t('cycles.grid.savedIncomplete', { name: detail.personName })
          : t('cycles.grid.saved', { name: detail.personName, total: fmtTotal(detail.result.total) }),
      );
    },
    onFailed: (e) => void message.error(errorMessage(e), 8),
    onEnter: ({ row }) => {
      const d = byId.get(row);
      if (d) saveRow(d);
    },
  });

  const edit = (pid: string, change: (draft: RowDraft) => RowDraft) => {
    setJustSaved(null);
    setDrafts((all) => ({ ...all, [pid]: change(all[pid] ?? NONE) }));
  };
  const isDirty = (d: ParticipantDetail) => {
    if (editing.isRowDirty(d.id)) return true;
    const draft = drafts[d.id];
    if (!draft) return false;
    return (draft.na !== undefined && !sameSet(draft.na, d.notApplicable)) || Object.entries(draft.ratings).some(([key, r]) => r !== managerRatingOf(d, key));
  };
  const naOf = (d: ParticipantDetail) => drafts[d.id]?.na ?? d.notApplicable;
  function saveRow(d: ParticipantDetail) {
    if (isDirty(d)) editing.save(d.id);
  }

  if (loading) return <Skeleton active paragraph={{ rows: 6 }} />;
  if (list.isError) return <LoadError error={list.error} onRetry={() => list.refetch()} />;
  const failed = detailQueries.find((q) => q.isError);
  if (failed) return <LoadError error={failed.error} onRetry={() => failed.refetch()} />;

  const shown = filter.trim() ? details.filter((d) => d.personName.includes(filter.trim()) || (d.unitName ?? '').includes(filter.trim())) : details;
  const dirtyCount = details.filter(isDirty).length;

  const context = { t, editing, drafts, edit, naOf, termIndex: termIndexOf(groups) };
  const columns: TableColumnsType<ParticipantDetail> = [
    {
      title: t('cycles.person'),
      key: 'person',
      fixed: 'left',
      width: 110,
      render: (_, d) => (
        <Space direction="vertical" size={0}>
          <Link to={`/w/${ws}/cycles/${cycle.id}/people/${d.id}`}>{d.personName}</Link>
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {d.unitName ?? ''}
          </Typography.Text>
        </Space>
      ),
    },
    ...groups.map((g) => ({
      title: <span data-testid="grid-indicator">{g.name}</span>,
      key: `group:${g.key}`,
      children: indicatorColumns(g, context),
    })),
    {
      title: t('cycles.grid.result'),
      key: 'result',
      fixed: 'right',
      width: 130,
      render: (_, d) => (
        <Space direction="vertical" size={2} data-testid="grid-result">
          <Space size={4}>
            <Typography.Text strong data-testid="grid-total" style={{ fontVariantNumeric: 'tabular-nums' }}>
              {fmtTotal(d.result.total)}
            </Typography.Text>
            {d.result.grade && <GradeTag grade={d.result.grade} />}
          </Space>
          <StatusTag status={d.result.status} />
          <RowSaveState dirty={isDirty(d)} invalid={editing.hasErrors(d.id)} saving={editing.savingRow === d.id} saved={justSaved === d.id} onSave={() => saveRow(d)} />
        </Space>
      ),
    },
  ];

  return (
    <div data-testid="actuals-grid" ref={editing.gridRef}>
      <div style={{ display: 'flex', flexWrap: 'wrap', gap: 8, justifyContent: 'space-between', marginBottom: 12 }}>
        <Space wrap>
          <Input.Search allowClear value={filter} onChange={(e) => setFilter(e.target.value)} placeholder={t('cycles.grid.filter')} style={{ width: 200 }} data-testid="grid-filter" />
          {dirtyCount > 0 && <Tag color="warning" data-testid="grid-unsaved">{t('cycles.grid.unsaved', { count: dirtyCount })}</Tag>}
        </Space>
        <Space wrap>
          <Button icon={<DownloadOutlined />} loading={template.isPending} onClick={() => template.mutate()} data-testid="actuals-template">
            {t('cycles.import.template')}
          </Button>
          <Button icon={<UploadOutlined />} onClick={() => setImporting(true)} data-testid="actuals-upload">
            {t('cycles.import.open')}
          </Button>
        </Space>
      </div>
      <Typography.Paragraph type="secondary" style={{ fontSize: 12 }}>
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
      {dirtyCount > 0 && <Alert type="info" showIcon style={{ marginTop: 12 }} title={t('cycles.grid.unsavedHint')} />}
      {importing && <ActualsImportModal ws={ws} cycle={cycle} onClose={() => setImporting(false)} />}
    </div>
  );
}
