import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, Empty, Input, Segmented, Select, Skeleton, Space, Tooltip, Typography } from 'antd';
import { type ClipboardEvent, type KeyboardEvent, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { type ErrorDetail, isApiError, type ScorecardTemplate, type TargetGrid } from '../../api.ts';
import FormAlert from '../../components/FormAlert.tsx';
import LoadError from '../../components/LoadError.tsx';
import PersonSelect from '../../components/PersonSelect.tsx';
import { usePositions } from '../org/org-queries.ts';
import { formatNumber, stripPath } from './labels.ts';
import { parseNumber, parseTsv, placeBlock } from './paste.ts';
import { type OwnerKind, scorecardApi, type TargetsQuery } from './scorecard-api.ts';
import { templatesKey, useTargets } from './scorecard-queries.ts';

type Props = { ws: string; template: ScorecardTemplate; readOnly: boolean };

const cellId = (key: string, label: string) => `${key}\u0000${label}`;
/** A stored target as it is edited: plain digits with grouping, readable and parsed back by parseNumber. */
const show = (v: number | null | undefined) => (v === null || v === undefined ? '' : v.toLocaleString('en-US', { maximumFractionDigits: 10 }));

/** The year grid of targets of a position or a person: a row per indicator, a column per period. */
export default function TargetsPanel({ ws, template, readOnly }: Props) {
  const { t } = useTranslation();
  const thisYear = new Date().getFullYear();
  const [year, setYear] = useState(thisYear);
  const [ownerKind, setOwnerKind] = useState<OwnerKind>('position');
  const firstPosition = template.assignments.positions[0]?.id ?? null;
  const [positionId, setPositionId] = useState<string | null>(firstPosition);
  const [personId, setPersonId] = useState<string | null>(null);
  const positions = usePositions(ws);
  const ownerId = ownerKind === 'position' ? positionId : personId;
  const query: TargetsQuery | null = ownerId ? { year, ownerKind, ownerId } : null;
  const grid = useTargets(ws, template.id, query);
  const assigned = new Set(template.assignments.positions.map((p) => p.id));
  const positionOptions = [...(positions.data ?? [])]
    .sort((a, b) => Number(assigned.has(b.id)) - Number(assigned.has(a.id)))
    .map((p) => ({ value: p.id, label: p.name }));

  return (
    <div data-testid="targets">
      <Typography.Paragraph type="secondary">{t('scorecards.targetsIntro')}</Typography.Paragraph>
      <Space wrap style={{ marginBottom: 16 }}>
        <Select<number>
          value={year}
          onChange={setYear}
          options={Array.from({ length: 6 }, (_, i) => thisYear - 2 + i).map((y) => ({ value: y, label: String(y) }))}
          style={{ width: 100 }}
          aria-label={t('scorecards.year')}
          data-testid="targets-year"
        />
        <Segmented<OwnerKind>
          value={ownerKind}
          onChange={setOwnerKind}
          options={(['position', 'person'] as const).map((k) => ({ value: k, label: t(`scorecards.ownerKind.${k}`) }))}
          data-testid="targets-owner-kind"
        />
        {ownerKind === 'position' ? (
          <Select<string>
            value={positionId ?? undefined}
            onChange={setPositionId}
            showSearch={{ optionFilterProp: 'label' }}
            placeholder={t('scorecards.pickPosition')}
            options={positionOptions}
            style={{ width: 220 }}
            aria-label={t('scorecards.pickPosition')}
            data-testid="targets-position"
          />
        ) : (
          <div style={{ width: 220 }}>
            <PersonSelect ws={ws} value={personId} onChange={setPersonId} placeholder={t('scorecards.pickPerson')} testId="targets-person" />
          </div>
        )}
      </Space>
      {!query ? (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('scorecards.chooseOwnerFirst')} />
      ) : grid.isPending ? (
        <Skeleton active paragraph={{ rows: 5 }} />
      ) : grid.isError ? (
        <LoadError error={grid.error} onRetry={() => grid.refetch()} />
      ) : grid.data.indicators.length === 0 ? (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('scorecards.noTargetIndicators')} />
      ) : (
        <TargetsGrid key={JSON.stringify(query)} ws={ws} templateId={template.id} query={query} grid={grid.data} readOnly={readOnly} />
      )}
    </div>
  );
}

type GridProps = { ws: string; templateId: string; query: TargetsQuery; grid: TargetGrid; readOnly: boolean };

function TargetsGrid({ ws, templateId, query, grid, readOnly }: GridProps) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const table = useRef<HTMLTableElement>(null);
  /** Typed text of the cells changed since the grid was loaded. */
  const [edits, setEdits] = useState<Record<string, string>>({});
  const [serverErrors, setServerErrors] = useState<Record<string, string>>({});
  const [otherErrors, setOtherErrors] = useState<ErrorDetail[]>([]);
  const [notice, setNotice] = useState<{ type: 'success' | 'error'; text: string } | null>(null);
  const rows = grid.indicators;
  const cols = grid.periods;

  const stored = (key: string, label: string) => grid.values[key]?.[label] ?? null;
  const textOf = (key: string, label: string) => edits[cellId(key, label)] ?? show(stored(key, label));
  const changed = Object.entries(edits).filter(([id, text]) => {
    const [key, label] = id.split('\u0000');
    const parsed = parseNumber(text);
    return !parsed.ok || parsed.value !== stored(key, label);
  });
  const localError = (key: string, label: string): string | null => {
    const text = edits[cellId(key, label)];
    if (text === undefined) return null;
    const parsed = parseNumber(text);
    if (!parsed.ok) return t('scorecards.notANumber');
    if (parsed.value !== null && parsed.value <= 0) return t('scorecards.mustBePositive');
    return null;
  };

  const setCell = (key: string, label: string, text: string) => {
    setEdits((e) => ({ ...e, [cellId(key, label)]: text }));
    setServerErrors((e) => {
      const { [cellId(key, label)]: _, ...rest } = e;
      return rest;
    });
  };

  const focusCell = (row: number, col: number) => {
    const r = Math.max(0, Math.min(rows.length - 1, row));
    const c = Math.max(0, Math.min(cols.length - 1, col));
    const input = table.current?.querySelector<HTMLInputElement>(`input[data-row="${r}"][data-col="${c}"]`);
    input?.focus();
    input?.select();
  };

  const onKeyDown = (e: KeyboardEvent<HTMLInputElement>, row: number, col: number) => {
    const input = e.currentTarget;
    const atStart = input.selectionStart === 0 && input.selectionEnd === 0;
    const atEnd = input.selectionStart === input.value.length;
    const whole = input.selectionStart === 0 && input.selectionEnd === input.value.length;
    if (e.key === 'ArrowUp') focusCell(row - 1, col);
    else if (e.key === 'ArrowDown' || e.key === 'Enter') focusCell(row + 1, col);
    else if (e.key === 'ArrowLeft' && (atStart || whole)) focusCell(row, col - 1);
    else if (e.key === 'ArrowRight' && (atEnd || whole)) focusCell(row, col + 1);
    else if (e.key === 'Escape') {
      setEdits(({ [cellId(rows[row].key, cols[col])]: _, ...rest }) => rest);
      return;
    } else return;
    e.preventDefault();
  };

  const onPaste = (e: ClipboardEvent<HTMLInputElement>, row: number, col: number) => {
    const text = e.clipboardData.getData('text/plain');
    if (!/[\t\n]/.test(text.trim())) return; // one value: an ordinary paste
    e.preventDefault();
    const placed = placeBlock(parseTsv(text), { row, col }, { rows: rows.length, cols: cols.length });
    if (!placed.ok) {
      setNotice({
        type: 'error',
        text:
          placed.reason === 'too_big'
            ? t('scorecards.pasteTooBig', { rows: placed.rows, cols: placed.cols })
            : t('scorecards.pasteNotNumber', { row: placed.bad.row + 1, col: placed.bad.col + 1, text: placed.bad.text }),
      });
      return;
    }
    const next: Record<string, string> = {};
    for (const cell of placed.cells) next[cellId(rows[cell.row].key, cols[cell.col])] = show(cell.value);
    setEdits((e0) => ({ ...e0, ...next }));
    setServerErrors({});
    setNotice({ type: 'success', text: t(placed.transposed ? 'scorecards.pastedTransposed' : 'scorecards.pasted', { count: placed.cells.length }) });
  };

  const save = useMutation({
    mutationFn: () => {
      const values: Record<string, Record<string, number | null>> = {};
      for (const [id, text] of changed) {
        const [key, label] = id.split('\u0000');
        const parsed = parseNumber(text);
        if (parsed.ok) (values[key] ??= {})[label] = parsed.value;
      }
      return scorecardApi.setTargets(ws, templateId, { ...query, values });
    },
    onMutate: () => {
      setServerErrors({});
      setOtherErrors([]);
      setNotice(null);
    },
    onSuccess: (fresh) => {
      queryClient.setQueryData([...templatesKey(ws), 'targets', templateId, query], fresh);
      void queryClient.invalidateQueries({ queryKey: [...templatesKey(ws), 'preview'] });
      setEdits({});
      message.success(t('scorecards.targetsSaved'));
    },
    onError: (e) => {
      if (!isApiError(e)) return;
      const cells: Record<string, string> = {};
      const rest: ErrorDetail[] = [];
      for (const d of e.details) {
        const [field, key, label] = stripPath(d.path, 'body');
        if (field === 'values' && typeof key === 'string' && typeof label === 'string') cells[cellId(key, label)] = d.message;
        else rest.push(d);
      }
      setServerErrors(cells);
      setOtherErrors(rest);
    },
  });

  const hasLocalErrors = changed.some(([id]) => {
    const [key, label] = id.split('\u0000');
    return localError(key, label) !== null;
  });
  const serverErrorCount = Object.keys(serverErrors).length + otherErrors.length;
  const nameOf = (key: string) => rows.find((r) => r.key === key)?.name ?? key;

  return (
    <div data-testid="targets-grid-wrap">
      {notice && <Alert type={notice.type} showIcon closable onClose={() => setNotice(null)} title={notice.text} style={{ marginBottom: 12 }} data-testid="paste-notice" />}
      {serverErrorCount > 0 && (
        <Alert
          type="error"
          showIcon
          role="alert"
          data-testid="targets-errors"
          title={t('scorecards.targetErrors', { count: serverErrorCount })}
          description={
            <ul style={{ margin: 0, paddingInlineStart: 18 }}>
              {Object.entries(serverErrors).map(([id, msg]) => {
                const [key, label] = id.split('\u0000');
                return (
                  <li key={id}>
                    <b>{t('scorecards.cellLabel', { indicator: nameOf(key), period: label })}</b>
                    {t('common.colon')}
                    {msg}
                  </li>
                );
              })}
              {otherErrors.map((d, i) => (
                <li key={`o${i}`}>{d.message}</li>
              ))}
            </ul>
          }
          style={{ marginBottom: 12 }}
        />
      )}
      {save.error && serverErrorCount === 0 && <FormAlert error={save.error} />}
      <div style={{ overflowX: 'auto', border: '1px solid #f0f0f0', borderRadius: 8 }}>
        <table ref={table} className="kedu-target-grid" data-testid="targets-grid" style={{ borderCollapse: 'collapse', minWidth: '100%' }}>
          <thead>
            <tr style={{ background: '#fafafa' }}>
              <th style={{ ...th, position: 'sticky', left: 0, background: '#fafafa', zIndex: 1, textAlign: 'start', minWidth: 170 }}>{t('scorecards.indicatorName')}</th>
              <th style={{ ...th, textAlign: 'end', minWidth: 90 }}>{t('scorecards.defaultTarget')}</th>
              {cols.map((label) => (
                <th key={label} style={{ ...th, minWidth: 104 }} scope="col">
                  {label}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {rows.map((ind, r) => (
              <tr key={ind.key} data-testid="target-row" data-key={ind.key}>
                <th scope="row" style={{ ...td, position: 'sticky', left: 0, background: '#fff', zIndex: 1, textAlign: 'start', fontWeight: 500 }}>
                  {ind.name}
                  {ind.unit && (
                    <Typography.Text type="secondary" style={{ fontSize: 12, marginInlineStart: 4 }}>
                      ({ind.unit === '%' ? t('scorecards.ratioUnit') : ind.unit})
                    </Typography.Text>
                  )}
                </th>
                <td style={{ ...td, textAlign: 'end', color: '#8c8c8c' }}>{ind.defaultTarget === null ? '—' : formatNumber(ind.defaultTarget)}</td>
                {cols.map((label, c) => {
                  const id = cellId(ind.key, label);
                  const error = serverErrors[id] ?? localError(ind.key, label);
                  const isChanged = edits[id] !== undefined && changed.some(([x]) => x === id);
                  return (
                    <td key={label} style={{ ...td, padding: 2 }}>
                      <Tooltip title={error} open={error ? undefined : false}>
                        <Input
                          size="small"
                          value={textOf(ind.key, label)}
                          placeholder={ind.defaultTarget === null ? '' : show(ind.defaultTarget)}
                          readOnly={readOnly}
                          status={error ? 'error' : undefined}
                          onChange={(e) => setCell(ind.key, label, e.target.value)}
                          onKeyDown={(e) => onKeyDown(e, r, c)}
                          onPaste={(e) => onPaste(e, r, c)}
                          onFocus={(e) => e.target.select()}
                          inputMode="decimal"
                          aria-label={t('scorecards.cellLabel', { indicator: ind.name, period: label })}
                          data-row={r}
                          data-col={c}
                          data-key={ind.key}
                          data-period={label}
                          data-testid="target-cell"
                          style={{ textAlign: 'end', width: 100, background: isChanged ? '#fffbe6' : undefined }}
                        />
                      </Tooltip>
                    </td>
                  );
                })}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {!readOnly && (
        <Space style={{ marginTop: 12 }} wrap>
          <Button type="primary" disabled={changed.length === 0 || hasLocalErrors} loading={save.isPending} onClick={() => save.mutate()} data-testid="targets-save">
            {t('scorecards.saveTargets')}
          </Button>
          <Button
            disabled={Object.keys(edits).length === 0}
            onClick={() => {
              setEdits({});
              setServerErrors({});
              setOtherErrors([]);
            }}
            data-testid="targets-discard"
          >
            {t('scorecards.discard')}
          </Button>
          {changed.length > 0 && (
            <Typography.Text type="secondary" data-testid="targets-changed">
              {t('scorecards.changedCells', { count: changed.length })}
            </Typography.Text>
          )}
        </Space>
      )}
    </div>
  );
}

const th = { padding: '8px 8px', borderBottom: '1px solid #f0f0f0', fontWeight: 500, whiteSpace: 'nowrap' as const, textAlign: 'center' as const };
const td = { padding: '4px 8px', borderBottom: '1px solid #f0f0f0', whiteSpace: 'nowrap' as const };
