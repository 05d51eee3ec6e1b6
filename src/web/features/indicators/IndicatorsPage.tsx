import { PlusOutlined } from '@ant-design/icons';
import { Button, Card, Input, Select, Space, Tabs } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Indicator, IndicatorsQuery } from '../../api.ts';
import { useDebounced } from '../../components/use-debounced.ts';
import { space } from '../../theme.ts';
import { useCan, useCurrentWorkspace } from '../auth/session.ts';
import BuiltinLibrary from './BuiltinLibrary.tsx';
import IndicatorDrawer from './IndicatorDrawer.tsx';
import { PERSPECTIVE_OPTIONS } from './labels.ts';
import WorkspaceIndicators from './WorkspaceIndicators.tsx';

type Tab = 'workspace' | 'builtin';
type StatusFilter = NonNullable<IndicatorsQuery['status']>;

/** 指标库: the workspace's indicators and the built-in library to copy from. */
export default function IndicatorsPage() {
  const { t } = useTranslation();
  const { slug: ws } = useCurrentWorkspace();
  const canWrite = useCan()('indicators.write');
  const [tab, setTab] = useState<Tab>('workspace');
  const [search, setSearch] = useState('');
  const q = useDebounced(search.trim(), 300);
  const [perspective, setPerspective] = useState<Indicator['perspective'] | undefined>(undefined);
  const [status, setStatus] = useState<StatusFilter>('active');
  const [editing, setEditing] = useState<{ indicator: Indicator | null } | null>(null);

  /** From a "Copied" tag: the copy in the workspace list. */
  const showInWorkspace = (name: string) => {
    setSearch(name);
    setStatus('all');
    setTab('workspace');
  };

  const filters = (
    <Space wrap style={{ marginBottom: space.lg }}>
      <Input.Search
        allowClear
        value={search}
        onChange={(e) => setSearch(e.target.value)}
        placeholder={t('indicators.searchPlaceholder')}
        style={{ width: 260 }}
        data-testid="indicator-search"
      />
      <Select
        allowClear
        value={perspective}
        onChange={(v) => setPerspective(v)}
        placeholder={t('indicators.allPerspectives')}
        options={PERSPECTIVE_OPTIONS.map((p) => ({ value: p, label: t(`indicators.perspectives.${p}`) }))}
        style={{ width: 160 }}
        data-testid="indicator-perspective-filter"
      />
      {tab === 'workspace' && (
        <Select<StatusFilter>
          value={status}
          onChange={setStatus}
          options={(['active', 'archived', 'all'] as const).map((s) => ({ value: s, label: t(`indicators.statusFilter.${s}`) }))}
          style={{ width: 120 }}
          data-testid="indicator-status-filter"
        />
      )}
    </Space>
  );

  return (
    <Card
      title={t('indicators.title')}
      extra={
        canWrite && (
          <Button type="primary" icon={<PlusOutlined />} onClick={() => setEditing({ indicator: null })} data-testid="indicator-add">
            {t('indicators.add')}
          </Button>
        )
      }
      data-testid="indicators-card"
    >
      <Tabs
        activeKey={tab}
        onChange={(k) => setTab(k as Tab)}
        items={[
          {
            key: 'workspace',
            label: <span data-testid="indicators-tab-workspace">{t('indicators.tabWorkspace')}</span>,
            children: (
              <>
                {filters}
                <WorkspaceIndicators
                  ws={ws}
                  canWrite={canWrite}
                  query={{ q, perspective, status }}
                  filtered={q !== '' || perspective !== undefined || status !== 'active'}
                  onEdit={(indicator) => setEditing({ indicator })}
                  onOpenBuiltin={() => setTab('builtin')}
                />
              </>
            ),
          },
          {
            key: 'builtin',
            label: <span data-testid="indicators-tab-builtin">{t('indicators.tabBuiltin')}</span>,
            children: (
              <>
                {filters}
                <BuiltinLibrary ws={ws} canWrite={canWrite} query={{ q, perspective }} onShowCopy={showInWorkspace} />
              </>
            ),
          },
        ]}
      />
      {editing && <IndicatorDrawer ws={ws} indicator={editing.indicator} onClose={() => setEditing(null)} />}
    </Card>
  );
}
