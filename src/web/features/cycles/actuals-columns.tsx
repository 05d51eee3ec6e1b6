import { Checkbox, Space, type TableColumnsType, Tooltip, Typography } from 'antd';
import type { TFunction } from 'i18next';
import type { ParticipantDetail } from '../../api.ts';
import GridCellInput from '../../components/grid-editing/GridCellInput.tsx';
import type { GridEditing } from '../../components/grid-editing/use-grid-editing.ts';
import { groupDigits } from '../../components/number-input.ts';
import { space, tabularNums } from '../../theme.ts';
import DataSourceTag, { fromData } from '../metrics/DataSourceTag.tsx';
import { ratingColumn } from './actuals-rating-column.tsx';
import type { Draft, Group } from './actuals-groups.ts';

export type Column = TableColumnsType<ParticipantDetail>[number];

/** A row's edits besides the typed values: the not-applicable indicators and the manager's ratings. */
export type RowDraft = Pick<Draft, 'na' | 'ratings'>;

/** What the grid's editable columns read and call: the typed values' editing, and the rows' other edits. */
export type ColumnsContext = {
  t: TFunction;
  editing: GridEditing;
  drafts: Record<string, RowDraft>;
  edit: (pid: string, change: (draft: RowDraft) => RowDraft) => void;
  naOf: (d: ParticipantDetail) => string[];
  /** A term's column index, for moving between cells with the keyboard. */
  termIndex: Map<string, number>;
};

/** The terms' column indexes, in the order of the grid's columns. */
export const termIndexOf = (groups: Group[]) => new Map(groups.flatMap((g) => (g.manual ? [] : g.terms)).map((term, i) => [term, i]));

/** The columns of one indicator: its terms' values (or, if manual, the manager's rating) and its not-applicable box. */
export function indicatorColumns(g: Group, editing: ColumnsContext): Column[] {
  return [...(g.manual ? [ratingColumn(g, editing)] : g.terms.map((term) => termColumn(g, term, editing))), naColumn(g, editing)];
}

function termColumn(g: Group, term: string, { t, editing, naOf, termIndex }: ColumnsContext): Column {
  return {
    title: (
      <Tooltip title={g.terms.length > 1 || term !== g.key ? t('cycles.grid.termOf', { term, indicator: g.name }) : undefined}>
        <span>
          {term}
          {g.unit && <Typography.Text type="secondary"> ({g.unit})</Typography.Text>}
        </span>
      </Tooltip>
    ),
    key: `term:${term}`,
    width: 132,
    render: (_, d, index) => {
      const reads = d.termsNeeded.some((n) => n.terms.includes(term));
      if (!reads) return <Typography.Text type="secondary">—</Typography.Text>;
      const readers = d.termsNeeded.filter((n) => n.terms.includes(term)).map((n) => n.key);
      const na = readers.every((k) => naOf(d).includes(k));
      const stored = d.values.find((v) => v.term === term);
      // taken from a metric: read-only, with where it came from
      if (fromData(stored)) {
        return (
          <Space size={space.xs} direction="vertical" style={{ width: '100%', alignItems: 'flex-end' }} data-testid="actual-from-data" data-term={term}>
            <span style={tabularNums}>{groupDigits(stored.value)}</span>
            <DataSourceTag lineage={stored.lineage} />
          </Space>
        );
      }
      return (
        <GridCellInput
          editing={editing}
          cell={{ row: d.id, col: term }}
          at={{ row: index, col: termIndex.get(term) ?? -1 }}
          groupWhileTyping
          disabled={na || !d.canEdit.enterActuals}
          style={{ width: '100%' }}
          aria-label={`${d.personName} ${term}`}
          data-testid="actual-input"
          data-term={term}
        />
      );
    },
  };
}

function naColumn(g: Group, { t, edit, naOf }: ColumnsContext): Column {
  return {
    title: (
      <Tooltip title={t('cycles.grid.naHint')}>
        <span>{t('cycles.grid.na')}</span>
      </Tooltip>
    ),
    key: `na:${g.key}`,
    width: 64,
    align: 'center',
    render: (_, d) =>
      d.termsNeeded.some((n) => n.key === g.key) ? (
        <Checkbox
          checked={naOf(d).includes(g.key)}
          disabled={!d.canEdit.setNotApplicable}
          onChange={(e) =>
            edit(d.id, (x) => {
              const current = x.na ?? d.notApplicable;
              return { ...x, na: e.target.checked ? [...current, g.key] : current.filter((k) => k !== g.key) };
            })
          }
          aria-label={t('cycles.grid.naLabel', { name: d.personName, indicator: g.name })}
          data-testid="na-toggle"
          data-indicator={g.key}
        />
      ) : null,
  };
}
