import type { ThemeConfig } from 'antd';

/**
 * The web app's colours, in one place and named for what they mean. Every other file in src/web
 * takes its colours from here (src/web/theme.test.ts fails on a hex literal anywhere else).
 *
 * antd 6 emits its design tokens as CSS variables (`var(--ant-color-primary)` …) and components can
 * read them with `theme.useToken()`; the constants below are the seeds of that theme (`themeConfig`)
 * plus the colours antd has no token for. They are plain strings so that they also work where a CSS
 * variable does not: SVG presentation attributes, ECharts options and canvas exports.
 */

/** The product's brand colour (antd `colorPrimary`) and what is drawn on it. */
export const brand = {
  primary: '#1d5fd1',
  onPrimary: '#ffffff',
} as const;

/** Feedback colours: success / warning / error, with their tinted backgrounds and borders. */
export const feedback = {
  /** antd `colorSuccess` */
  success: '#52c41a',
  successBg: '#f6ffed',
  /** a problem the user may ignore (a warning diagnostic, a failed SMART hint) */
  warning: '#fa8c16',
  warningBg: '#fff7e6',
  /** antd `colorError` */
  error: '#ff4d4f',
  errorBg: '#fff1f0',
  errorBorder: '#ffa39e',
  /** a count or value that needs attention (e.g. goals at risk) */
  attention: '#d4380d',
  /** partial data (e.g. rows skipped in a preview) */
  caution: '#d48806',
} as const;

/** Surfaces (backgrounds) and borders. */
export const surface = {
  /** antd `colorBgContainer` */
  base: '#ffffff',
  /** a header row, a quoted block, a neutral panel (antd `colorFillAlter` on white) */
  subtle: '#fafafa',
  /** the empty track behind a bar */
  track: '#f5f5f5',
  /** a cell edited but not yet saved */
  dirty: '#fffbe6',
  /** the landing page's background gradient, top to bottom */
  landingFrom: '#eef3fb',
  landingTo: '#f7f9fc',
} as const;

export const border = {
  /** the light divider inside cards and tables (antd `colorBorderSecondary`) */
  divider: '#f0f0f0',
  /** the app shell's header and side bar edges */
  shell: '#eef0f3',
  /** a regular control border (antd `colorBorder`) */
  control: '#d9d9d9',
} as const;

/** Text and icon colours besides antd's own text tokens. */
export const text = {
  /** secondary text: captions, keys, hints, neutral chart lines */
  secondary: '#8c8c8c',
  /** a quiet icon (info marks, an empty state's picture) */
  icon: '#bfbfbf',
  /** a chart's axis names */
  chartAxis: '#434343',
  /** a strong neutral marker (the upper limit of a distribution) */
  marker: '#595959',
} as const;

/** A goal's status, wherever it is drawn (tags use antd's preset of the same hue). */
export const goalStatus = {
  not_started: text.secondary,
  on_track: feedback.success,
  at_risk: feedback.warning,
  off_track: '#f5222d',
  achieved: '#1677ff',
  /** over, so muted: a grey-red rather than the alarm red of off_track */
  missed: '#8c4a4a',
} as const;

/** The tag of a missed goal (no antd preset fits). */
export const missedTag = { color: goalStatus.missed, background: '#f5eeee', borderColor: '#dcc4c4' } as const;

/** Grade colours (the hex of the antd preset each grade's tag uses, see gradeColor). */
export const gradeColors: Readonly<Record<string, string>> = {
  S: '#eb2f96',
  A: feedback.success,
  B: goalStatus.achieved,
  C: feedback.warning,
  D: goalStatus.off_track,
};
/** A grade without a colour of its own. */
export const gradeNeutral = text.secondary;

/** The letters of SMART, each with its own colour. */
export const smartLetterColors = { S: '#d4380d', M: '#d46b08', A: '#7cb305', R: '#08979c', T: '#531dab' } as const;

/** The phases of a plan on its timeline (pastels, cycled). */
export const phaseColors = ['#e6f0ff', '#d6f5e3', '#fff1d6', '#f3e8ff', '#ffe8e8', '#e8fbff'] as const;

type ChartColors = { readonly series: readonly string[] } & { readonly [role in ChartRole]: string };
type ChartRole = 'actual' | 'secondary' | 'target' | 'reference' | 'ideal' | 'forecast' | 'forecastArea' | 'forecastBorder' | 'remainder' | 'exportBackground';

/** Charts (ECharts option builders and small SVG charts). */
export const chart: ChartColors = {
  /** the series palette, in order */
  series: [brand.primary, '#13a8a8', feedback.warning, '#722ed1', '#eb2f96', feedback.success],
  /** the main measured series (actuals, totals, a count) */
  actual: brand.primary,
  /** a second measured series (e.g. the grade distribution) */
  secondary: '#13a8a8',
  /** the target line */
  target: feedback.warning,
  /** the baseline / a reference line */
  reference: text.secondary,
  /** the ideal path to the target */
  ideal: feedback.success,
  /** forecast bars and the forecast area */
  forecast: '#69b1ff',
  forecastArea: 'rgba(105, 177, 255, 0.12)',
  forecastBorder: '#4096ff',
  /** the rest of a stacked bar (e.g. goals not on track) */
  remainder: border.control,
  /** the background of an exported picture */
  exportBackground: surface.base,
};

/**
 * Spacing (margins, paddings, gaps, antd `Space` sizes), in px, on antd's 4-px grid: every inline
 * style and `size` in src/web takes its spacing from here (tests/architecture/web-style.test.ts).
 */
export const space = {
  none: 0,
  xxs: 2,
  xs: 4,
  sm: 8,
  md: 12,
  lg: 16,
  xl: 24,
  xxl: 32,
} as const;

/** Font sizes, in px, by role. */
export const fontSize = {
  /** a tiny mark inside a chart or a dense cell */
  tiny: 11,
  /** captions, hints, secondary lines, table notes */
  caption: 12,
  /** dense body text (a compact list) */
  small: 13,
  /** regular body text (antd's own default) */
  body: 14,
  /** a card's or a section's title */
  title: 16,
  /** a small figure (a count in a tile) */
  figure: 22,
  /** a big figure (a score, a headline number) */
  headline: 28,
  /** an empty state's or a result page's picture */
  icon: 48,
} as const;

/** Numbers that line up in columns. */
export const tabularNums = { fontVariantNumeric: 'tabular-nums' } as const;

/** The antd theme: seeds and component tokens. */
export const themeConfig: ThemeConfig = {
  token: {
    colorPrimary: brand.primary,
    colorSuccess: feedback.success,
    colorError: feedback.error,
    colorBorderSecondary: border.divider,
    borderRadius: 6,
  },
  components: { Layout: { headerBg: surface.base, siderBg: surface.base, headerPadding: '0 16px' } },
};
