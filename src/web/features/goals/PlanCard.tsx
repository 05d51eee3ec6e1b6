import { DeleteOutlined, DownloadOutlined, EditOutlined } from '@ant-design/icons';
import { App, Button, Card, Space, Tag, Tooltip, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { confirmOkProps } from '../../components/confirm-props.ts';
import { errorMessage } from '../../components/form-utils.ts';
import { fontSize, space, tabularNums } from '../../theme.ts';
import type { Plan } from './goals-api.ts';
import { useExportPlan, useRemovePlan } from './goals-queries.ts';
import { CadenceTag, PhaseTimeline, StatusCounts } from './PlanSummary.tsx';

type Props = { ws: string; plan: Plan; canWrite: boolean; onEdit: (plan: Plan) => void };

/** One plan in the list: range, phases, review cadence and its goals' statuses; export for all, edit/delete for admins. */
export default function PlanCard({ ws, plan, canWrite, onEdit }: Props) {
  const { t } = useTranslation();
  const { message, modal } = App.useApp();
  const exportPlan = useExportPlan(ws);
  const remove = useRemovePlan(ws);
  const removePlan = () =>
    remove.mutateAsync(plan.id, {
      onSuccess: () => void message.success(t('goals.plan.deleted', { name: plan.name })),
      // 409 while the plan has goals: the server's message says so
      onError: (e) => void modal.error({ title: t('goals.plan.deleteFailed'), content: errorMessage(e) }),
    });
  const confirmDelete = () =>
    // a plan with goals is refused by the server: say so instead of offering a delete that fails
    plan.goalCount > 0
      ? modal.warning({ title: t('goals.plan.deleteFailed'), content: t('goals.plan.deleteHasGoals', { count: plan.goalCount }) })
      : modal.confirm({
        title: t('goals.plan.deleteTitle', { name: plan.name }),
        content: t('goals.plan.deleteBody'),
        okText: t('common.delete'),
        okButtonProps: { ...confirmOkProps, danger: true },
        onOk: () => removePlan().catch(() => undefined),
      });

  const actions = (
    <Space size={0}>
      <Tooltip title={t('goals.plan.export')}>
        <Button type="text" icon={<DownloadOutlined />} loading={exportPlan.isPending} onClick={() => exportPlan.mutate(plan, { onError: (e) => void message.error(errorMessage(e), 6) })} aria-label={t('goals.plan.export')} data-testid="plan-export" />
      </Tooltip>
      {canWrite && (
        <>
          <Tooltip title={t('common.edit')}>
            <Button type="text" icon={<EditOutlined />} onClick={() => onEdit(plan)} aria-label={t('goals.plan.editN', { name: plan.name })} data-testid="plan-edit" />
          </Tooltip>
          <Tooltip title={t('common.delete')}>
            <Button type="text" danger icon={<DeleteOutlined />} onClick={confirmDelete} aria-label={t('goals.plan.deleteN', { name: plan.name })} data-testid="plan-delete" />
          </Tooltip>
        </>
      )}
    </Space>
  );

  return (
    <Card
      size="small"
      title={
        <Space size={space.sm} style={{ minWidth: 0 }}>
          <Link to={`/w/${ws}/plans/${plan.id}`} data-testid="plan-link" style={{ fontSize: fontSize.body }}>
            {plan.name}
          </Link>
          {plan.status === 'archived' && <Tag>{t('goals.plan.archived')}</Tag>}
        </Space>
      }
      extra={actions}
      data-testid="plan-card"
      data-plan-name={plan.name}
      style={{ height: '100%' }}
    >
      <Space direction="vertical" size={space.sm} style={{ width: '100%' }}>
        <Space size={space.sm} wrap>
          <Typography.Text type="secondary" style={tabularNums}>
            {plan.startsOn} ~ {plan.endsOn}
          </Typography.Text>
          <CadenceTag cadence={plan.reviewCadence} />
        </Space>
        <PhaseTimeline plan={plan} />
        <StatusCounts plan={plan} />
        {plan.description && (
          <Typography.Paragraph type="secondary" ellipsis={{ rows: 2 }} style={{ margin: 0, fontSize: fontSize.small }}>
            {plan.description}
          </Typography.Paragraph>
        )}
      </Space>
    </Card>
  );
}
