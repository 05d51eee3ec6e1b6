import { ApartmentOutlined, BankOutlined, UserOutlined } from '@ant-design/icons';
import { Tag, Tooltip } from 'antd';
import type { CSSProperties } from 'react';
import { useTranslation } from 'react-i18next';
import type { Coverage, CoverageLevel, Goal, GoalStatus, OwnerKind, SmartMessage } from './goals-api.ts';
import { brand, fontSize, goalStatus, missedTag, smartLetterColors, space } from '../../theme.ts';

/** The status colours the product uses everywhere a goal's status is shown. */
const STATUS_STYLE: Record<GoalStatus, { color?: string; style?: CSSProperties }> = {
  not_started: { color: 'default' },
  on_track: { color: 'green' },
  at_risk: { color: 'orange' },
  off_track: { color: 'red' },
  achieved: { color: 'blue' },
  // missed: over, so muted — a grey-red rather than the alarm red of off_track
  missed: { style: { ...missedTag } },
};
/** The same colours for charts (hex). */
export const STATUS_HEX: Record<GoalStatus, string> = goalStatus;

export function StatusTag({ status }: { status: GoalStatus }) {
  const { t } = useTranslation();
  const s = STATUS_STYLE[status];
  return (
    <Tag color={s.color} style={{ marginInlineEnd: 0, ...s.style }} data-testid="goal-status" data-status={status}>
      {t(`goals.status.${status}`)}
    </Tag>
  );
}

const COVERAGE_COLORS: Record<CoverageLevel, string> = { full: 'green', partial: 'orange', low: 'red', over: 'blue', none: 'default' };

/** Decomposition coverage of an additive parent: the children's targets summed against its own. */
export function CoverageTag({ coverage, unit }: { coverage: Coverage; unit: string }) {
  const { t, i18n } = useTranslation();
  const pct = fmtPercent(coverage.coverage, i18n.language);
  const gap = unit === '%' ? fmtValue(Math.abs(coverage.gap), unit, i18n.language) : fmtNumber(Math.abs(coverage.gap), i18n.language);
  const text =
    coverage.level === 'none'
      ? t('goals.coverage.none')
      : coverage.gap > 0
        ? t('goals.coverage.withGap', { pct, gap })
        : coverage.gap < 0
          ? t('goals.coverage.withOver', { pct, gap })
          : t('goals.coverage.exact', { pct });
  const hint = [t(`goals.coverage.levels.${coverage.level}`), t('goals.coverage.hint', { sum: fmtValue(coverage.sum, unit, i18n.language) })];
  if (coverage.otherIndicatorCount > 0) hint.push(t('goals.coverage.otherIndicators', { count: coverage.otherIndicatorCount }));
  return (
    <Tooltip title={hint.join(' ')}>
      <Tag color={COVERAGE_COLORS[coverage.level]} style={{ marginInlineEnd: 0 }} tabIndex={0} data-testid="coverage-tag" data-level={coverage.level}>
        {text}
      </Tag>
    </Tooltip>
  );
}

const OWNER_ICONS: Record<OwnerKind, typeof BankOutlined> = { company: BankOutlined, unit: ApartmentOutlined, person: UserOutlined };

export function OwnerLabel({ owner }: { owner: Goal['owner'] }) {
  const { t } = useTranslation();
  const Icon = OWNER_ICONS[owner.kind];
  return (
    <span style={{ whiteSpace: 'nowrap' }} data-testid="goal-owner" data-kind={owner.kind}>
      <Icon aria-label={t(`goals.ownerKinds.${owner.kind}`)} style={{ marginInlineEnd: space.xs, color: brand.primary }} />
      {owner.kind === 'company' && !owner.name ? t('goals.ownerKinds.company') : owner.name}
    </span>
  );
}

const LETTER_COLORS = smartLetterColors;

/** A SMART letter as a small badge, its meaning in a tooltip. */
export function LetterBadge({ letter }: { letter: SmartMessage['letter'] }) {
  const { t } = useTranslation();
  return (
    <Tooltip title={t(`goals.smart.letters.${letter}`)}>
      <span
        role="img"
        aria-label={t(`goals.smart.letters.${letter}`)}
        style={{ display: 'inline-flex', alignItems: 'center', justifyContent: 'center', width: 20, height: 20, borderRadius: 4, background: LETTER_COLORS[letter], color: brand.onPrimary, fontSize: fontSize.caption, fontWeight: 600, flex: 'none' }}
      >
        {letter}
      </span>
    </Tooltip>
  );
}

/** A number in the UI's locale, at most two decimals; '—' when missing. */
export function fmtNumber(value: number | null | undefined, lang: string): string {
  if (value === null || value === undefined || !Number.isFinite(value)) return '—';
  return value.toLocaleString(lang, { maximumFractionDigits: 2 });
}

/**
 * A value in its indicator's unit. A `%` indicator's values are ratios (0.87), shown as 87%, as
 * everywhere else in the app; other units follow the number (1,200 元).
 */
export function fmtValue(value: number | null | undefined, unit: string, lang: string): string {
  if (value === null || value === undefined || !Number.isFinite(value)) return '—';
  if (unit === '%') return `${(value * 100).toLocaleString(lang, { maximumFractionDigits: 2 })}%`;
  return `${fmtNumber(value, lang)}${unit ? ` ${unit}` : ''}`;
}

/** "current / target unit" (a `%` indicator: "87% / 90%"). */
export function fmtPair(current: number | null, target: number, unit: string, lang: string): string {
  if (unit === '%') return `${fmtValue(current, unit, lang)} / ${fmtValue(target, unit, lang)}`;
  return `${fmtNumber(current, lang)} / ${fmtNumber(target, lang)}${unit ? ` ${unit}` : ''}`;
}

/** The number alone, in the unit's scale (a `%` indicator's ratio as a percentage), for chart axes. */
export function fmtAxis(value: number, unit: string, lang: string): string {
  return unit === '%' ? fmtValue(value, unit, lang) : fmtNumber(value, lang);
}

/** A fraction as a whole percentage in the UI's locale (0.953 → 95%). */
export function fmtPercent(fraction: number, lang: string): string {
  return `${(fraction * 100).toLocaleString(lang, { maximumFractionDigits: 0 })}%`;
}

/** The indicator's name in the UI's language (the English name when there is one). */
export function indicatorName(indicator: { name: string; nameEn: string | null }, lang: string): string {
  return lang === 'en' && indicator.nameEn ? indicator.nameEn : indicator.name;
}

/** A localized message of the server in the UI's language. */
export function localized(message: { 'zh-CN': string; en: string }, lang: string): string {
  return lang === 'en' ? message.en : message['zh-CN'];
}
