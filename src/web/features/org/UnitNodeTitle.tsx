import { MoreOutlined, TeamOutlined } from '@ant-design/icons';
import { Button, Dropdown, type MenuProps, Tag, Tooltip, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { Unit } from '../../api.ts';
import { fontSize, space } from '../../theme.ts';
import type { UnitNode } from './unit-tree.ts';

export type UnitAction = 'addChild' | 'rename' | 'move' | 'setLead' | 'deactivate' | 'reactivate' | 'delete';

type Props = { node: UnitNode; canEdit: boolean; onAction: (action: UnitAction, unit: Unit) => void };

/** One unit of the tree: its name, lead and headcount, greyed when inactive, and its actions menu for admins. */
export default function UnitNodeTitle({ node, canEdit, onAction }: Props) {
  const { t } = useTranslation();
  const { unit, total } = node;
  const inactive = unit.status === 'inactive';

  const item = (key: UnitAction, label: string, danger = false) => ({
    key,
    danger,
    label: <span data-testid={`unit-action-${key}`}>{label}</span>,
  });
  const items: MenuProps['items'] = [
    item('addChild', t('units.addChild')),
    item('rename', t('units.rename')),
    item('move', t('units.move')),
    item('setLead', t('units.setLead')),
    { type: 'divider' },
    unit.status === 'active' ? item('deactivate', t('units.deactivate')) : item('reactivate', t('units.reactivate')),
    item('delete', t('units.delete'), true),
  ];

  return (
    <div
      data-testid="unit-node"
      data-unit-id={unit.id}
      data-unit-name={unit.name}
      style={{ display: 'flex', alignItems: 'center', gap: space.xs, minWidth: 0, opacity: inactive ? 0.5 : 1 }}
    >
      <div style={{ flex: 1, minWidth: 0, lineHeight: 1.3, padding: `${space.xxs}px 0` }}>
        <div style={{ overflow: 'hidden', textOverflow: 'ellipsis', whiteSpace: 'nowrap' }}>
          {unit.name}
          {inactive && <Tag style={{ marginInlineStart: space.xs }}>{t('units.inactive')}</Tag>}
        </div>
        <Typography.Text type="secondary" style={{ fontSize: fontSize.caption }}>
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
            items,
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
}
