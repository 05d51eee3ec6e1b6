import { Alert, App, Button, Space, Typography } from 'antd';
import { type ClipboardEvent, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { TargetGrid } from '../../api.ts';
import FormAlert from '../../components/FormAlert.tsx';
import StaleVersionDialog from '../../components/StaleVersionDialog.tsx';
import { useStaleVersion } from '../../components/StaleVersionDialog.hook.ts';
import { pathAfter } from '../../components/grid-editing/grid-cells.ts';
import { useGridEditing } from '../../components/grid-editing/use-grid-editing.ts';
import { space } from '../../theme.ts';
import { parseTsv, placeBlock } from './paste.ts';
import type { TargetsQuery } from './scorecards-api.ts';
import { useTargetsWriter } from './scorecards-queries.ts';
import TargetsErrors from './TargetsErrors.tsx';
import TargetsTable from './TargetsTable.tsx';

type Props = { ws: string; templateId: string; query: TargetsQuery; grid: TargetGrid; readOnly: boolean };
type Notice = { type: 'success' | 'error'; text: string };

/** The targets of one owner and year: typed or pasted cell by cell, saved together. */
export default function TargetsGrid({ ws, templateId, query, grid, readOnly }: Props) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const targets = useTargetsWriter(ws, templateId, query);
  const [notice, setNotice] = useState<Notice | null>(null);
  const rows = grid.indicators;
  const cols = grid.periods;
  // the template changed meanwhile: reload the grid, or save these cells over it (based on the version the 409 named)
  const stale = useStaleVersion(grid.version);
  const overwrite = useRef<number | undefined>(undefined);

  const editing = useGridEditing({
    stored: ({ row, col }) => grid.values[row]?.[col] ?? null,
    check: (value) => (value <= 0 ? t('scorecards.mustBePositive') : null),
    submit: (values) => {
      setNotice(null);
      const version = overwrite.current ?? stale.version ?? grid.version;
      overwrite.current = undefined;
      return targets.send(values, version);
    },
    onFailed: (e) =>
      stale.offer(e, {
        reload: () => (editing.discard(), targets.reload()),
        reapply: (current) => ((overwrite.current = current), editing.save()),
      }),
    locate: (d) => {
      const [field, key, label] = pathAfter(d.path, 'body');
      return field === 'values' && typeof key === 'string' && typeof label === 'string' ? { row: key, col: label } : null;
    },
    onSaved: (fresh) => {
      targets.saved(fresh);
      message.success(t('scorecards.targetsSaved'));
    },
  });

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
    editing.fill(placed.cells.map((c) => ({ cell: { row: rows[c.row].key, col: cols[c.col] }, value: c.value })));
    setNotice({ type: 'success', text: t(placed.transposed ? 'scorecards.pastedTransposed' : 'scorecards.pasted', { count: placed.cells.length }) });
  };

  const changed = editing.dirty.length;
  const refusedCount = editing.refused.length + editing.unlocated.length;
  return (
    <div data-testid="targets-grid-wrap">
      {notice && <Alert type={notice.type} showIcon closable onClose={() => setNotice(null)} title={notice.text} style={{ marginBottom: space.md }} data-testid="paste-notice" />}
      <TargetsErrors refused={editing.refused} unlocated={editing.unlocated} rows={rows} />
      {editing.saveError && refusedCount === 0 && <FormAlert error={editing.saveError} />}
      <StaleVersionDialog {...stale.dialog} />
      <TargetsTable grid={grid} editing={editing} readOnly={readOnly} onPaste={onPaste} />
      {!readOnly && (
        <Space style={{ marginTop: space.md }} wrap>
          <Button type="primary" disabled={changed === 0 || editing.hasErrors()} loading={editing.saving} onClick={() => editing.save()} data-testid="targets-save">
            {t('scorecards.saveTargets')}
          </Button>
          <Button disabled={!editing.hasDrafts} onClick={() => editing.discard()} data-testid="targets-discard">
            {t('scorecards.discard')}
          </Button>
          {changed > 0 && (
            <Typography.Text type="secondary" data-testid="targets-changed">
              {t('scorecards.changedCells', { count: changed })}
            </Typography.Text>
          )}
        </Space>
      )}
    </div>
  );
}
