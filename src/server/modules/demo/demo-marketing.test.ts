import { describe, expect, it } from 'vitest';
import { SUGGESTED_METRICS } from '../../../core/datasets/builtin-metrics.ts';
import { BUILTIN_TEMPLATES } from '../../../core/datasets/builtin-templates.ts';
import { normaliseCell } from '../../../core/datasets/cell-values.ts';
import { withFields } from '../../../core/datasets/dataset-columns.ts';
import { checkMetric } from '../../../core/datasets/metric-definition.ts';
import { matchTemplate } from '../../../core/datasets/templates.ts';
import { analyseFormula } from '../../../core/formula/index.ts';
import { checkScorecardDesign, exactSum, validateScorecard } from '../../../core/scoring/index.ts';
import { soloCheckInComments, teamCheckInComments } from './demo-comments.ts';
import { demoGoals } from './demo-goals.ts';
import { MARKETING_DATASETS, MARKETING_TEMPLATES, type MarketingDataset, OWN_METRICS, SUGGESTED } from './demo-marketing.ts';
import { marketingFiles, marketingSpan } from './demo-marketing.files.ts';

const { from, to } = marketingSpan('2026-12-07');
const files = marketingFiles(from, to);
const keys = Object.keys(MARKETING_DATASETS) as MarketingDataset[];
const templateOf = (key: MarketingDataset) => BUILTIN_TEMPLATES.find((t) => t.key === MARKETING_DATASETS[key].template)!;

describe('the team demo’s marketing exports', () => {
  it.each(keys)('%s is recognised by its built-in template, every header read and every cell of its column’s type', (key) => {
    const [header, ...rows] = files[key];
    const match = matchTemplate(header, BUILTIN_TEMPLATES);
    expect(match?.template.key).toBe(MARKETING_DATASETS[key].template);
    expect(match!.unused).toEqual([]);
    expect(rows.length).toBeGreaterThan(50);
    const template = match!.template;
    const keyAt = template.keyColumns.map((k) => match!.indexes[template.columns.findIndex((c) => c.name === k)]!);
    expect(new Set(rows.map((r) => keyAt.map((i) => r[i]).join('|'))).size, 'a key repeated').toBe(rows.length);
    template.columns.forEach((c, i) => {
      const at = match!.indexes[i];
      if (at === null || at === undefined) return;
      for (const row of rows) {
        const cell = normaliseCell(row[at] ?? '', c.type);
        expect(cell.ok, `${key} ${c.name} "${row[at]}"`).toBe(true);
        if (c.name === template.dateColumn) expect(cell.ok && cell.value !== null && String(cell.value).slice(0, 10) <= to).toBe(true);
      }
    });
  });

  it('are the same every time, and never run past the day before', () => {
    expect(marketingFiles(from, to)).toEqual(files);
    expect(to).toBe('2026-11-30');
    const early = marketingSpan('2026-11-16');
    expect(early.to).toBe('2026-11-15');
    const cut = marketingFiles(early.from, early.to);
    expect(cut.followers.at(-1)![0]).toBe('2026-11-15');
    expect(cut.articles.slice(1).every((r) => r[1] <= '20261115')).toBe(true);
    expect(cut.orders.slice(1).every((r) => r[5] < '2026-11-16')).toBe(true);
  });

  it('attribute articles to their writers and orders to the staff whose links sold them', () => {
    const writers = new Set(files.articles.slice(1).map((r) => r.at(-1)));
    for (const name of ['陈思远', '杨雨涵', '徐佳怡']) expect(writers).toContain(name);
    const sellers = new Set(files.orders.slice(1).map((r) => r[19]).filter(Boolean));
    expect([...sellers].sort()).toEqual(['何子轩', '徐佳怡', '杨雨涵', '陈思远', '高梦琪'].sort());
  });
});

describe('the marketing scorecards', () => {
  it.each(MARKETING_TEMPLATES.map((t) => [t.name, t.card] as const))('%s is valid, weighs 100 and has no design warning', (_name, card) => {
    expect(validateScorecard(card)).toEqual([]);
    expect(checkScorecardDesign(card)).toEqual([]);
    expect(exactSum(card.indicators.map((i) => i.weight))).toBe(100);
  });

  it('take every actual from a metric the demo defines: nothing is typed in', () => {
    const metricNames = new Set([...Object.values(SUGGESTED).flat(), ...OWN_METRICS.map((m) => m.name)]);
    for (const { card } of MARKETING_TEMPLATES) {
      for (const indicator of card.indicators) {
        const terms = indicator.formula ? analyseFormula(indicator.formula).variables : [indicator.name!];
        for (const term of terms) expect(metricNames, `${indicator.key} reads ${term}`).toContain(term);
      }
    }
  });

  it('use metrics that fit the datasets the templates make: the library’s suggestions and the demo’s own', () => {
    for (const [key, names] of Object.entries(SUGGESTED) as [MarketingDataset, string[]][]) {
      for (const name of names) expect(SUGGESTED_METRICS[MARKETING_DATASETS[key].template]!.map((s) => s.name)).toContain(name);
    }
    for (const m of OWN_METRICS) {
      const columns = withFields(templateOf(m.dataset).columns.map((c) => ({ name: c.name, nameEn: c.nameEn, type: c.type, snapshot: c.snapshot ?? false, aliases: [...(c.aliases ?? [])] })));
      expect(checkMetric(m.spec, columns), m.name).toEqual([]);
    }
    // per person: articles by their 作者, sales by their 分销员
    expect(OWN_METRICS.filter((m) => m.spec.owner.kind === 'person').map((m) => m.name).sort()).toEqual(['实际销售额', '发文篇数'].sort());
  });
});

describe('check-in comments', () => {
  const b2b = /签约|大客户|回款|老客户|两单|人手/;
  it('a 微商 seller speaks of her posts, followers and orders, never of B2B clients', () => {
    for (const indicator of ['sales_amount', 'followers', 'conversion_rate', 'content_published', 'something_else']) {
      const moods = soloCheckInComments({ ...demoGoals[0], indicator });
      for (const comment of [...moods.ahead, ...moods.onPace, ...moods.behind]) expect(comment).not.toMatch(b2b);
    }
  });

  it('the team’s marketing goals speak of content and followers, its sales goals of clients', () => {
    const content = teamCheckInComments(demoGoals.find((g) => g.key === 'p-chen-content')!);
    const fans = teamCheckInComments(demoGoals.find((g) => g.key === 'p-he-fans')!);
    for (const comment of [...content.ahead, ...fans.ahead]) expect(comment).not.toMatch(/签约|大客户/);
    expect(teamCheckInComments(demoGoals.find((g) => g.key === 'p-wu')!).ahead.join()).toContain('大客户');
  });
});
