import { SearchOutlined } from '@ant-design/icons';
import { Empty, Input, Select, Skeleton, Space, Spin, Tree, type TreeDataNode, Typography } from 'antd';
import dayjs from 'dayjs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { GOAL_OWNER_KINDS, GOAL_STATUSES } from '../../../core/goals/types.ts';
import LoadError from '../../components/LoadError.tsx';
import { useCurrentWorkspace } from '../auth/session.ts';
import { useDebounced } from '../../components/use-debounced.ts';
import { fontSize, space } from '../../theme.ts';
import type { GoalPrefill } from './goal-form.ts';
import GoalForm from './GoalForm.tsx';
import GoalNode from './GoalNode.tsx';
import type { Goal, GoalStatus, OwnerKind, Plan, TreeQuery } from './goals-api.ts';
import { useGoalLevel, useGoalLevels } from './goals-queries.ts';

type Node = TreeDataNode & { goal?: Goal; note?: string };
type Editing = { goal: Goal | null; prefill?: GoalPrefill; parentOwner?: Goal['owner'] | null };

/** The owner one level down the cascade: company → unit, unit → person (a solo workspace has no units). */
const childOwnerKind = (parent: Goal, solo: boolean): OwnerKind => (parent.owner.kind === 'company' && !solo ? 'unit' : 'person');

/** The cascade tree of a plan, each level loaded when it is opened; filters apply at every level. */
export default function GoalTree({ ws, plan, canWrite }: { ws: string; plan: Plan; canWrite: boolean }) {
  const { t } = useTranslation();
  const solo = useCurrentWorkspace().summary?.kind === 'solo';
  const [phaseId, setPhaseId] = useState<string>();
  const [ownerKind, setOwnerKind] = useState<OwnerKind>();
  const [status, setStatus] = useState<GoalStatus>();
  const [search, setSearch] = useState('');
  const q = useDebounced(search.trim(), 300);
  const filters: TreeQuery = { phaseId, ownerKind, status, q: q || undefined };
  const [expanded, setExpanded] = useState<string[]>([]);
  const [editing, setEditing] = useState<Editing | null>(null);

  const top = useGoalLevel(ws, plan.id, filters);
  const levels = useGoalLevels(ws, plan.id, filters, expanded);
  const childrenOf = new Map(expanded.map((id, i) => [id, levels[i]]));

  const note = (key: string, text: string): Node => ({ key, isLeaf: true, selectable: false, note: text });
  const toNode = (goal: Goal): Node => {
    const level = childrenOf.get(goal.id);
    let children: Node[] | undefined;
    if (goal.childCount > 0) {
      if (!level || level.isPending) children = [note(`${goal.id}:loading`, t('common.loading'))];
      else if (level.isError) children = [note(`${goal.id}:error`, t('error.loadFailed'))];
      else children = level.data.length ? level.data.map(toNode) : [note(`${goal.id}:none`, t('goals.tree.noMatchingChildren'))];
    }
    return { key: goal.id, goal, isLeaf: goal.childCount === 0, children };
  };

  const addChild = (parent: Goal) =>
    setEditing({
      goal: null,
      parentOwner: parent.owner,
      // same indicator, same phase and time as the parent: what a decomposition usually is
      prefill: {
        parentId: parent.id,
        parentStatement: parent.statement,
        source: 'parent',
        indicatorId: parent.indicator.id,
        ownerKind: childOwnerKind(parent, solo),
        phaseId: parent.phaseId,
        startsOn: dayjs(parent.startsOn),
        deadline: dayjs(parent.deadline),
      },
    });
  const loaded = new Map<string, Goal>([...(top.data ?? []), ...levels.flatMap((l) => l.data ?? [])].map((g) => [g.id, g]));
  const edit = (g: Goal) => setEditing({ goal: g, prefill: { parentStatement: g.parentId ? loaded.get(g.parentId)?.statement : undefined } });

  const filtered = !!(phaseId || ownerKind || status || q);
  const body = () => {
    if (top.isPending) return <Skeleton active paragraph={{ rows: 6 }} />;
    if (top.isError) return <LoadError error={top.error} onRetry={() => top.refetch()} />;
    if (top.data.length === 0) {
      return (
        <Empty description={filtered ? t('goals.tree.noMatch') : t('goals.tree.emptyTitle')} data-testid="goal-tree-empty">
          {!filtered && <Typography.Paragraph type="secondary" style={{ maxWidth: 560, margin: '0 auto' }}>{canWrite ? t('goals.tree.emptyHintWriter') : t('goals.tree.emptyHint')}</Typography.Paragraph>}
        </Empty>
      );
    }
    return (
      <Tree<Node>
        blockNode
        showLine
        selectable={false}
        treeData={top.data.map(toNode)}
        expandedKeys={expanded}
        onExpand={(keys) => setExpanded(keys.map(String))}
        titleRender={(n) =>
          n.goal ? (
            <GoalNode ws={ws} goal={n.goal} canWrite={canWrite} onAddChild={addChild} onEdit={edit} />
          ) : (
            <Typography.Text type="secondary" style={{ fontSize: fontSize.small }}>{n.note}</Typography.Text>
          )
        }
        data-testid="goal-tree"
        style={{ opacity: top.isPlaceholderData ? 0.6 : 1 }}
      />
    );
  };

  return (
    <>
      <Space wrap style={{ marginBottom: space.md }} data-testid="goal-filters">
        <Select allowClear value={phaseId} onChange={setPhaseId} placeholder={t('goals.tree.allPhases')} options={plan.phases.map((p) => ({ value: p.id, label: p.name }))} style={{ width: 140 }} aria-label={t('goals.form.phase')} data-testid="filter-phase" />
        <Select allowClear value={ownerKind} onChange={setOwnerKind} placeholder={t('goals.tree.allOwners')} options={GOAL_OWNER_KINDS.map((k) => ({ value: k, label: t(`goals.ownerKinds.${k}`) }))} style={{ width: 130 }} aria-label={t('goals.form.owner')} data-testid="filter-owner-kind" />
        <Select allowClear value={status} onChange={setStatus} placeholder={t('goals.tree.allStatuses')} options={GOAL_STATUSES.map((s) => ({ value: s, label: t(`goals.status.${s}`) }))} style={{ width: 130 }} aria-label={t('goals.tree.status')} data-testid="filter-status" />
        <Input allowClear prefix={<SearchOutlined aria-hidden />} value={search} onChange={(e) => setSearch(e.target.value)} placeholder={t('goals.tree.searchPlaceholder')} style={{ width: 240 }} aria-label={t('common.search')} data-testid="filter-q" />
        {top.isFetching && !top.isPending && <Spin size="small" />}
      </Space>
      {body()}
      {editing && (
        <GoalForm ws={ws} plan={plan} goal={editing.goal} prefill={editing.prefill} parentOwner={editing.parentOwner} onClose={() => setEditing(null)} />
      )}
    </>
  );
}

