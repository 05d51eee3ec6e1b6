import { DeleteOutlined, EditOutlined, ExportOutlined, PlusOutlined } from '@ant-design/icons';
import { App, Button, Progress, Space, Tooltip, Typography } from 'antd';
import type { MouseEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { confirmOkProps } from '../../components/confirm-props.ts';
import { errorMessage } from '../../components/form-utils.ts';
import { fontSize, space, tabularNums } from '../../theme.ts';
import type { Goal } from './goals-api.ts';
import { useRemoveGoal } from './goals-queries.ts';
import { CoverageTag, fmtPair, indicatorName, OwnerLabel, STATUS_HEX, StatusTag } from './labels.tsx';
import { RecurrenceTag } from './recurrence-labels.tsx';
import { useCurrentWorkspace } from '../auth/session.ts';

/** canWrite: the viewer may set goals at all (adding a sub-goal under any goal); editing and deleting follow the goal's own canEdit. */
type Props = { ws: string; goal: Goal; canWrite: boolean; onAddChild: (g: Goal) => void; onEdit: (g: Goal) => void };

/** The node's buttons must not toggle the tree node they sit in. */
const quiet = (fn: () => void) => (e: MouseEvent) => {
  e.stopPropagation();
  fn();
};

/** One goal in the cascade tree: owner and statement, indicator and progress, status, coverage and actions. */
export default function GoalNode({ ws, goal, canWrite, onAddChild, onEdit }: Props) {
  // a solo seller has nobody to decompose a goal to: "not decomposed" would only be noise
  const solo = useCurrentWorkspace().summary?.kind === 'solo';
  const { t, i18n } = useTranslation();
  const { message, modal } = App.useApp();
  const lang = i18n.language;
  const unit = goal.indicator.unit;
  const remove = useRemoveGoal(ws);
  const removeGoal = () =>
    remove.mutateAsync(goal.id, {
      onSuccess: () => void message.success(t('goals.goal.deleted')),
      onError: (e) => void modal.error({ title: t('goals.goal.deleteFailed'), content: errorMessage(e) }),
    });
  const confirmDelete = () =>
    // a goal with child goals is refused by the server: say so instead of offering a delete that fails
    goal.childCount > 0
      ? modal.warning({ title: t('goals.goal.deleteFailed'), content: t('goals.goal.deleteHasChildren', { count: goal.childCount }) })
      : modal.confirm({
        title: t('goals.goal.deleteTitle', { statement: goal.statement }),
        content: t('goals.goal.deleteBody'),
        okText: t('common.delete'),
        okButtonProps: { ...confirmOkProps, danger: true },
        onOk: () => removeGoal().catch(() => undefined),
      });
  const percent = goal.progress === null ? 0 : Math.round(Math.max(0, Math.min(1, goal.progress)) * 100);

  return (
    <div style={{ padding: '6px 0', minWidth: 0 }} data-testid={`goal-node-${goal.id}`} data-statement={goal.statement} data-status={goal.status}>
      <div style={{ display: 'flex', alignItems: 'center', gap: space.sm, flexWrap: 'wrap' }}>
        <OwnerLabel owner={goal.owner} />
        <Link to={`/w/${ws}/goals/${goal.id}`} onClick={(e) => e.stopPropagation()} style={{ fontWeight: 500, flex: '1 1 240px', minWidth: 0 }} data-testid="goal-link">
          {goal.statement}
        </Link>
        <Space size={space.sm} wrap>
          <StatusTag status={goal.status} />
          <RecurrenceTag recurrence={goal.recurrence} />
          {/* a person's goal is the end of the cascade: "not decomposed" would only be noise there */}
          {goal.coverage && !(goal.coverage.level === 'none' && (goal.owner.kind === 'person' || solo)) && <CoverageTag coverage={goal.coverage} unit={unit} />}
        </Space>
      </div>
      <div style={{ display: 'flex', alignItems: 'center', gap: space.md, flexWrap: 'wrap', marginTop: space.xxs, fontSize: fontSize.small }}>
        <Typography.Text type="secondary" style={{ fontSize: fontSize.small, minWidth: 96 }} ellipsis>
          {indicatorName(goal.indicator, lang)}
        </Typography.Text>
        <Typography.Text style={{ fontSize: fontSize.small, ...tabularNums, minWidth: 170 }} data-testid="goal-values">
          {/* a recurring goal's value is its period's so far: set against that period's target, not the goal's */}
          {goal.periodTarget !== null && `${t('goals.goal.thisPeriod')} `}
          {fmtPair(goal.current, goal.periodTarget ?? goal.target, unit, lang)}
        </Typography.Text>
        <Progress percent={percent} size={{ width: 120, height: 6 }} strokeColor={STATUS_HEX[goal.status]} format={() => (goal.progress === null ? '—' : `${Math.round(goal.progress * 100)}%`)} aria-label={t('goals.goal.progress')} style={{ margin: 0, width: 170 }} />
        <Typography.Text type="secondary" style={{ fontSize: fontSize.caption }}>
          {t('goals.goal.until', { date: goal.deadline })}
        </Typography.Text>
        <Space size={0} style={{ marginInlineStart: 'auto' }}>
          {canWrite && (
            <Tooltip title={t('goals.tree.addChild')}>
              <Button type="text" size="small" icon={<PlusOutlined />} onClick={quiet(() => onAddChild(goal))} aria-label={t('goals.tree.addChildOf', { statement: goal.statement })} data-testid="goal-add-child" />
            </Tooltip>
          )}
          {goal.canEdit && (
            <Tooltip title={t('common.edit')}>
              <Button type="text" size="small" icon={<EditOutlined />} onClick={quiet(() => onEdit(goal))} aria-label={t('goals.tree.editOf', { statement: goal.statement })} data-testid="goal-edit" />
            </Tooltip>
          )}
          <Tooltip title={t('goals.tree.open')}>
            <Link to={`/w/${ws}/goals/${goal.id}`} onClick={(e) => e.stopPropagation()} aria-label={t('goals.tree.openOf', { statement: goal.statement })} style={{ padding: '0 7px' }}>
              <ExportOutlined />
            </Link>
          </Tooltip>
          {goal.canEdit && (
            <Tooltip title={t('common.delete')}>
              <Button type="text" size="small" danger icon={<DeleteOutlined />} onClick={quiet(confirmDelete)} aria-label={t('goals.tree.deleteOf', { statement: goal.statement })} data-testid="goal-delete" />
            </Tooltip>
          )}
        </Space>
      </div>
    </div>
  );
}
