import { Select, Space, Tooltip, Typography } from 'antd';
import { fontSize } from '../../theme.ts';
import type { Column, ColumnsContext } from './actuals-columns.tsx';
import type { Group } from './actuals-groups.ts';
import { managerRatingOf, ratingScale } from './participant-utils.ts';

/** The manager's rating of a manual indicator (instead of values), with the person's self-rating beside it. */
export function ratingColumn(g: Group, { t, drafts, edit, naOf }: ColumnsContext): Column {
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
            <Typography.Text type="secondary" style={{ fontSize: fontSize.caption }}>
              {t('cycles.grid.selfWas', { rating: self })}
            </Typography.Text>
          )}
        </Space>
      );
    },
  };
}
