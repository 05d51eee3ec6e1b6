import { SyncOutlined, WarningOutlined } from '@ant-design/icons';
import { Space, Tag, Tooltip, Typography } from 'antd';
import dayjs from 'dayjs';
import { useTranslation } from 'react-i18next';
import { GOAL_STATUSES } from '../../../core/goals/types.ts';
import type { Plan } from './goals-api.ts';
import { StatusTag } from './labels.tsx';
import { border, brand, fontSize, phaseColors, space, surface } from '../../theme.ts';

const PHASE_COLORS = phaseColors;

/** The phases on the plan's time line, each as wide as its share of the days, with today marked. */
export function PhaseTimeline({ plan, height = 22 }: { plan: Plan; height?: number }) {
  const { t } = useTranslation();
  const start = dayjs(plan.startsOn);
  const days = Math.max(1, dayjs(plan.endsOn).diff(start, 'day') + 1);
  const at = (d: string) => Math.min(100, Math.max(0, (dayjs(d).diff(start, 'day') / days) * 100));
  const today = at(dayjs().format('YYYY-MM-DD'));
  if (plan.phases.length === 0) return <Typography.Text type="secondary">{t('goals.plan.noPhasesShort')}</Typography.Text>;
  return (
    // biome-ignore lint/a11y/useSemanticElements: a timeline of absolutely placed segments, not a list's layout; the roles tell what it is
    <div style={{ position: 'relative', height, background: surface.subtle, borderRadius: 4, border: `1px solid ${border.divider}`, overflow: 'hidden' }} role="list" aria-label={t('goals.plan.phases')} data-testid="phase-timeline">
      {plan.phases.map((p, i) => {
        const left = at(p.startsOn);
        const width = Math.max(2, at(dayjs(p.endsOn).add(1, 'day').format('YYYY-MM-DD')) - left);
        return (
          <Tooltip key={p.id} title={`${p.name} · ${p.startsOn} ~ ${p.endsOn}`}>
            {/* biome-ignore lint/a11y/useSemanticElements lint/a11y/noNoninteractiveTabindex: a segment of the timeline, focusable so that its tooltip opens from the keyboard */}
            <div role="listitem" tabIndex={0} aria-label={`${p.name} ${p.startsOn} ~ ${p.endsOn}`} style={{ position: 'absolute', left: `${left}%`, width: `${width}%`, top: 0, bottom: 0, background: PHASE_COLORS[i % PHASE_COLORS.length], borderInlineEnd: `1px solid ${surface.base}`, fontSize: fontSize.caption, lineHeight: `${height - 2}px`, textAlign: 'center', overflow: 'hidden', whiteSpace: 'nowrap', textOverflow: 'ellipsis', padding: '0 4px' }} data-testid="phase-segment">
              {p.name}
            </div>
          </Tooltip>
        );
      })}
      {today > 0 && today < 100 && <div title={t('goals.plan.today')} style={{ position: 'absolute', left: `${today}%`, top: 0, bottom: 0, width: 2, background: brand.primary }} />}
    </div>
  );
}

/** The review cadence, or the pitfall 缺乏动态调整 when there is none. */
export function CadenceTag({ cadence }: { cadence: Plan['reviewCadence'] }) {
  const { t } = useTranslation();
  if (!cadence) {
    return (
      <Tooltip title={t('goals.plan.noCadenceHint')}>
        <Tag color="warning" icon={<WarningOutlined />} tabIndex={0} data-testid="plan-cadence-none">
          {t('goals.plan.noCadence')}
        </Tag>
      </Tooltip>
    );
  }
  return (
    <Tag icon={<SyncOutlined />} data-testid="plan-cadence-tag">
      {t('goals.plan.reviewed', { cadence: t(`goals.cadence.${cadence}`) })}
    </Tag>
  );
}

/** The goal count and one coloured tag per status that has goals. */
export function StatusCounts({ plan }: { plan: Plan }) {
  const { t } = useTranslation();
  return (
    <Space size={[6, 4]} wrap data-testid="plan-status-counts">
      <Typography.Text>{t('goals.plan.goalCount', { count: plan.goalCount })}</Typography.Text>
      {GOAL_STATUSES.filter((s) => (plan.statusCounts[s] ?? 0) > 0).map((s) => (
        <span key={s} style={{ display: 'inline-flex', alignItems: 'center', gap: space.xs }} data-testid={`plan-count-${s}`}>
          <StatusTag status={s} />
          <Typography.Text strong>{plan.statusCounts[s]}</Typography.Text>
        </span>
      ))}
    </Space>
  );
}
