import { useTranslation } from 'react-i18next';
import { fmtAxis } from './labels.tsx';
import { chart } from '../../theme.ts';

type Props = { points: { period: string; value: number }[]; unit: string; width?: number; height?: number; target?: number | null };

/**
 * A tiny SVG line of past values (and the target as a dashed line), for the goal form: ECharts
 * would be ~150 kB for a 200-pixel line, so it stays out of the plan page's chunk.
 */
export default function Sparkline({ points, unit, width = 220, height = 48, target }: Props) {
  const { t, i18n } = useTranslation();
  if (points.length < 2) return null;
  const values = points.map((p) => p.value).concat(target ?? []);
  const min = Math.min(...values);
  const max = Math.max(...values);
  const span = max - min || 1;
  const x = (i: number) => 4 + (i / (points.length - 1)) * (width - 8);
  const y = (v: number) => height - 4 - ((v - min) / span) * (height - 8);
  const line = points.map((p, i) => `${i === 0 ? 'M' : 'L'}${x(i).toFixed(1)},${y(p.value).toFixed(1)}`).join(' ');
  const first = points[0];
  const last = points[points.length - 1];
  const label = t('goals.suggestion.sparkline', { from: first.period, to: last.period, first: fmtAxis(first.value, unit, i18n.language), last: fmtAxis(last.value, unit, i18n.language) });
  return (
    <svg width={width} height={height} role="img" aria-label={label} data-testid="history-sparkline">
      <title>{label}</title>
      {target !== null && target !== undefined && <line x1={0} x2={width} y1={y(target)} y2={y(target)} stroke={chart.target} strokeDasharray="4 3" />}
      <path d={line} fill="none" stroke={chart.actual} strokeWidth={2} />
      {points.map((p, i) => (
        <circle key={p.period} cx={x(i)} cy={y(p.value)} r={2.5} fill={chart.actual} />
      ))}
    </svg>
  );
}
