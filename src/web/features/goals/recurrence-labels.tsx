import { SyncOutlined } from '@ant-design/icons';
import { Tag, type theme } from 'antd';
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import type { Recurrence } from '../../../core/goals/recurrence.ts';
import type { GoalDetail, GoalPeriodRow } from './goals-api.ts';
type Token = ReturnType<typeof theme.useToken>['token'];
/** The colours of a period: text, background, border and the accent line on top. */
export type PeriodColors = { text: string; bg: string; border: string; accent: string; dashed?: boolean };

/**
 * A list row's recurrence, read structurally: the dashboard's goal rows (contracts/dashboard.ts)
 * show the tag as soon as their contract carries `recurrence`, as the goals' own rows do.
 */
export const recurrenceOf = (row: { id: string; recurrence?: Recurrence | null }): Recurrence | null => row.recurrence ?? null;

/** "每月 / Monthly" on a recurring goal; nothing on a one-off goal. */
export function RecurrenceTag({ recurrence }: { recurrence: Recurrence | null | undefined }) {
  const { t } = useTranslation();
  if (!recurrence) return null;
  return (
    <Tag icon={<SyncOutlined aria-hidden />} color="cyan" style={{ marginInlineEnd: 0 }} data-testid="recurrence-tag" data-recurrence={recurrence}>
      {t(`goals.recurrence.${recurrence}`)}
    </Tag>
  );
}

/**
 * A period's colours from the theme: met green, missed red, no data grey, the period in progress
 * in its pace's colour (blue before its first value), upcoming muted with a dashed border.
 */
export function periodColors(p: Pick<GoalPeriodRow, 'state' | 'pace'>, token: Token): PeriodColors {
  const success = { text: token.colorSuccessText, bg: token.colorSuccessBg, border: token.colorSuccessBorder, accent: token.colorSuccess };
  const error = { text: token.colorErrorText, bg: token.colorErrorBg, border: token.colorErrorBorder, accent: token.colorError };
  const warning = { text: token.colorWarningText, bg: token.colorWarningBg, border: token.colorWarningBorder, accent: token.colorWarning };
  if (p.state === 'met') return success;
  if (p.state === 'missed') return error;
  if (p.state === 'no_data') return { text: token.colorTextSecondary, bg: token.colorFillQuaternary, border: token.colorBorder, accent: token.colorTextQuaternary };
  if (p.state === 'upcoming') return { text: token.colorTextTertiary, bg: token.colorBgContainer, border: token.colorBorder, accent: token.colorBorderSecondary, dashed: true };
  if (p.pace === 'on_track') return success;
  if (p.pace === 'at_risk') return warning;
  if (p.pace === 'off_track') return error;
  return { text: token.colorPrimaryText, bg: token.colorPrimaryBg, border: token.colorPrimaryBorder, accent: token.colorPrimary };
}

/** The word for where a period stands: its state, or for the period in progress its pace. */
export function periodStateText(t: TFunction, p: Pick<GoalPeriodRow, 'state' | 'pace'>): string {
  if (p.state !== 'in_progress') return t(`goals.periods.state.${p.state}`);
  return p.pace ? t(`goals.periods.pace.${p.pace}`) : t('goals.periods.pace.none');
}

/** "已达成 2/3 期 · 本期进度正常": the record of the periods over and the pace of the one in progress. */
export function recordSummary(t: TFunction, goal: Pick<GoalDetail, 'periods' | 'record'>): string {
  const record = goal.record ?? { met: 0, finished: 0 };
  const parts = [record.finished > 0 ? t('goals.periods.record', { met: record.met, finished: record.finished }) : t('goals.periods.recordNone')];
  const current = goal.periods?.find((p) => p.state === 'in_progress');
  if (current) parts.push(current.pace ? t(`goals.periods.now.${current.pace}`) : t('goals.periods.now.none'));
  return parts.join(' · ');
}
