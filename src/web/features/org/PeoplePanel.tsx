import { DownloadOutlined, PlusOutlined, SearchOutlined, UploadOutlined } from '@ant-design/icons';
import { useMutation } from '@tanstack/react-query';
import { App, Button, Card, Checkbox, Empty, Grid, Input, Select, Skeleton, Space } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api, type PeopleQuery, type Person, type Unit } from '../../api.ts';
import { errorMessage } from '../../components/form-utils.ts';
import LoadError from '../../components/LoadError.tsx';
import { useDebounced } from '../../components/use-debounced.ts';
import ImportModal from './ImportModal.tsx';
import MarkLeftModal from './MarkLeftModal.tsx';
import { usePeople, useRefreshWorkspace } from './org-queries.ts';
import PeopleTable from './PeopleTable.tsx';
import PersonDrawer from './PersonDrawer.tsx';

type Props = {
  ws: string;
  units: Unit[];
  unit: Unit | null;
  /** Units whose people this user may edit; null = all (admin). */
  editableUnitIds: Set<string> | null;
  /** May import people from a file (`people.import`). */
  canImport: boolean;
  /** May export (`people.export`: members see only their own record). */
  canExport: boolean;
};
type Status = NonNullable<PeopleQuery['status']>;
type Sort = NonNullable<PeopleQuery['sort']>;

/** The people of the selected unit: search, filters, paging, and the create/edit/leave/import/export actions. */
export default function PeoplePanel({ ws, units, unit, editableUnitIds, canImport, canExport }: Props) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  // on a phone the toolbar keeps only icons for import and export
  const compact = Grid.useBreakpoint().sm === false;
  const [search, setSearch] = useState('');
  const [status, setStatus] = useState<Status>('active');
  const [includeSubunits, setIncludeSubunits] = useState(true);
  const [sort, setSort] = useState<Sort>('name');
  const q = useDebounced(search.trim(), 300);
  // a new filter starts again at page 1
  const filterKey = JSON.stringify([q, status, unit?.id, includeSubunits, sort]);
  const [paging, setPaging] = useState({ key: filterKey, page: 1, pageSize: 20 });
  const page = paging.key === filterKey ? paging.page : 1;
  const filters: PeopleQuery = {
    q: q || undefined,
    unitId: unit?.id,
    includeSubunits: unit ? includeSubunits : undefined,
    status,
    sort,
  };
  const people = usePeople(ws, { ...filters, page, pageSize: paging.pageSize });
  const refresh = useRefreshWorkspace(ws);

  const [editing, setEditing] = useState<{ person: Person | null } | null>(null);
  const [leaving, setLeaving] = useState<Person | null>(null);
  const [importing, setImporting] = useState(false);
  const canEdit = (p: Person) => editableUnitIds === null || (!!p.unitId && editableUnitIds.has(p.unitId));
  const canCreate = editableUnitIds === null || editableUnitIds.size > 0;

  const reactivate = useMutation({
    mutationFn: (p: Person) => api.people.update(ws, p.id, { status: 'active', leftOn: null }),
    onSuccess: (p) => {
      message.success(t('people.reactivated', { name: p.name }));
      void refresh();
    },
    onError: (e) => void message.error(errorMessage(e)),
  });
  const exportFile = useMutation({
    mutationFn: () => api.people.export(ws, filters),
    onError: (e) => void message.error(errorMessage(e)),
  });

  const filtered = Boolean(q) || status !== 'active';
  const empty = (
    <Empty description={filtered ? t('people.emptyFiltered') : t('people.emptyTitle')} data-testid="people-empty">
      {!filtered && canCreate && (
        <Space>
          <Button type="primary" icon={<PlusOutlined />} onClick={() => setEditing({ person: null })} data-testid="person-add-empty">
            {t('people.add')}
          </Button>
          {canImport && (
            <Button onClick={() => setImporting(true)} data-testid="people-import-empty">
              {t('people.import')}
            </Button>
          )}
        </Space>
      )}
    </Empty>
  );

  return (
    <Card
      size="small"
      title={unit ? (compact ? unit.name : `${unit.name} · ${t('people.title')}`) : t('units.allPeople')}
      data-testid="people-card"
      extra={
        <Space wrap>
          {canCreate && (
            <Button type="primary" icon={<PlusOutlined />} onClick={() => setEditing({ person: null })} data-testid="person-add">
              {t('people.add')}
            </Button>
          )}
          {canImport && (
            <Button
              icon={<UploadOutlined />}
              onClick={() => setImporting(true)}
              data-testid="people-import"
              aria-label={t('people.import')}
              title={compact ? t('people.import') : undefined}
            >
              {!compact && t('people.import')}
            </Button>
          )}
          {canExport && (
            <Button
              icon={<DownloadOutlined />}
              loading={exportFile.isPending}
              onClick={() => exportFile.mutate()}
              data-testid="people-export"
              aria-label={t('people.export')}
              title={compact ? t('people.export') : undefined}
            >
              {!compact && t('people.export')}
            </Button>
          )}
        </Space>
      }
    >
      <div style={{ display: 'flex', flexWrap: 'wrap', gap: 8, marginBottom: 12, alignItems: 'center' }}>
        <Input
          allowClear
          prefix={<SearchOutlined />}
          value={search}
          onChange={(e) => setSearch(e.target.value)}
          placeholder={t('people.searchPlaceholder')}
          style={{ flex: '1 1 220px', maxWidth: 360 }}
          data-testid="people-search"
          aria-label={t('common.search')}
        />
        <Select<Status>
          value={status}
          onChange={setStatus}
          style={{ width: 120 }}
          aria-label={t('people.status')}
          data-testid="people-status"
          options={(['active', 'left', 'all'] as const).map((s) => ({ value: s, label: t(`people.status_${s}`) }))}
        />
        {unit && (
          <span data-testid="people-include-subunits">
            <Checkbox checked={includeSubunits} onChange={(e) => setIncludeSubunits(e.target.checked)}>
              {t('people.includeSubunits')}
            </Checkbox>
          </span>
        )}
      </div>
      {people.isError ? (
        <LoadError error={people.error} onRetry={() => people.refetch()} />
      ) : people.isPending ? (
        <Skeleton active paragraph={{ rows: 6 }} />
      ) : (
        <PeopleTable
          data={people.data}
          loading={people.isFetching}
          sort={sort}
          onChange={(p, size, s) => {
            setSort(s);
            setPaging({ key: JSON.stringify([q, status, unit?.id, includeSubunits, s]), page: s === sort ? p : 1, pageSize: size });
          }}
          canEdit={canEdit}
          onEdit={(p) => setEditing({ person: p })}
          onMarkLeft={setLeaving}
          onReactivate={(p) => reactivate.mutate(p)}
          empty={empty}
        />
      )}
      {editing && (
        <PersonDrawer
          ws={ws}
          units={units}
          person={editing.person}
          defaultUnitId={unit?.id ?? null}
          editableUnitIds={editableUnitIds}
          onClose={() => setEditing(null)}
        />
      )}
      <MarkLeftModal ws={ws} person={leaving} onClose={() => setLeaving(null)} />
      <ImportModal ws={ws} open={importing} onClose={() => setImporting(false)} />
    </Card>
  );
}
