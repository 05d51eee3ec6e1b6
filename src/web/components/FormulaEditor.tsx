/**
 * The formula input of the indicator editor. As one types (debounced), the formula is
 * checked by the server (POST …/indicators/check-formula) against the current term names:
 * the ranges of errors and warnings are underlined in a preview line under the input,
 * the messages are listed with their position, a "did you mean" suggestion is a quick fix,
 * the ambiguous-division warning offers its two explicit readings, and names without a
 * term can be added in one click. Autocompletes the term names on the current word.
 */
import { AutoComplete, Input } from 'antd';
import { useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import FormulaDiagnostics from './FormulaDiagnostics.tsx';
import FormulaPreview from './FormulaPreview.tsx';
import FormulaStatus from './FormulaStatus.tsx';
import FormulaTermHints from './FormulaTermHints.tsx';
import { type FormulaRange, nameToken, wordAt } from './formula-text.ts';
import { MONO } from './mono.ts';
import { useCheckedFormula } from './use-checked-formula.ts';

// others import these from here
export type { FormulaRange } from './formula-text.ts';
export { MONO } from './mono.ts';

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

export default function FormulaEditor({ ws, value = '', onChange, termNames, onAddTerm, extraRanges = [], status, id, hideUnused = false }: Props) {
  const { t } = useTranslation();
  const inputRef = useRef<{ input: HTMLInputElement | null } | null>(null);
  const [caret, setCaret] = useState<number | null>(null);
  const [open, setOpen] = useState(false);
  const check = useCheckedFormula(ws, value, termNames, hideUnused);
  const { checked, diagnostics } = check;

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
  const offering = open && options.length > 0;

  // the preview shows the text the diagnostics belong to (it catches up once the check answers)
  const previewText = checked ? checked.formula : value;
  const ranges: FormulaRange[] = [
    ...diagnostics.map((d) => ({ start: d.start, end: d.end, severity: d.severity, message: d.message })),
    ...(previewText === value ? extraRanges : []),
  ];

  return (
    <div data-testid="formula-editor">
      <AutoComplete
        value={value}
        options={options}
        open={offering}
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
            if (e.key === 'Enter' && !offering) e.preventDefault();
            // Escape closes the suggestions first; only a second one reaches the drawer or dialog
            if (e.key === 'Escape' && offering) {
              e.stopPropagation();
              e.nativeEvent.stopImmediatePropagation();
              setOpen(false);
            }
          }}
          onKeyUp={(e) => setCaret((e.target as HTMLInputElement).selectionStart)}
          onClick={(e) => setCaret((e.target as HTMLInputElement).selectionStart)}
        />
      </AutoComplete>
      {value.trim() !== '' && <FormulaPreview text={previewText} ranges={ranges} current={check.current} />}
      <FormulaStatus empty={value.trim() === ''} check={check} />
      {diagnostics.length > 0 && <FormulaDiagnostics diagnostics={diagnostics} current={check.current} onReplace={replaceRange} />}
      <FormulaTermHints missing={check.missing} unused={check.unused} onAddTerm={onAddTerm} />
    </div>
  );
}
