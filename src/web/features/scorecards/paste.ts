/**
 * Pasting a block of cells from Excel (or any spreadsheet: tab-separated lines) into the
 * target grid. Pure: parsing the text, reading the numbers people write (1,234,567 · 85% ·
 * ¥500,000 · 5万), and placing the block from the cell it was pasted into, in either
 * orientation. The grid is rows = indicators, columns = periods.
 */

/** Splits clipboard text into rows of cells (tabs; a single column may also be comma-free lines). */
export function parseTsv(text: string): string[][] {
  const lines = text.replace(/\r\n?/g, '\n').split('\n');
  // a copied range ends with a newline: drop the trailing empty line(s)
  while (lines.length > 0 && lines[lines.length - 1].trim() === '') lines.pop();
  return lines.map((line) => line.split('\t').map((cell) => cell.trim()));
}

export type ParsedNumber = { ok: true; value: number | null } | { ok: false };

/**
 * A number as typed or copied: thousands separators, currency signs, a trailing % (÷ 100),
 * 万 / 亿, full-width digits; empty means "no value" (null).
 * @example parseNumber('1,234,567') // { ok: true, value: 1234567 }
 * @example parseNumber('85%') // { ok: true, value: 0.85 }
 */
export function parseNumber(raw: string): ParsedNumber {
  let s = raw
    .replace(/[\uFF10-\uFF19]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0))
    .replace(/[．]/g, '.')
    .replace(/[％]/g, '%')
    .replace(/[，]/g, ',')
    .trim();
  if (s === '' || s === '-' || s === '—') return { ok: true, value: null };
  s = s.replace(/^[¥￥$€£]\s*/, '').replace(/\s*(元|RMB|CNY)$/i, '');
  let scale = 1;
  if (s.endsWith('%')) {
    scale = 0.01;
    s = s.slice(0, -1).trim();
  } else if (s.endsWith('万')) {
    scale = 10_000;
    s = s.slice(0, -1).trim();
  } else if (s.endsWith('亿')) {
    scale = 100_000_000;
    s = s.slice(0, -1).trim();
  }
  // 1,234,567.89 or 1 234 567 (thousands groups only, so "1,5" is not read as 15)
  if (/^[+-]?\d{1,3}([, \u00a0\u202f]\d{3})+(\.\d+)?$/.test(s)) s = s.replace(/[, \u00a0\u202f]/g, '');
  if (!/^[+-]?(\d+\.?\d*|\.\d+)(e[+-]?\d+)?$/i.test(s)) return { ok: false };
  const value = Number(s);
  if (!Number.isFinite(value)) return { ok: false };
  return { ok: true, value: scale === 1 ? value : Number((value * scale).toPrecision(12)) };
}

export type Placement =
  | { ok: true; transposed: boolean; cells: { row: number; col: number; value: number | null }[] }
  | { ok: false; reason: 'not_numbers'; bad: { row: number; col: number; text: string } }
  | { ok: false; reason: 'too_big'; rows: number; cols: number };

/**
 * Places a pasted block into a grid of `rows` × `cols` from the cell (row, col). As copied when
 * it fits; else transposed when that fits (a column of 12 months pasted into an indicator's
 * row, or a month-by-indicator table). All cells must be numbers or empty, or nothing is placed.
 */
export function placeBlock(block: string[][], at: { row: number; col: number }, size: { rows: number; cols: number }): Placement {
  const height = block.length;
  const width = Math.max(0, ...block.map((r) => r.length));
  const fits = (h: number, w: number) => at.row + h <= size.rows && at.col + w <= size.cols;
  let transposed = false;
  if (!fits(height, width)) {
    if (fits(width, height)) transposed = true;
    else return { ok: false, reason: 'too_big', rows: height, cols: width };
  }
  const cells: { row: number; col: number; value: number | null }[] = [];
  for (let i = 0; i < height; i++) {
    for (let j = 0; j < width; j++) {
      const text = block[i][j] ?? '';
      const parsed = parseNumber(text);
      if (!parsed.ok) return { ok: false, reason: 'not_numbers', bad: { row: i, col: j, text } };
      cells.push(transposed ? { row: at.row + j, col: at.col + i, value: parsed.value } : { row: at.row + i, col: at.col + j, value: parsed.value });
    }
  }
  return { ok: true, transposed, cells };
}
