import { Typography } from 'antd';
import type { ClipboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { TargetGrid } from '../../api.ts';
import GridCellInput from '../../components/grid-editing/GridCellInput.tsx';
import { showNumber } from '../../components/grid-editing/grid-cells.ts';
import type { GridEditing } from '../../components/grid-editing/use-grid-editing.ts';
import { formatNumber } from './labels.ts';
import { border, fontSize, space, surface, text } from '../../theme.ts';

type Props = {
  grid: TargetGrid;
  editing: GridEditing;
  readOnly: boolean;
  onPaste: (e: ClipboardEvent<HTMLInputElement>, row: number, col: number) => void;
};

/** The grid itself: a row per indicator (its default target beside it), a column per period. */
export default function TargetsTable({ grid, editing, readOnly, onPaste }: Props) {
  const { t } = useTranslation();
  return (
    <div style={{ overflowX: 'auto', border: `1px solid ${border.divider}`, borderRadius: 8 }}>
      <table ref={editing.gridRef} className="kedu-target-grid" data-testid="targets-grid" style={{ borderCollapse: 'collapse', minWidth: '100%' }}>
        <thead>
          <tr style={{ background: surface.subtle }}>
            <th style={{ ...th, position: 'sticky', left: 0, background: surface.subtle, zIndex: 1, textAlign: 'start', minWidth: 170 }}>{t('scorecards.indicatorName')}</th>
            <th style={{ ...th, textAlign: 'end', minWidth: 90 }}>{t('scorecards.defaultTarget')}</th>
            {grid.periods.map((label) => (
              <th key={label} style={{ ...th, minWidth: 104 }} scope="col">
                {label}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {grid.indicators.map((ind, r) => (
            <tr key={ind.key} data-testid="target-row" data-key={ind.key}>
              <th scope="row" style={{ ...td, position: 'sticky', left: 0, background: surface.base, zIndex: 1, textAlign: 'start', fontWeight: 500 }}>
                {ind.name}
                {ind.unit && (
                  <Typography.Text type="secondary" style={{ fontSize: fontSize.caption, marginInlineStart: space.xs }}>
                    ({ind.unit === '%' ? t('scorecards.ratioUnit') : ind.unit})
                  </Typography.Text>
                )}
              </th>
              <td style={{ ...td, textAlign: 'end', color: text.secondary }}>{ind.defaultTarget === null ? '—' : formatNumber(ind.defaultTarget)}</td>
              {grid.periods.map((label, c) => (
                <td key={label} style={{ ...td, padding: space.xxs }}>
                  <GridCellInput
                    editing={editing}
                    cell={{ row: ind.key, col: label }}
                    at={{ row: r, col: c }}
                    placeholder={showNumber(ind.defaultTarget)}
                    readOnly={readOnly}
                    onPaste={(e) => onPaste(e, r, c)}
                    aria-label={t('scorecards.cellLabel', { indicator: ind.name, period: label })}
                    data-key={ind.key}
                    data-period={label}
                    data-testid="target-cell"
                    style={{ width: 100 }}
                  />
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

const th = { padding: '8px 8px', borderBottom: `1px solid ${border.divider}`, fontWeight: 500, whiteSpace: 'nowrap' as const, textAlign: 'center' as const };
const td = { padding: '4px 8px', borderBottom: `1px solid ${border.divider}`, whiteSpace: 'nowrap' as const };
