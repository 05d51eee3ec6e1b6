import { PlusOutlined } from '@ant-design/icons';
import { Button, Card, Col, Grid, Row, Skeleton } from 'antd';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import type { Unit } from '../../api.ts';
import LoadError from '../../components/LoadError.tsx';
import { space } from '../../theme.ts';
import { useCan, useCurrentWorkspace } from '../auth/session.ts';
import { useUnits } from './org-queries.ts';
import PeoplePanel from './PeoplePanel.tsx';
import UnitDialog, { type UnitDialogState } from './UnitDialog.tsx';
import type { UnitAction } from './UnitNodeTitle.tsx';
import UnitTree from './UnitTree.tsx';
import { subtreeIds } from './unit-tree.ts';
import { useUnitCommands } from './use-unit-commands.tsx';

/** 组织架构: the unit tree on the left, the people of the selected unit on the right. */
export default function OrgPage() {
  const { t } = useTranslation();
  const { slug: ws, isAdmin, personId } = useCurrentWorkspace();
  const can = useCan();
  const writesUnits = can('unit.write');
  const writesPeople = can('people.write');
  const units = useUnits(ws);
  // on wide screens the tree stays in view while the people list scrolls
  const sticky = Grid.useBreakpoint().lg === true;
  const [params, setParams] = useSearchParams();
  const selectedId = params.get('unit');
  const [dialog, setDialogState] = useState<{ state: UnitDialogState; seq: number } | null>(null);
  // each opening gets a fresh form (a new key), so no value of the previous dialog lingers
  const setDialog = (state: UnitDialogState | null) =>
    setDialogState((prev) => (state ? { state, seq: (prev?.seq ?? 0) + 1 } : null));
  const [revealId, setRevealId] = useState<string | null>(null);
  const select = (id: string | null) =>
    setParams(
      (p) => {
        if (id) p.set('unit', id);
        else p.delete('unit');
        return p;
      },
      { replace: true },
    );
  const commands = useUnitCommands(ws, (unit) => {
    if (unit.id === selectedId) select(unit.parentId);
  });

  const list = units.data ?? [];
  const selected = list.find((u) => u.id === selectedId) ?? null;
  // admins edit everyone; managers the people of the units they lead and the units below (a scope,
  // canManagePersonIn's: whether it is everyone no action names, hence the role)
  const editableUnitIds = useMemo(() => {
    if (isAdmin) return null;
    if (!writesPeople || !personId) return new Set<string>();
    return subtreeIds(list, list.filter((u) => u.leadPersonId === personId).map((u) => u.id));
  }, [isAdmin, writesPeople, personId, list]);

  const onAction = (action: UnitAction, unit: Unit) => {
    if (action === 'addChild') setDialog({ kind: 'create', parent: unit });
    else if (action === 'rename') setDialog({ kind: 'rename', unit });
    else if (action === 'move') setDialog({ kind: 'move', unit });
    else if (action === 'setLead') setDialog({ kind: 'lead', unit });
    else if (action === 'deactivate') commands.deactivate(unit);
    else if (action === 'reactivate') void commands.reactivate(unit);
    else if (action === 'delete') commands.destroy(unit);
  };

  return (
    <Row gutter={[16, 16]}>
      <Col xs={24} lg={9} xl={7}>
        <Card
          title={t('units.title')}
          size="small"
          styles={{ body: { padding: space.md, maxHeight: sticky ? 'calc(100vh - 150px)' : undefined, overflowY: 'auto' } }}
          style={sticky ? { position: 'sticky', top: 88 } : undefined}
          data-testid="org-units-card"
          extra={
            writesUnits && (
              <Button
                type="link"
                size="small"
                icon={<PlusOutlined />}
                onClick={() => setDialog({ kind: 'create', parent: null })}
                data-testid="unit-add-top"
              >
                {t('units.addTop')}
              </Button>
            )
          }
        >
          {units.isPending ? (
            <Skeleton active paragraph={{ rows: 8 }} />
          ) : units.isError ? (
            <LoadError error={units.error} onRetry={() => units.refetch()} />
          ) : (
            <UnitTree
              units={list}
              selectedId={selectedId}
              onSelect={select}
              canEdit={writesUnits}
              onAction={onAction}
              onAddTop={() => setDialog({ kind: 'create', parent: null })}
              revealId={revealId}
            />
          )}
        </Card>
      </Col>
      <Col xs={24} lg={15} xl={17}>
        <PeoplePanel
          ws={ws}
          units={list}
          unit={selected}
          editableUnitIds={editableUnitIds}
          canImport={can('people.import')}
          canExport={can('people.export')}
        />
      </Col>
      {dialog && (
        <UnitDialog
          key={dialog.seq}
          ws={ws}
          units={list}
          state={dialog.state}
          onClose={() => setDialog(null)}
          onDone={(unit) => setRevealId(unit.id)}
        />
      )}
    </Row>
  );
}
