/** Durations as exports write them (`1分30秒`, `01:02:03`, `90`), in seconds. Pure. */

const DURATION_UNITS: [RegExp, number][] = [
  [/^(?:天|日|d)/i, 86_400],
  [/^(?:小时|小時|时|時|hours?|hrs|hr|h)/i, 3600],
  [/^(?:分钟|分鐘|分|minutes?|mins|min|m)/i, 60],
  [/^(?:秒钟|秒鐘|秒|seconds?|secs|sec|s)/i, 1],
];

/**
 * Seconds of a trimmed duration: `10秒`, `1分30秒`, `1小时2分`, `01:02:03`, `02:03`
 * (minutes:seconds), `90`; units in decreasing order, each at most once; rounded to
 * milliseconds; undefined when it is not a duration.
 * @example parseDuration('1分30秒') // 90
 * @example parseDuration('01:02:03') // 3723
 * @example parseDuration('30秒1分') // undefined
 */
export function parseDuration(v: string): number | undefined {
  if (/\d\s+\d/.test(v)) return undefined;
  const s = v.replace(/\s+/g, '');
  let m = /^(\d+):([0-5]?\d)(?::([0-5]?\d(?:\.\d+)?))?$/.exec(s);
  if (m) {
    const seconds = m[3] === undefined ? Number(m[1]) * 60 + Number(m[2]) : Number(m[1]) * 3600 + Number(m[2]) * 60 + Number(m[3]);
    return roundMs(seconds);
  }
  if (/^\d+(?:\.\d+)?$/.test(s)) return roundMs(Number(s));
  // units in decreasing order, each at most once
  let rest = s;
  let total = 0;
  let last = Infinity;
  let parts = 0;
  while (rest) {
    m = /^(\d+(?:\.\d+)?)/.exec(rest);
    if (!m) return undefined;
    rest = rest.slice(m[1]!.length);
    const unit = DURATION_UNITS.find(([re]) => re.test(rest));
    if (!unit) return undefined;
    const [re, size] = unit;
    if (size >= last) return undefined;
    last = size;
    rest = rest.replace(re, '');
    total += Number(m[1]) * size;
    parts++;
  }
  return parts > 0 ? roundMs(total) : undefined;
}

function roundMs(seconds: number): number {
  return Math.round(seconds * 1000) / 1000;
}
