/**
 * The one place ECharts is imported: only the parts the app draws are registered, from
 * `echarts/core` (the full `echarts` bundle costs ~200 kB gzip more). Importing this module
 * pulls ECharts into the chunk of whichever route renders a chart, never the first load.
 */
import { BarChart, type BarSeriesOption, LineChart, type LineSeriesOption, PieChart, type PieSeriesOption, RadarChart, type RadarSeriesOption } from 'echarts/charts';
import {
  DatasetComponent,
  type DatasetComponentOption,
  GridComponent,
  type GridComponentOption,
  LegendComponent,
  type LegendComponentOption,
  MarkLineComponent,
  type MarkLineComponentOption,
  RadarComponent,
  type RadarComponentOption,
  TitleComponent,
  type TitleComponentOption,
  TooltipComponent,
  type TooltipComponentOption,
} from 'echarts/components';
import * as echarts from 'echarts/core';
import { CanvasRenderer } from 'echarts/renderers';

// RadarChart draws on the radar coordinate system, which is its own component
echarts.use([LineChart, BarChart, PieChart, RadarChart, GridComponent, TooltipComponent, LegendComponent, MarkLineComponent, DatasetComponent, TitleComponent, RadarComponent, CanvasRenderer]);

/** The option type of the registered parts only: a series or component not registered does not type-check. */
export type ChartOption = echarts.ComposeOption<
  | LineSeriesOption
  | BarSeriesOption
  | PieSeriesOption
  | RadarSeriesOption
  | GridComponentOption
  | TooltipComponentOption
  | LegendComponentOption
  | MarkLineComponentOption
  | DatasetComponentOption
  | TitleComponentOption
  | RadarComponentOption
>;

export type ChartInstance = echarts.ECharts;
export { echarts };
