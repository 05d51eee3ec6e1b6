import type { ReactNode } from 'react';
import { feedback } from '../theme.ts';
import type { FormulaRange } from './formula-text.ts';
import { MONO } from './mono.ts';

/** The formula again under the input, its problems underlined; dimmed while its check is not current. */
export default function FormulaPreview({ text, ranges, current }: { text: string; ranges: FormulaRange[]; current: boolean }) {
  return (
    <div
      data-testid="formula-preview"
      aria-hidden
      style={{
        fontFamily: MONO,
        // the text starts where the input's does (antd's 11px), a little below it
        padding: '6px 11px 2px',
        whiteSpace: 'pre-wrap',
        wordBreak: 'break-all',
        lineHeight: 1.9,
        opacity: current ? 1 : 0.6,
      }}
    >
      {renderUnderlined(text, ranges)}
    </div>
  );
}

/** The text with every range underlined: red wavy for errors, orange for warnings. */
function renderUnderlined(text: string, ranges: FormulaRange[]): ReactNode[] {
  if (ranges.length === 0) return [text];
  // per character: the strongest severity covering it (an empty range marks the next character)
  const marks: ('error' | 'warning' | null)[] = Array.from({ length: text.length + 1 }, () => null);
  for (const r of ranges) {
    const start = Math.max(0, Math.min(r.start, text.length));
    const end = Math.max(start + 1, Math.min(r.end, text.length + 1));
    for (let i = start; i < end; i++) if (marks[i] !== 'error') marks[i] = r.severity;
  }
  const out: ReactNode[] = [];
  const chars = `${text} `; // a trailing space carries an "ends too early" mark
  let i = 0;
  while (i < chars.length) {
    const mark = marks[i];
    let j = i + 1;
    while (j < chars.length && marks[j] === mark) j++;
    const piece = chars.slice(i, j);
    out.push(
      mark ? (
        <span
          key={i}
          data-testid="formula-underline"
          data-severity={mark}
          style={{
            textDecorationLine: 'underline',
            textDecorationStyle: 'wavy',
            textDecorationColor: mark === 'error' ? feedback.error : feedback.warning,
            textDecorationSkipInk: 'none',
            textUnderlineOffset: 4,
            whiteSpace: 'pre',
          }}
        >
          {piece}
        </span>
      ) : (
        piece
      ),
    );
    i = j;
  }
  return out;
}
