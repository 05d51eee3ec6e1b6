import { CheckCircleFilled, DownloadOutlined, UploadOutlined } from '@ant-design/icons';
import { useMutation, useQueries } from '@tanstack/react-query';
import { Alert, App, Button, Checkbox, Empty, Input, InputNumber, Select, Skeleton, Space, Table, type TableColumnsType, Tag, Tooltip, Typography } from 'antd';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { Cycle, ParticipantDetail } from '../../api.ts';
import { errorMessage } from '../../components/form-utils.ts';
import LoadError from '../../components/LoadError.tsx';
import ActualsImportModal from './ActualsImportModal.tsx';
import { cyclesApi } from './cycles-api.ts';
import { participantKey, useAdoptParticipant, useParticipants } from './cycle-queries.ts';
import { fmtTotal, GradeTag, StatusTag } from './labels.tsx';
import { managerRatingOf, ratingScale, sameSet, thousands, unthousands } from './participant-utils.ts';

/** The edits of one row not saved yet: only what differs from the participant's saved detail. */
type Draft = { values: Record<string, number | null>; na?: string[]; ratings: Record<string, number> };
const EMPTY: Draft = { values: {}, ratings: {} };

/** A column group: an indicator with the terms it is the first to read (a term shared by two indicators is entered once). */
type Group = { key: string; name: string; manual: boolean; terms: string[]; unit?: string };

function groupsOf(details: ParticipantDetail[]): Group[] {
  const groups: Group[] = [];
  const byKey = new Map<string, Group>();
  const seenTerms = new Set<string>();
  for (const d of details) {
    for (const need of d.termsNeeded) {
      let g = byKey.get(need.key);
      if (!g) {
        const card = d.card.indicators.find((i) => i.key === need.key);
        g = { key: need.key, name: need.name, manual: need.manual, terms: [], unit: need.terms.length === 1 && need.terms[0] === need.key ? card?.unit : undefined };
        byKey.set(need.key, g);
        groups.push(g);
      }
      for (const term of need.terms) {
        if (seenTerms.has(term)) continue;
        seenTerms.add(term);
        g.terms.push(term);
      }
    }
  }
  return groups;
}

const savedValue = (d: ParticipantDetail, term: string) => d.values.find((v) => v.term === term)?.value ?? null;

/**
 * 录入实际值: one row per participant the viewer may enter for, one column per term, a
 * not-applicable box per indicator and the manager's rating of manual indicators. A row is
 * saved on its own (button or Enter) and its result comes back at once. Also the template
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
  const [drafts, setDrafts] = useState<Record<string, Draft>>({});
  const [filter, setFilter] = useState('');
  const [importing, setImporting] = useState(false);
  const [justSaved, setJustSaved] = useState<string | null>(null);
  const groups = useMemo(() => groupsOf(details), [details]);

  const template = useMutation({ mutationFn: () => cyclesApi.actualsTemplate(ws, cycle.id), onError: (e) => message.error(errorMessage(e), 6) });
  const save = useMutation({
    mutationFn: async (d: ParticipantDetail) => {
      const draft = drafts[d.id] ?? EMPTY;
      let detail = d;
      const values = Object.fromEntries(Object.entries(draft.values).filter(([term, v]) => v !== savedValue(d, term)));
      const naChanged = draft.na !== undefined && !sameSet(draft.na, d.notApplicable);
      if (Object.keys(values).length > 0 || naChanged) {
        detail = await cyclesApi.putActuals(ws, cycle.id, d.id, { values, notApplicable: naChanged ? draft.na : undefined });
      }
      const ratings = Object.entries(draft.ratings).filter(([key, r]) => r !== managerRatingOf(d, key));
      for (const [key, rating] of ratings) await cyclesApi.rate(ws, cycle.id, d.id, key, 'manager', { rating });
      if (ratings.length > 0) detail = await cyclesApi.participant(ws, cycle.id, d.id);
      return detail;
    },
    onSuccess: (detail) => {
      adopt(detail);
      setDrafts(({ [detail.id]: _saved, ...rest }) => rest);
      setJustSaved(detail.id);
      message.success(
        detail.result.total === null
          ? t('cycles.grid.savedIncomplete', { name: detail.personName })
          : t('cycles.grid.saved', { name: detail.personName, total: fmtTotal(detail.result.total) }),
      );
    },
    onError: (e) => message.error(errorMessage(e), 8),
  });

  const edit = (pid: string, change: (draft: Draft) => Draft) => {
    setJustSaved(null);
    setDrafts((all) => ({ ...all, [pid]: change(all[pid] ?? EMPTY) }));
  };
  const isDirty = (d: ParticipantDetail) => {
    const draft = drafts[d.id];
    if (!draft) return false;
    return (
      Object.entries(draft.values).some(([term, v]) => v !== savedValue(d, term)) ||
      (draft.na !== undefined && !sameSet(draft.na, d.notApplicable)) ||
      Object.entries(draft.ratings).some(([key, r]) => r !== managerRatingOf(d, key))
    );
  };
  const naOf = (d: ParticipantDetail) => drafts[d.id]?.na ?? d.notApplicable;
  const saveRow = (d: ParticipantDetail) => {
    if (isDirty(d) && !save.isPending) save.mutate(d);
  };

  if (loading) return <Skeleton active paragraph={{ rows: 6 }} />;
  if (list.isError) return <LoadError error={list.error} onRetry={() => list.refetch()} />;
  const failed = detailQueries.find((q) => q.isError);
  if (failed) return <LoadError error={failed.error} onRetry={() => failed.refetch()} />;

  const shown = filter.trim() ? details.filter((d) => d.personName.includes(filter.trim()) || (d.unitName ?? '').includes(filter.trim())) : details;
  const dirtyCount = details.filter(isDirty).length;

  const termColumn = (g: Group, term: string): TableColumnsType<ParticipantDetail>[number] => ({
    title: (
      <Tooltip title={g.terms.length > 1 || term !== g.key ? t('cycles.grid.termOf', { term, indicator: g.name }) : undefined}>
        <span>
          {term}
          {g.unit && <Typography.Text type="secondary"> ({g.unit})</Typography.Text>}
        </span>
      </Tooltip>
    ),
    key: `term:${term}`,
    width: 132,
    render: (_, d) => {
      const reads = d.termsNeeded.some((n) => n.terms.includes(term));
      if (!reads) return <Typography.Text type="secondary">—</Typography.Text>;
      const readers = d.termsNeeded.filter((n) => n.terms.includes(term)).map((n) => n.key);
      const na = readers.every((k) => naOf(d).includes(k));
      const draft = drafts[d.id]?.values;
      const value = draft && term in draft ? draft[term] : savedValue(d, term);
      const changed = draft && term in draft && draft[term] !== savedValue(d, term);
      return (
        <InputNumber
          size="small"
          value={value}
          disabled={na || !d.canEdit.enterActuals}
          onChange={(v) => edit(d.id, (x) => ({ ...x, values: { ...x.values, [term]: typeof v === 'number' ? v : null } }))}
          onPressEnter={() => saveRow(d)}
          formatter={thousands}
          parser={unthousands}
          style={{ width: '100%', ...(changed ? { background: '#fffbe6' } : {}) }}
          aria-label={`${d.personName} ${term}`}
          data-testid="actual-input"
          data-term={term}
        />
      );
    },
  });

  const naColumn = (g: Group): TableColumnsType<ParticipantDetail>[number] => ({
    title: (
      <Tooltip title={t('cycles.grid.naHint')}>
        <span>{t('cycles.grid.na')}</span>
      </Tooltip>
    ),
    key: `na:${g.key}`,
    width: 64,
    align: 'center',
    render: (_, d) =>
      d.termsNeeded.some((n) => n.key === g.key) ? (
        <Checkbox
          checked={naOf(d).includes(g.key)}
          disabled={!d.canEdit.setNotApplicable}
          onChange={(e) =>
            edit(d.id, (x) => {
              const current = x.na ?? d.notApplicable;
              return { ...x, na: e.target.checked ? [...current, g.key] : current.filter((k) => k !== g.key) };
            })
          }
          aria-label={t('cycles.grid.naLabel', { name: d.personName, indicator: g.name })}
          data-testid="na-toggle"
          data-indicator={g.key}
        />
      ) : null,
  });

  const ratingColumn = (g: Group): TableColumnsType<ParticipantDetail>[number] => ({
    title: (
      <Tooltip title={t('cycles.grid.ratingHint')}>
        <span>{t('cycles.managerRating')}</span>
      </Tooltip>
    ),
    key: `rating:${g.key}`,
    width: 110,
    render: (_, d) => {
      if (!d.termsNeeded.some((n) => n.key === g.key)) return null;
      const [lo, hi] = ratingScale(d, g.key);
      const draft = drafts[d.id]?.ratings;
      const value = draft && g.key in draft ? draft[g.key] : managerRatingOf(d, g.key);
      const self = d.ratings.find((r) => r.indicatorKey === g.key)?.selfRating ?? null;
      return (
        <Space direction="vertical" size={0}>
          <Select<number>
            size="small"
            value={value ?? undefined}
            placeholder={`${lo}–${hi}`}
            disabled={!d.canEdit.rate || naOf(d).includes(g.key)}
            onChange={(v) => edit(d.id, (x) => ({ ...x, ratings: { ...x.ratings, [g.key]: v } }))}
            options={Array.from({ length: Math.floor(hi - lo) + 1 }, (_, i) => ({ value: lo + i, label: String(lo + i) }))}
            style={{ width: 80 }}
            aria-label={t('cycles.grid.ratingLabel', { name: d.personName, indicator: g.name })}
            data-testid="rating-select"
            data-indicator={g.key}
          />
          {self !== null && (
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              {t('cycles.grid.selfWas', { rating: self })}
            </Typography.Text>
          )}
        </Space>
      );
    },
  });

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
      children: [...(g.manual ? [ratingColumn(g)] : g.terms.map((term) => termColumn(g, term))), naColumn(g)],
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
          {saveCell(d)}
        </Space>
      ),
    },
  ];
  function saveCell(d: ParticipantDetail) {
    return isDirty(d) ? (
          <Button type="primary" size="small" loading={save.isPending && save.variables?.id === d.id} onClick={() => saveRow(d)} data-testid="row-save">
            {t('common.save')}
          </Button>
        ) : justSaved === d.id ? (
          <Tag color="success" icon={<CheckCircleFilled />} data-testid="row-saved">
            {t('common.saved')}
          </Tag>
        ) : null;
  }

  return (
    <div data-testid="actuals-grid">
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
