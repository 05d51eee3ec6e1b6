import { ApartmentOutlined, MoreOutlined, PlusOutlined, SearchOutlined, TeamOutlined } from '@ant-design/icons';
import { Button, Dropdown, Empty, Input, type MenuProps, Switch, Tag, Tooltip, Tree, Typography } from 'antd';
import { type Key, useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Unit } from '../../api.ts';
import { activeOnly, allKeys, buildUnitTree, filterTree, keysToDepth, type UnitNode } from './unit-tree.ts';

export type UnitAction = 'addChild' | 'rename' | 'move' | 'setLead' | 'deactivate' | 'reactivate' | 'delete';

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

  const actionItems = (u: Unit): MenuProps['items'] => {
    const item = (key: UnitAction, label: string, danger = false) => ({
      key,
      danger,
      label: <span data-testid={`unit-action-${key}`}>{label}</span>,
    });
    return [
      item('addChild', t('units.addChild')),
      item('rename', t('units.rename')),
      item('move', t('units.move')),
      item('setLead', t('units.setLead')),
      { type: 'divider' },
      u.status === 'active' ? item('deactivate', t('units.deactivate')) : item('reactivate', t('units.reactivate')),
      item('delete', t('units.delete'), true),
    ];
  };

  const renderTitle = (item: TreeItem) => {
    const { unit, total } = item.node;
    const inactive = unit.status === 'inactive';
    return (
      <div
        data-testid="unit-node"
        data-unit-id={unit.id}
        data-unit-name={unit.name}
        style={{ display: 'flex', alignItems: 'center', gap: 6, minWidth: 0, opacity: inactive ? 0.5 : 1 }}
      >
        <div style={{ flex: 1, minWidth: 0, lineHeight: 1.3, padding: '2px 0' }}>
          <div style={{ overflow: 'hidden', textOverflow: 'ellipsis', whiteSpace: 'nowrap' }}>
            {unit.name}
            {inactive && <Tag style={{ marginInlineStart: 6 }}>{t('units.inactive')}</Tag>}
          </div>
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {unit.leadName ? t('units.leadLabel', { name: unit.leadName }) : t('units.noLead')}
          </Typography.Text>
        </div>
        <Tooltip title={t('units.headcountTip', { direct: unit.headcount, total })}>
          <Tag icon={<TeamOutlined />} style={{ marginInlineEnd: 0 }} data-testid="unit-headcount">
            {t('units.headcount', { count: total })}
          </Tag>
        </Tooltip>
        {canEdit && (
          <Dropdown
            trigger={['click']}
            menu={{
              items: actionItems(unit),
              onClick: ({ key, domEvent }) => {
                // the menu is portalled, but React events still bubble to the tree node
                domEvent.stopPropagation();
                onAction(key as UnitAction, unit);
              },
            }}
          >
            <Button
              size="small"
              type="text"
              icon={<MoreOutlined />}
              aria-label={t('common.more')}
              data-testid="unit-actions"
              onClick={(e) => e.stopPropagation()}
              onKeyDown={(e) => e.stopPropagation()}
            />
          </Dropdown>
        )}
      </div>
    );
  };

  return (
    <div>
      <Input
        allowClear
        prefix={<SearchOutlined />}
        placeholder={t('units.searchPlaceholder')}
        onChange={(e) => setSearch(e.target.value)}
        style={{ marginBottom: 8 }}
        data-testid="unit-search"
      />
      <div style={{ display: 'flex', justifyContent: 'space-between', alignItems: 'center', marginBottom: 8 }}>
        <Button
          type={selectedId ? 'text' : 'link'}
          icon={<ApartmentOutlined />}
          onClick={() => onSelect(null)}
          data-testid="unit-all"
          style={{ paddingInline: 4 }}
        >
          {t('units.allPeople')}
        </Button>
        <span style={{ display: 'inline-flex', gap: 6, alignItems: 'center', fontSize: 12 }}>
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
          titleRender={renderTitle}
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
