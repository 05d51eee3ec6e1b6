import { TreeSelect } from 'antd';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type { Unit } from '../api.ts';
import { buildUnitTree, type UnitNode } from '../features/org/unit-tree.ts';

export const ROOT_VALUE = '__root__';

type Props = {
  units: Unit[];
  value?: string | null;
  onChange?: (value: string | null) => void;
  /** Offer "(top level)" as a choice, returned as null (moving a unit to the top). */
  withRoot?: boolean;
  /** Leave out inactive units, except the current value. */
  activeOnly?: boolean;
  /** Only these units can be chosen (a manager's own units); null = any. */
  selectableIds?: Set<string> | null;
  placeholder?: string;
  testId?: string;
  id?: string;
};

type Option = { value: string; title: string; disabled?: boolean; children?: Option[] };

/** Chooses a department from the tree, with search. */
export default function UnitTreeSelect(props: Props) {
  const { units, value, onChange, withRoot, activeOnly, selectableIds, placeholder, testId, id } = props;
  const { t } = useTranslation();
  const treeData = useMemo(() => {
    const toOption = (n: UnitNode): Option | null => {
      if (activeOnly && n.unit.status === 'inactive' && n.unit.id !== value) return null;
      const children = n.children.map(toOption).filter((o): o is Option => o !== null);
      const title = n.unit.status === 'inactive' ? `${n.unit.name} (${t('units.inactive')})` : n.unit.name;
      const disabled = selectableIds ? !selectableIds.has(n.unit.id) : undefined;
      return { value: n.unit.id, title, disabled, children: children.length ? children : undefined };
    };
    const options = buildUnitTree(units).map(toOption).filter((o): o is Option => o !== null);
    return withRoot ? [{ value: ROOT_VALUE, title: t('units.topLevel') }, ...options] : options;
  }, [units, activeOnly, value, withRoot, selectableIds, t]);

  const current = value === null && withRoot ? ROOT_VALUE : (value ?? undefined);
  return (
    <TreeSelect
      id={id}
      data-testid={testId}
      value={current}
      onChange={(v: string | undefined) => onChange?.(!v || v === ROOT_VALUE ? null : v)}
      treeData={treeData}
      allowClear={!withRoot}
      showSearch={{ treeNodeFilterProp: 'title' }}
      treeDefaultExpandAll
      placeholder={placeholder ?? t('people.selectUnit')}
      style={{ width: '100%' }}
    />
  );
}
