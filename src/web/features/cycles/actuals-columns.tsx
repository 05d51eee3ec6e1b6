import { Checkbox, InputNumber, Select, Space, type TableColumnsType, Tooltip, Typography } from 'antd';
import type { TFunction } from 'i18next';
import type { ParticipantDetail } from '../../api.ts';
import { groupDigits, ungroupDigits } from '../../components/number-input.ts';
import { type Draft, type Group, savedValue } from './actuals-groups.ts';
import { managerRatingOf, ratingScale } from './participant-utils.ts';
import DataSourceTag, { fromData } from '../metrics/DataSourceTag.tsx';

type Column = TableColumnsType<ParticipantDetail>[number];

/** What the grid's editable columns read and call. */
export type GridEditing = {
  t: TFunction;
  drafts: Record<string, Draft>;
  edit: (pid: string, change: (draft: Draft) => Draft) => void;
  naOf: (d: ParticipantDetail) => string[];
  saveRow: (d: ParticipantDetail) => void;
};

/** The columns of one indicator: its terms' values (or, if manual, the manager's rating) and its not-applicable box. */
export function indicatorColumns(g: Group, editing: GridEditing): Column[] {
  return [...(g.manual ? [ratingColumn(g, editing)] : g.terms.map((term) => termColumn(g, term, editing))), naColumn(g, editing)];
}

function termColumn(g: Group, term: string, { t, drafts, edit, naOf, saveRow }: GridEditing): Column {
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
    render: (_, d) => {
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
      const draft = drafts[d.id]?.values;
      const value = draft && term in draft ? draft[term] : savedValue(d, term);
      const changed = draft && term in draft && draft[term] !== savedValue(d, term);
      return (
        <InputNumber
          size="small"
          value={value}
          disabled={na || !d.canEdit.enterActuals}
          onChange={(v) => edit(d.id, (x) => ({ ...x, values: { ...x.values, [term]: typeof v === 'number' ? v : null } }))}
          onPressEnter={() => saveRow(d)}
          formatter={groupDigits}
          parser={ungroupDigits}
          style={{ width: '100%', ...(changed ? { background: '#fffbe6' } : {}) }}
          aria-label={`${d.personName} ${term}`}
          data-testid="actual-input"
          data-term={term}
        />
      );
    },
  };
}

function naColumn(g: Group, { t, edit, naOf }: GridEditing): Column {
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

function ratingColumn(g: Group, { t, drafts, edit, naOf }: GridEditing): Column {
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
