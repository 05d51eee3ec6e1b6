import { type Ref, useEffect, useImperativeHandle, useRef } from 'react';
import { type ChartInstance, type ChartOption, echarts } from './echarts-setup.ts';
import { chart as chartColors } from '../../theme.ts';

export type EChartHandle = {
  /** The chart as a PNG data URL (white background, double resolution), null before it is drawn. */
  toPng: () => string | null;
};

type Props = {
  option: ChartOption;
  /** What the chart shows, read by screen readers (the canvas itself says nothing). */
  ariaLabel: string;
  height?: number;
  testId?: string;
  ref?: Ref<EChartHandle>;
};

/**
 * A thin ECharts wrapper: one instance per element, the option replaced (not merged) when it
 * changes, resized with its container (a drawer opening, the sider folding), disposed on unmount.
 */
export default function EChart({ option, ariaLabel, height = 280, testId, ref }: Props) {
  const element = useRef<HTMLDivElement>(null);
  const chart = useRef<ChartInstance | null>(null);

  useEffect(() => {
    const el = element.current;
    if (!el) return;
    const instance = echarts.init(el, undefined, { renderer: 'canvas' });
    chart.current = instance;
    // a container's size changes without a window resize (drawers, tabs, the sider)
    const observer = new ResizeObserver(() => instance.resize());
    observer.observe(el);
    return () => {
      observer.disconnect();
      instance.dispose();
      chart.current = null;
    };
  }, []);

  useEffect(() => {
    chart.current?.setOption(option, { notMerge: true });
  }, [option]);

  useImperativeHandle(ref, () => ({
    toPng: () => chart.current?.getDataURL({ type: 'png', pixelRatio: 2, backgroundColor: chartColors.exportBackground }) ?? null,
  }));

  return <div ref={element} role="img" aria-label={ariaLabel} data-testid={testId} style={{ width: '100%', height }} />;
}
