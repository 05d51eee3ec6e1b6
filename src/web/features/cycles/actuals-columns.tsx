import { CheckCircleFilled } from '@ant-design/icons';
import { Button, Checkbox, Select, Space, type TableColumnsType, Tag, Tooltip, Typography } from 'antd';
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import type { ParticipantDetail } from '../../api.ts';
import GridCellInput from '../../components/grid-editing/GridCellInput.tsx';
import type { GridEditing } from '../../components/grid-editing/use-grid-editing.ts';
import { groupDigits } from '../../components/number-input.ts';
import type { Draft, Group } from './actuals-groups.ts';
import { managerRatingOf, ratingScale } from './participant-utils.ts';
import DataSourceTag, { fromData } from '../metrics/DataSourceTag.tsx';

type Column = TableColumnsType<ParticipantDetail>[number];

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
          <Space size={4} direction="vertical" style={{ width: '100%', alignItems: 'flex-end' }} data-testid="actual-from-data" data-term={term}>
            <span style={{ fontVariantNumeric: 'tabular-nums' }}>{groupDigits(stored.value)}</span>
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

function ratingColumn(g: Group, { t, drafts, edit, naOf }: ColumnsContext): Column {
  return {
    title: (
      <Tooltip title={t('cycles.grid.ratingHint')}>
        <span>{t('cycles.managerRating')}</span>
      </Tooltip>
    ),
    key: `rating:${g.key}`,
    width: 110,
    render: (_, d) => {
      if (!d.termsNeeded.some((n) => n.key === g.key)) return null;
      const [lo, hi] = ratingScale(d, g.key);
      const draft = drafts[d.id]?.ratings;
      const value = draft && g.key in draft ? draft[g.key] : managerRatingOf(d, g.key);
      const self = d.ratings.find((r) => r.indicatorKey === g.key)?.selfRating ?? null;
      return (
        <Space direction="vertical" size={0}>
          <Select<number>
            size="small"
            value={value ?? undefined}
            placeholder={`${lo}–${hi}`}
            disabled={!d.canEdit.rate || naOf(d).includes(g.key)}
            onChange={(v) => edit(d.id, (x) => ({ ...x, ratings: { ...x.ratings, [g.key]: v } }))}
            options={Array.from({ length: Math.floor(hi - lo) + 1 }, (_, i) => ({ value: lo + i, label: String(lo + i) }))}
            style={{ width: 80 }}
            aria-label={t('cycles.grid.ratingLabel', { name: d.personName, indicator: g.name })}
            data-testid="rating-select"
            data-indicator={g.key}
          />
          {self !== null && (
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              {t('cycles.grid.selfWas', { rating: self })}
            </Typography.Text>
          )}
        </Space>
      );
    },
  };
}

type SaveState = { dirty: boolean; invalid: boolean; saving: boolean; saved: boolean; onSave: () => void };

/** A row's save button while it has edits, "saved" just after. */
export function RowSaveState({ dirty, invalid, saving, saved, onSave }: SaveState) {
  const { t } = useTranslation();
  if (dirty) {
    return (
      <Button type="primary" size="small" loading={saving} disabled={invalid} onClick={onSave} data-testid="row-save">
        {t('common.save')}
      </Button>
    );
  }
  if (!saved) return null;
  return (
    <Tag color="success" icon={<CheckCircleFilled />} data-testid="row-saved">
      {t('common.saved')}
    </Tag>
  );
}
