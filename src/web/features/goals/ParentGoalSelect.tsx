import { TreeSelect } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Goal } from './goals-api.ts';
import { useGoalLevel, useLoadGoalLevel } from './goals-queries.ts';

type Props = {
  ws: string;
  planId: string;
  value?: string | null;
  onChange?: (value: string | null) => void;
  /** The goal being edited: it cannot be its own parent, nor can anything below it. */
  excludeId?: string;
  /** The current parent's statement, shown before its level of the tree is loaded. */
  initialLabel?: string;
  id?: string;
  testId?: string;
};

type Node = { id: string; pId: string | 0; value: string; title: string; isLeaf: boolean; disabled?: boolean };

/** Picks a parent goal of the same plan from its cascade tree, each level loaded when opened. */
export default function ParentGoalSelect({ ws, planId, value, onChange, excludeId, initialLabel, id, testId }: Props) {
  const { t } = useTranslation();
  const top = useGoalLevel(ws, planId, {});
  const loadLevel = useLoadGoalLevel(ws, planId);
  const [loaded, setLoaded] = useState<Record<string, Goal[]>>({});

  const loadData = async ({ value: parentId }: { value?: string | number }) => {
    const key = String(parentId);
    const children = await loadLevel(key);
    setLoaded((all) => ({ ...all, [key]: children }));
  };

  const goals = [...(top.data ?? []), ...Object.values(loaded).flat()];
  const nodes: Node[] = goals.map((g) => ({
    id: g.id,
    pId: g.parentId ?? 0,
    value: g.id,
    title: `${g.owner.name || t('goals.ownerKinds.company')} · ${g.statement}`,
    isLeaf: g.childCount === 0 || g.id === excludeId,
    disabled: g.id === excludeId,
  }));
  if (value && !nodes.some((n) => n.id === value)) nodes.push({ id: value, pId: 0, value, title: initialLabel ?? '…', isLeaf: true });

  return (
    <TreeSelect
      id={id}
      data-testid={testId}
      value={value ?? undefined}
      onChange={(v: string | undefined) => onChange?.(v ?? null)}
      treeDataSimpleMode
      treeData={nodes}
      loadData={loadData}
      loading={top.isPending}
      allowClear
      showSearch={{ treeNodeFilterProp: 'title' }}
      placeholder={t('goals.form.parentPlaceholder')}
      notFoundContent={t('goals.form.noGoals')}
      style={{ width: '100%' }}
    />
  );
}
