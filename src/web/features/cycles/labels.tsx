import { ExperimentOutlined, LockOutlined } from '@ant-design/icons';
import { Tag, Tooltip } from 'antd';
import { useTranslation } from 'react-i18next';
import type { Cycle, ParticipantSummary } from '../../api.ts';
import { gradeColor } from '../../components/ScoreExplanation.tsx';

export type CycleState = Cycle['state'];
export const CYCLE_STATES: CycleState[] = ['draft', 'open', 'calibrating', 'closed'];
const STATE_COLORS: Record<CycleState, string> = { draft: 'default', open: 'processing', calibrating: 'warning', closed: 'success' };

/** A total as the product shows it: two decimals, or a dash. */
export const fmtTotal = (x: number | null | undefined) => (x === null || x === undefined ? '—' : x.toFixed(2));
/** A share 0–1 as a whole percentage (0.3 → "30%"). */
export const fmtShare = (x: number) => `${Math.round(x * 1000) / 10}%`;

export function CycleStateTag({ state }: { state: CycleState }) {
  const { t } = useTranslation();
  return (
    <Tag color={STATE_COLORS[state]} icon={state === 'closed' ? <LockOutlined /> : undefined} data-testid="cycle-state" data-state={state}>
      {t(`cycles.states.${state}`)}
    </Tag>
  );
}

export function TrialTag() {
  const { t } = useTranslation();
  return (
    <Tooltip title={t('cycles.trialHint')}>
      <Tag color="purple" icon={<ExperimentOutlined />} data-testid="cycle-trial">
        {t('cycles.trial')}
      </Tag>
    </Tooltip>
  );
}

const STATUS_COLORS: Record<ParticipantSummary['status'], string> = { complete: 'success', incomplete: 'warning', invalid: 'error' };
export function StatusTag({ status }: { status: ParticipantSummary['status'] }) {
  const { t } = useTranslation();
  return (
    <Tag color={STATUS_COLORS[status]} data-testid="participant-status" data-status={status}>
      {t(`score.status.${status}`)}
    </Tag>
  );
}

export function GradeTag({ grade }: { grade: string | null }) {
  if (!grade) return <span>—</span>;
  return (
    <Tag color={gradeColor(grade)} data-testid="grade">
      {grade}
    </Tag>
  );
}
