import { ArrowLeftOutlined, DeleteOutlined, EditOutlined } from '@ant-design/icons';
import { App, Button, Card, Col, Row, Skeleton, Space, Tooltip } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams } from 'react-router';
import { confirmOkProps } from '../../components/confirm-props.ts';
import { errorMessage } from '../../components/form-utils.ts';
import LoadError from '../../components/LoadError.tsx';
import { space } from '../../theme.ts';
import { useCurrentWorkspace } from '../auth/session.ts';
import ActualsCard from './ActualsCard.tsx';
import CheckInCard from './CheckInCard.tsx';
import ChildGoalsCard from './ChildGoalsCard.tsx';
import GoalForm from './GoalForm.tsx';
import GoalHeader from './GoalHeader.tsx';
import { useGoal, usePlan, useRemoveGoal } from './goals-queries.ts';
import { StatusTag } from './labels.tsx';
import PeriodsChartCard from './PeriodsChartCard.tsx';
import PeriodStrip from './PeriodStrip.tsx';
import ProgressChartCard from './ProgressChartCard.tsx';
import { RecurrenceTag } from './recurrence-labels.tsx';
import TargetChangesCard from './TargetChangesCard.tsx';

/** One goal: what it is, its progress chart, check-ins, the indicator's actuals, target changes and child goals. */
export default function GoalPage() {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  const { slug: ws } = useCurrentWorkspace();
  const navigate = useNavigate();
  const { message, modal } = App.useApp();
  const goal = useGoal(ws, id);
  const [editing, setEditing] = useState(false);
  const plan = usePlan(ws, goal.data?.planId ?? '', editing && !!goal.data);
  const remove = useRemoveGoal(ws);
  const removeGoal = () =>
    remove.mutateAsync(id, {
      onSuccess: () => {
        message.success(t('goals.goal.deleted'));
        void navigate(`/w/${ws}/plans/${goal.data?.plan.id ?? ''}`, { replace: true });
      },
      onError: (e) => void modal.error({ title: t('goals.goal.deleteFailed'), content: errorMessage(e) }),
    });

  if (goal.isPending) return <Card><Skeleton active paragraph={{ rows: 10 }} /></Card>;
  if (goal.isError) return <Card><LoadError error={goal.error} onRetry={() => goal.refetch()} /></Card>;
  const g = goal.data;
  const confirmDelete = () =>
    // a goal with child goals is refused by the server: say so instead of offering a delete that fails
    g.childCount > 0
      ? modal.warning({ title: t('goals.goal.deleteFailed'), content: t('goals.goal.deleteHasChildren', { count: g.childCount }) })
      : modal.confirm({
        title: t('goals.goal.deleteTitle', { statement: g.statement }),
        content: t('goals.goal.deleteBody'),
        okText: t('common.delete'),
        okButtonProps: { ...confirmOkProps, danger: true },
        onOk: () => removeGoal().catch(() => undefined),
      });

  return (
    <Space direction="vertical" size={space.lg} style={{ width: '100%' }} data-testid="goal-page" data-status={g.status}>
      <Card
        title={
          <Space size={space.sm} wrap style={{ minWidth: 0, whiteSpace: 'normal' }}>
            {/* the way back and the statement wrap as one, the tags after them */}
            <span>
              <Link to={`/w/${ws}/plans/${g.plan.id}`} aria-label={t('goals.goal.backToPlan', { plan: g.plan.name })} style={{ marginInlineEnd: space.sm }}>
                <ArrowLeftOutlined />
              </Link>
              <span data-testid="goal-title">{g.statement}</span>
            </span>
            {g.recurrence ? (
              // a recurring goal's status weighs its record against this period's pace: say so where it is shown
              <Tooltip title={t('goals.periods.statusHint')} trigger={['hover', 'focus']}>
                {/* biome-ignore lint/a11y/noNoninteractiveTabindex: focusable so that the hint opens from the keyboard too */}
                <span tabIndex={0} data-testid="goal-status-hint">
                  <StatusTag status={g.status} />
                </span>
              </Tooltip>
            ) : (
              <StatusTag status={g.status} />
            )}
            <RecurrenceTag recurrence={g.recurrence} />
          </Space>
        }
        extra={
          g.canEdit && (
            <Space>
              <Button icon={<EditOutlined />} onClick={() => setEditing(true)} data-testid="goal-edit">
                {t('common.edit')}
              </Button>
              <Button danger icon={<DeleteOutlined />} onClick={confirmDelete} aria-label={t('goals.goal.delete')} data-testid="goal-delete" />
            </Space>
          )
        }
      >
        <GoalHeader ws={ws} goal={g} />
      </Card>
      {g.recurrence && <PeriodStrip goal={g} />}
      <Row gutter={[16, 16]}>
        <Col xs={24} xl={15}>
          <Space direction="vertical" size={space.lg} style={{ width: '100%' }}>
            {g.recurrence ? <PeriodsChartCard goal={{ ...g, recurrence: g.recurrence }} /> : <ProgressChartCard goal={g} />}
            <ActualsCard goal={g} />
            <ChildGoalsCard ws={ws} goal={g} />
            <TargetChangesCard goal={g} />
          </Space>
        </Col>
        <Col xs={24} xl={9}>
          <CheckInCard ws={ws} goal={g} />
        </Col>
      </Row>
      {editing && plan.data && <GoalForm ws={ws} plan={plan.data} goal={g} prefill={{ parentStatement: g.parent?.statement }} onClose={() => setEditing(false)} />}
    </Space>
  );
}
