import { PlusOutlined } from '@ant-design/icons';
import { App, Button, Card, Empty, Grid, Skeleton, Space } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Person, Unit } from '../../api.ts';
import { errorMessage } from '../../components/form-utils.ts';
import LoadError from '../../components/LoadError.tsx';
import ImportModal from './ImportModal.tsx';
import MarkLeftModal from './MarkLeftModal.tsx';
import { usePeople, useReactivatePerson } from './org-queries.ts';
import PeopleFilterBar from './PeopleFilterBar.tsx';
import PeopleTable from './PeopleTable.tsx';
import PeopleToolbar from './PeopleToolbar.tsx';
import PersonDrawer from './PersonDrawer.tsx';
import { usePeopleFilters } from './use-people-filters.ts';

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

/** The people of the selected unit: search, filters, paging, and the create/edit/leave/import/export actions. */
export default function PeoplePanel({ ws, units, unit, editableUnitIds, canImport, canExport }: Props) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  // on a phone the card's title keeps only the unit's name
  const compact = Grid.useBreakpoint().sm === false;
  const filters = usePeopleFilters(unit);
  const people = usePeople(ws, filters.query);

  const [editing, setEditing] = useState<{ person: Person | null } | null>(null);
  const [leaving, setLeaving] = useState<Person | null>(null);
  const [importing, setImporting] = useState(false);
  const canEdit = (p: Person) => editableUnitIds === null || (!!p.unitId && editableUnitIds.has(p.unitId));
  const canCreate = editableUnitIds === null || editableUnitIds.size > 0;

  const reactivate = useReactivatePerson(ws);
  const onReactivate = (p: Person) =>
    reactivate.mutate(p, {
      onSuccess: (back) => void message.success(t('people.reactivated', { name: back.name })),
      onError: (e) => void message.error(errorMessage(e)),
    });

  const empty = (
    <Empty description={filters.filtered ? t('people.emptyFiltered') : t('people.emptyTitle')} data-testid="people-empty">
      {!filters.filtered && canCreate && (
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
        <PeopleToolbar
          ws={ws}
          filters={filters.filters}
          canCreate={canCreate}
          canImport={canImport}
          canExport={canExport}
          onAdd={() => setEditing({ person: null })}
          onImport={() => setImporting(true)}
        />
      }
    >
      <PeopleFilterBar filters={filters} withSubunits={unit !== null} />
      {people.isError ? (
        <LoadError error={people.error} onRetry={() => people.refetch()} />
      ) : people.isPending ? (
        <Skeleton active paragraph={{ rows: 6 }} />
      ) : (
        <PeopleTable
          data={people.data}
          loading={people.isFetching}
          sort={filters.sort}
          onChange={filters.changePage}
          canEdit={canEdit}
          onEdit={(p) => setEditing({ person: p })}
          onMarkLeft={setLeaving}
          onReactivate={onReactivate}
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
