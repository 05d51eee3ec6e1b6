import { CheckOutlined, DownOutlined, PlusOutlined } from '@ant-design/icons';
import { Button, Dropdown, type MenuProps, Tag } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import type { WorkspaceSummary } from '../../api.ts';
import { fontSize, space } from '../../theme.ts';
import CreateWorkspaceModal from './CreateWorkspaceModal.tsx';

type Props = { workspaces: WorkspaceSummary[]; current: WorkspaceSummary | null; compact?: boolean; canCreate?: boolean };

/** The current workspace, a list of the others, and "create workspace" (not for the shared demo accounts). */
export default function WorkspaceSwitcher({ workspaces, current, compact = false, canCreate = true }: Props) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const [creating, setCreating] = useState(false);
  const items: MenuProps['items'] = [
    ...workspaces.map((w) => ({
      key: w.slug,
      icon: w.slug === current?.slug ? <CheckOutlined /> : <span style={{ display: 'inline-block', width: 14 }} />,
      label: (
        <span data-testid={`workspace-option-${w.slug}`}>
          {w.name} <Tag style={{ marginInlineStart: space.xs }}>{t(`role.${w.role}`)}</Tag>
          {w.isDemo && <Tag color="orange">{t('header.demo')}</Tag>}
        </span>
      ),
    })),
    ...(canCreate
      ? [{ type: 'divider' as const }, { key: '__create', icon: <PlusOutlined />, label: <span data-testid="workspace-create">{t('header.createWorkspace')}</span> }]
      : []),
  ];
  const onClick: MenuProps['onClick'] = ({ key }) => {
    if (key === '__create') setCreating(true);
    else navigate(`/w/${key}/home`);
  };
  return (
    <>
      <Dropdown menu={{ items, onClick, selectedKeys: current ? [current.slug] : [] }} trigger={['click']}>
        <Button type="text" data-testid="workspace-switcher" aria-label={t('header.workspace')} style={{ maxWidth: compact ? 160 : 320 }}>
          <span style={{ overflow: 'hidden', textOverflow: 'ellipsis', whiteSpace: 'nowrap' }}>
            {current?.name ?? t('header.workspace')}
          </span>
          {current?.isDemo && !compact && <Tag color="orange" style={{ marginInlineEnd: 0 }}>{t('header.demo')}</Tag>}
          <DownOutlined style={{ fontSize: fontSize.tiny }} />
        </Button>
      </Dropdown>
      <CreateWorkspaceModal open={creating} onClose={() => setCreating(false)} />
    </>
  );
}
