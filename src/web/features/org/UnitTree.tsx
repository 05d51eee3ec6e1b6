import { ApartmentOutlined, PlusOutlined, SearchOutlined } from '@ant-design/icons';
import { Button, Empty, Input, Switch, Tree } from 'antd';
import { type Key, useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Unit } from '../../api.ts';
import { fontSize, space } from '../../theme.ts';
import UnitNodeTitle, { type UnitAction } from './UnitNodeTitle.tsx';
import { activeOnly, allKeys, buildUnitTree, filterTree, keysToDepth, type UnitNode } from './unit-tree.ts';

type Props = {
  units: Unit[];
  selectedId: string | null;
  onSelect: (id: string | null) => void;
  canEdit: boolean;
  onAction: (action: UnitAction, unit: Unit) => void;
  onAddTop: () => void;
  /** A unit to bring into view (e.g. one just created): its ancestors are expanded. */
  revealId?: string | null;
};

type TreeItem = { key: string; node: UnitNode; children?: TreeItem[] };
const toItems = (nodes: UnitNode[]): TreeItem[] =>
  nodes.map((n) => ({ key: n.unit.id, node: n, children: n.children.length ? toItems(n.children) : undefined }));

/** The organisation tree: headcount, lead, inactive units greyed, per-unit actions for admins. */
export default function UnitTree({ units, selectedId, onSelect, canEdit, onAction, onAddTop, revealId }: Props) {
  const { t } = useTranslation();
  const [showInactive, setShowInactive] = useState(false);
  const [search, setSearch] = useState('');
  const full = useMemo(() => buildUnitTree(units), [units]);
  const visible = useMemo(() => {
    const base = showInactive ? full : activeOnly(full);
    const needle = search.trim().toLowerCase();
    return needle ? filterTree(base, (u) => u.name.toLowerCase().includes(needle)) : base;
  }, [full, showInactive, search]);
  const [expanded, setExpanded] = useState<Key[]>(() => keysToDepth(full, 2));
  useEffect(() => {
    if (search.trim()) setExpanded(allKeys(visible));
  }, [search, visible]);
  useEffect(() => {
    if (!revealId) return;
    const parentOf = new Map(units.map((u) => [u.id, u.parentId]));
    const chain: string[] = [];
    for (let id = parentOf.get(revealId); id && !chain.includes(id); id = parentOf.get(id)) chain.push(id);
    setExpanded((prev) => [...new Set([...prev, ...chain])]);
  }, [revealId, units]);

  return (
    <div>
      <Input
        allowClear
        prefix={<SearchOutlined />}
        placeholder={t('units.searchPlaceholder')}
        onChange={(e) => setSearch(e.target.value)}
        style={{ marginBottom: space.sm }}
        data-testid="unit-search"
      />
      <div style={{ display: 'flex', justifyContent: 'space-between', alignItems: 'center', marginBottom: space.sm }}>
        <Button
          type={selectedId ? 'text' : 'link'}
          icon={<ApartmentOutlined />}
          onClick={() => onSelect(null)}
          data-testid="unit-all"
          style={{ paddingInline: space.xs }}
        >
          {t('units.allPeople')}
        </Button>
        <span style={{ display: 'inline-flex', gap: space.xs, alignItems: 'center', fontSize: fontSize.caption }}>
          <Switch id="unit-show-inactive" size="small" checked={showInactive} onChange={setShowInactive} data-testid="unit-show-inactive" />
          <label htmlFor="unit-show-inactive">{t('units.showInactive')}</label>
        </span>
      </div>
      {visible.length === 0 ? (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={units.length ? t('people.noResults') : t('units.emptyTitle')}>
          {!units.length && canEdit && (
            <Button type="primary" icon={<PlusOutlined />} onClick={onAddTop} data-testid="unit-add-empty">
              {t('units.addTop')}
            </Button>
          )}
        </Empty>
      ) : (
        <div data-testid="unit-tree">
          <Tree<TreeItem>
            blockNode
            treeData={toItems(visible)}
            titleRender={(item) => <UnitNodeTitle node={item.node} canEdit={canEdit} onAction={onAction} />}
            selectedKeys={selectedId ? [selectedId] : []}
            // clicking the selected unit keeps it selected (antd would toggle it off and show everyone)
            onSelect={(_keys, info) => onSelect(String(info.node.key))}
            expandedKeys={expanded}
            onExpand={setExpanded}
          />
        </div>
      )}
    </div>
  );
}
