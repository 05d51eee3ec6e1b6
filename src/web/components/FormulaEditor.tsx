/**
 * The formula input of the indicator editor. As one types (debounced), the formula is
 * checked by the server (POST …/indicators/check-formula) against the current term names:
 * the ranges of errors and warnings are underlined in a preview line under the input,
 * the messages are listed with their position, a "did you mean" suggestion is a quick fix,
 * the ambiguous-division warning offers its two explicit readings, and names without a
 * term can be added in one click. Autocompletes the term names on the current word.
 */
import { CheckCircleOutlined, LoadingOutlined, PlusOutlined } from '@ant-design/icons';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { AutoComplete, Button, Input, Space, Typography } from 'antd';
import { type ReactNode, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api, type FormulaCheck, type FormulaDiagnostic } from '../api.ts';
import { useDebounced } from './use-debounced.ts';
import { feedback } from '../theme.ts';

export const MONO = "ui-monospace, SFMono-Regular, Menlo, Consolas, 'Liberation Mono', monospace";

/** A range of the formula to underline (a diagnostic, or a problem the server reported on save). */
export type FormulaRange = { start: number; end: number; severity: 'error' | 'warning'; message?: string };

type Props = {
  ws: string;
  value?: string;
  onChange?: (value: string) => void;
  /** The names of the terms defined so far (the formula may use these). */
  termNames: string[];
  /** Adds a term (with an empty definition) for a name the formula uses. */
  onAddTerm?: (name: string) => void;
  /** Problems located by the server on save; shown until the formula changes. */
  extraRanges?: FormulaRange[];
  status?: 'error' | 'warning';
  id?: string;
  /** Leaves out "these terms are not used" (when the names are a menu, e.g. a dataset's columns). */
  hideUnused?: boolean;
};

// a letter (Chinese included), digit or underscore: the characters of a plain name
const WORD_CHAR = /[\p{L}\p{N}_]/u;
const PLAIN_NAME = /^[\p{L}_][\p{L}\p{N}_]*$/u;

/** The word ending at the caret: [start, caret). */
function wordAt(text: string, caret: number): { start: number; word: string } {
  let start = caret;
  while (start > 0 && WORD_CHAR.test(text[start - 1])) start--;
  return { start, word: text.slice(start, caret) };
}

const nameToken = (name: string) => (PLAIN_NAME.test(name) ? name : `[${name.replaceAll(']', ']]')}]`);

export default function FormulaEditor({ ws, value = '', onChange, termNames, onAddTerm, extraRanges = [], status, id, hideUnused = false }: Props) {
  const { t } = useTranslation();
  const inputRef = useRef<{ input: HTMLInputElement | null } | null>(null);
  const [caret, setCaret] = useState<number | null>(null);
  const [open, setOpen] = useState(false);

  const formula = useDebounced(value, 250);
  const names = useDebounced(termNames, 250);
  const namesKey = names.join('\u0000');
  const check = useQuery({
    queryKey: ['ws', ws, 'check-formula', formula, namesKey],
    queryFn: async ({ signal }): Promise<{ formula: string; result: FormulaCheck }> => ({
      formula,
      result: await api.indicators.checkFormula(ws, { formula, terms: names.filter((n) => n.trim() !== '') }, signal),
    }),
    enabled: formula.trim() !== '',
    placeholderData: keepPreviousData,
    staleTime: 60_000,
  });
  // the diagnostics belong to the text they were computed for; only that text can be fixed in place
  const checked = value.trim() !== '' && check.data ? check.data : null;
  const current = checked !== null && checked.formula === value;
  const diagnostics: FormulaDiagnostic[] = checked?.result.diagnostics ?? [];
  // a check that failed is not still coming: its error shows instead of "checking…"
  const settling = value.trim() !== '' && !check.isError && (!current || check.isFetching);

  const replaceRange = (start: number, end: number, text: string) => {
    if (!checked) return;
    onChange?.(checked.formula.slice(0, start) + text + checked.formula.slice(end));
    inputRef.current?.input?.focus();
  };

  // autocomplete: the term names starting with (or containing) the word at the caret
  const at = caret ?? value.length;
  const { start: wordStart, word } = wordAt(value, at);
  const options = useMemo(() => {
    if (word === '') return [];
    const matches = termNames.filter((n) => n !== word && n.includes(word));
    return matches.map((name) => ({
      value: value.slice(0, wordStart) + nameToken(name) + value.slice(at),
      label: (
        <span data-testid="formula-option" data-name={name} style={{ fontFamily: MONO }}>
          {name}
        </span>
      ),
    }));
  }, [word, wordStart, at, termNames, value]);

  // the preview shows the text the diagnostics belong to (it catches up once the check answers)
  const previewText = checked ? checked.formula : value;
  const ranges: FormulaRange[] = [
    ...diagnostics.map((d) => ({ start: d.start, end: d.end, severity: d.severity, message: d.message })),
    ...(previewText === value ? extraRanges : []),
  ];
  const missing = current ? checked.result.variables.filter((v) => !termNames.includes(v)) : [];
  const unused = current && !hideUnused ? checked.result.unusedTerms : [];

  return (
    <div data-testid="formula-editor">
      <AutoComplete
        value={value}
        options={options}
        open={open && options.length > 0}
        onOpenChange={setOpen}
        onChange={(v: string) => {
          onChange?.(v);
          const pos = inputRef.current?.input?.selectionStart;
          setCaret(typeof pos === 'number' ? pos : null);
          setOpen(true);
        }}
        onSelect={(v: string) => {
          onChange?.(v);
          setCaret(null);
          setOpen(false);
        }}
        style={{ width: '100%' }}
      >
        <Input
          id={id}
          ref={inputRef as never}
          status={status}
          placeholder={t('indicators.formulaPlaceholder')}
          autoComplete="off"
          spellCheck={false}
          style={{ fontFamily: MONO }}
          data-testid="formula-input"
          onKeyDown={(e) => {
            // Enter picks a suggestion or does nothing; it never submits the form
            if (e.key === 'Enter' && !(open && options.length > 0)) e.preventDefault();
            // Escape closes the suggestions first; only a second one reaches the drawer or dialog
            if (e.key === 'Escape' && open && options.length > 0) {
              e.stopPropagation();
              e.nativeEvent.stopImmediatePropagation();
              setOpen(false);
            }
          }}
          onKeyUp={(e) => setCaret((e.target as HTMLInputElement).selectionStart)}
          onClick={(e) => setCaret((e.target as HTMLInputElement).selectionStart)}
        />
      </AutoComplete>

      {value.trim() !== '' && (
        <div
          data-testid="formula-preview"
          aria-hidden
          style={{ fontFamily: MONO, padding: '6px 11px 2px', whiteSpace: 'pre-wrap', wordBreak: 'break-all', lineHeight: 1.9, opacity: current ? 1 : 0.6 }}
        >
          {renderUnderlined(previewText, ranges)}
        </div>
      )}

      <div data-testid="formula-status" data-state={settling ? 'checking' : current && diagnostics.length === 0 ? 'ok' : 'problems'} style={{ minHeight: 22, marginTop: 2 }}>
        {value.trim() === '' ? null : settling && diagnostics.length === 0 ? (
          <Typography.Text type="secondary">
            <LoadingOutlined /> {t('indicators.checking')}
          </Typography.Text>
        ) : check.isError ? (
          <Typography.Text type="danger">{check.error.message}</Typography.Text>
        ) : current && diagnostics.length === 0 && checked.result.ok ? (
          <Typography.Text type="success" data-testid="formula-ok">
            <CheckCircleOutlined /> {t('indicators.formulaOk')}
          </Typography.Text>
        ) : null}
      </div>

      {diagnostics.length > 0 && (
        <ul style={{ listStyle: 'none', padding: 0, margin: '4px 0 0' }}>
          {diagnostics.map((d, i) => (
            <li
              key={`${d.code}-${d.start}-${i}`}
              data-testid="formula-diagnostic"
              data-severity={d.severity}
              data-code={d.code}
              style={{
                padding: '6px 10px',
                marginBottom: 6,
                borderInlineStart: `3px solid ${d.severity === 'error' ? feedback.error : feedback.warning}`,
                background: d.severity === 'error' ? feedback.errorBg : feedback.warningBg,
                borderRadius: 4,
              }}
            >
              <Typography.Text type={d.severity === 'error' ? 'danger' : 'warning'} strong>
                {d.severity === 'error' ? t('indicators.error') : t('indicators.warning')}
              </Typography.Text>{' '}
              <Typography.Text type="secondary">({t('indicators.position', { start: d.start + 1, end: Math.max(d.end, d.start + 1) })})</Typography.Text>{' '}
              <span data-testid="formula-message">{d.message}</span>
              {d.suggestion !== undefined && (
                <div style={{ marginTop: 4 }}>
                  <Button
                    size="small"
                    disabled={!current}
                    onClick={() => replaceRange(d.start, d.end, nameToken(d.suggestion ?? ''))}
                    data-testid="formula-suggestion"
                    data-suggestion={d.suggestion}
                  >
                    {t('indicators.didYouMean', { name: d.suggestion })}
                  </Button>
                </div>
              )}
              {d.readings && d.readings.length > 0 && (
                <div style={{ marginTop: 4 }}>
                  <Typography.Text type="secondary">{t('indicators.chooseReading')}</Typography.Text>
                  <Space direction="vertical" size={4} style={{ display: 'flex', marginTop: 4 }}>
                    {d.readings.map((reading, j) => (
                      <Button
                        key={reading}
                        size="small"
                        disabled={!current}
                        onClick={() => replaceRange(d.start, d.end, reading)}
                        data-testid="formula-reading"
                        data-reading-index={j}
                        style={{ fontFamily: MONO, height: 'auto', whiteSpace: 'normal', textAlign: 'start' }}
                      >
                        {reading}
                      </Button>
                    ))}
                  </Space>
                </div>
              )}
            </li>
          ))}
        </ul>
      )}

      {missing.length > 0 && onAddTerm && (
        <div data-testid="formula-missing-terms" style={{ marginTop: 4 }}>
          <Typography.Text type="secondary">{t('indicators.missingTerms')}</Typography.Text>{' '}
          {missing.map((name) => (
            <Button
              key={name}
              size="small"
              type="dashed"
              icon={<PlusOutlined />}
              onClick={() => onAddTerm(name)}
              data-testid="formula-add-term"
              data-name={name}
              style={{ marginInlineEnd: 6, marginTop: 4 }}
            >
              {t('indicators.addTermFor', { name })}
            </Button>
          ))}
        </div>
      )}
      {unused.length > 0 && (
        <Typography.Text type="secondary" data-testid="formula-unused-terms" style={{ display: 'block', marginTop: 4 }}>
          {t('indicators.unusedTerms', { names: unused.join(t('common.enumSeparator')) })}
        </Typography.Text>
      )}
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
