import { ArrowLeftOutlined, DownloadOutlined, EditOutlined, PlusOutlined } from '@ant-design/icons';
import { App, Button, Card, Descriptions, Skeleton, Space, Tabs, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams, useSearchParams } from 'react-router';
import { errorMessage } from '../../components/form-utils.ts';
import LoadError from '../../components/LoadError.tsx';
import { space } from '../../theme.ts';
import { useCan, useCurrentWorkspace } from '../auth/session.ts';
import GoalForm from './GoalForm.tsx';
import GoalTree from './GoalTree.tsx';
import { useExportPlan, usePlan } from './goals-queries.ts';
import PlanFormModal from './PlanFormModal.tsx';
import { CadenceTag, PhaseTimeline, StatusCounts } from './PlanSummary.tsx';
import SmartReport from './SmartReport.tsx';

type Tab = 'tree' | 'report';

/** One plan: its range, phases, cadence and statuses; the cascade tree of goals and the SMART report. */
export default function PlanPage() {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  const { slug: ws, isAdmin } = useCurrentWorkspace();
  const can = useCan();
  const { message } = App.useApp();
  const plan = usePlan(ws, id);
  const [params, setParams] = useSearchParams();
  const tab: Tab = params.get('tab') === 'report' ? 'report' : 'tree';
  const [editingPlan, setEditingPlan] = useState(false);
  const [creating, setCreating] = useState(false);
  const exportPlan = useExportPlan(ws);
  const canWriteGoals = can('goals.write');

  if (plan.isPending) return <Card><Skeleton active paragraph={{ rows: 8 }} /></Card>;
  if (plan.isError) return <Card><LoadError error={plan.error} onRetry={() => plan.refetch()} /></Card>;
  const p = plan.data;

  return (
    <Space direction="vertical" size={space.lg} style={{ width: '100%' }} data-testid="plan-page" data-plan-name={p.name}>
      <Card
        title={
          <Space size={space.sm} style={{ minWidth: 0 }}>
            <Link to={`/w/${ws}/plans`} aria-label={t('goals.plan.backToList')}>
              <ArrowLeftOutlined />
            </Link>
            <span data-testid="plan-title">{p.name}</span>
          </Space>
        }
        extra={
          <Space wrap>
            <Button icon={<DownloadOutlined />} loading={exportPlan.isPending} onClick={() => exportPlan.mutate(p, { onError: (e) => void message.error(errorMessage(e), 6) })} data-testid="plan-export">
              {t('goals.plan.export')}
            </Button>
            {can('plans.write') && (
              <Button icon={<EditOutlined />} onClick={() => setEditingPlan(true)} data-testid="plan-edit">
                {t('goals.plan.edit')}
              </Button>
            )}
            {canWriteGoals && (
              <Button type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)} data-testid="goal-create">
                {t('goals.tree.addTop')}
              </Button>
            )}
          </Space>
        }
      >
        <Descriptions
          size="small"
          column={{ xs: 1, md: 2, xl: 3 }}
          items={[
            { key: 'range', label: t('goals.plan.range'), children: <span style={{ fontVariantNumeric: 'tabular-nums' }}>{p.startsOn} ~ {p.endsOn}</span> },
            { key: 'cadence', label: t('goals.plan.cadence'), children: <CadenceTag cadence={p.reviewCadence} /> },
            { key: 'goals', label: t('goals.plan.goalStatus'), children: <StatusCounts plan={p} /> },
          ]}
        />
        <div style={{ marginTop: space.sm }}>
          <PhaseTimeline plan={p} height={26} />
        </div>
        {p.description && <Typography.Paragraph type="secondary" style={{ margin: '12px 0 0' }}>{p.description}</Typography.Paragraph>}
      </Card>
      <Card styles={{ body: { paddingTop: space.xs } }}>
        <Tabs
          activeKey={tab}
          onChange={(k) => setParams(k === 'tree' ? {} : { tab: k }, { replace: true })}
          items={[
            { key: 'tree', label: <span data-testid="tab-tree">{t('goals.tree.tab')}</span>, children: <GoalTree ws={ws} plan={p} canWrite={canWriteGoals} /> },
            { key: 'report', label: <span data-testid="tab-report">{t('goals.report.tab')}</span>, children: <SmartReport ws={ws} plan={p} active={tab === 'report'} /> },
          ]}
        />
      </Card>
      {editingPlan && <PlanFormModal ws={ws} plan={p} onClose={() => setEditingPlan(false)} />}
      {/* company goals are the admins' (canManageGoal, by role: no action names them) */}
      {creating && <GoalForm ws={ws} plan={p} prefill={{ ownerKind: isAdmin ? 'company' : 'unit' }} onClose={() => setCreating(false)} />}
    </Space>
  );
}
