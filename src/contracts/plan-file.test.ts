import fs from 'node:fs';
import { describe, expect, it } from 'vitest';
import { checkPlan } from '../core/goals/smart.ts';
import { planFileToDraft, readPlanFile, resolvePlanIndicator } from './plan-file.ts';

const sample = (name: string) => fs.readFileSync(new URL(`../../samples/plans/${name}`, import.meta.url), 'utf8');
const minimal = { format: 'kedu.plan/v1', plan: { name: 'P', startsOn: '2027-01-01', endsOn: '2027-12-31' }, goals: [] as unknown[] };
const read = (value: unknown) => readPlanFile(JSON.stringify(value));
const problems = (value: unknown) => {
  const r = read(value);
  return r.ok ? [] : r.problems.map((p) => `${p.path} ${p.code}`);
};
const goal = (extra: Record<string, unknown> = {}) => ({ key: 'g1', statement: '粉丝数量达到5万', owner: { kind: 'company' }, ...extra });

describe('the samples', () => {
  it('weishang.plan.json reads and passes the SMART check clean', () => {
    const r = readPlanFile(sample('weishang.plan.json'));
    if (!r.ok) throw new Error(JSON.stringify(r.problems));
    expect(r.file.plan.phases?.map((p) => p.name)).toEqual(['启动期', '成长期', '成熟期']);
    expect(checkPlan(planFileToDraft(r.file))).toMatchObject({ ok: true, pitfalls: [] });
  });

  it('pitfalls.plan.json reads and shows the four pitfalls', () => {
    const r = readPlanFile(sample('pitfalls.plan.json'));
    if (!r.ok) throw new Error(JSON.stringify(r.problems));
    const report = checkPlan(planFileToDraft(r.file));
    expect(report.ok).toBe(false);
    expect(report.pitfalls.map((p) => p.pitfall)).toEqual(['vague_goal', 'no_customer_indicator', 'target_too_high', 'no_review_cadence']);
    expect(report.goals.map((g) => [g.key, g.messages.map((m) => m.code)])).toEqual([
      ['brand', ['smart.vague', 'smart.no_indicator']],
      ['sales', ['smart.too_high']],
      ['content', []],
    ]);
  });
});

describe('the example of docs/kedu.plan.v1.md', () => {
  it('reads and passes clean', () => {
    const doc = fs.readFileSync(new URL('../../docs/kedu.plan.v1.md', import.meta.url), 'utf8');
    const text = doc.split('<!-- example:plan -->')[1].match(/```json\n([\s\S]*?)```/)![1];
    const r = readPlanFile(text);
    if (!r.ok) throw new Error(JSON.stringify(r.problems));
    expect(checkPlan(planFileToDraft(r.file)).ok).toBe(true);
  });
});

describe('readPlanFile', () => {
  it('locates a JSON syntax error by line and column', () => {
    const r = readPlanFile('{\n  "format": "kedu.plan/v1",\n}');
    expect(r).toMatchObject({ ok: false, problems: [{ path: '', code: 'file.not_json', line: 3, column: 1 }] });
    const cut = readPlanFile('\uFEFF{"format": ');
    expect(cut).toMatchObject({ ok: false, problems: [{ code: 'file.not_json', line: 1, column: 12 }] });
    if (!cut.ok) expect(cut.problems[0].message['zh-CN']).toContain('第 1 行第 12 列');
  });

  it('accepts a minimal plan', () => {
    expect(read(minimal).ok).toBe(true);
  });

  it('locates schema problems by their JSON path', () => {
    expect(problems({ ...minimal, format: 'kedu.plan/v2' })).toEqual(['format field.invalid_enum']);
    expect(problems({ ...minimal, plan: { ...minimal.plan, endsOn: '2027-02-30', reviewCadence: 'daily' } })).toEqual(['plan.endsOn field.invalid_date', 'plan.reviewCadence field.invalid_enum']);
    expect(problems({ ...minimal, goals: [goal({ owner: { kind: 'team' } })] })).toEqual(['goals[0].owner.kind field.invalid_enum']);
    expect(problems({ ...minimal, goals: [goal({ owner: { kind: 'person' } })] })).toEqual(['goals[0].owner plan.person_unnamed']);
    expect(problems({ ...minimal, goals: [goal({ target: '5万', history: [{ period: '2026-13', value: 1 }] })] })).toEqual(['goals[0].target field.invalid_type', 'goals[0].history[0].period field.invalid_month']);
    expect(problems({ ...minimal, goals: [{ key: 'g 1', owner: { kind: 'company' } }] })).toEqual(['goals[0].key field.invalid_key', 'goals[0].statement field.required']);
    expect(problems({ ...minimal, goals: [goal({ target: 1e16 })] })).toEqual(['goals[0].target field.number_too_large']);
  });

  it('refuses unknown fields, each at its own path', () => {
    expect(problems({ ...minimal, extra: 1, goals: [goal({ deadLine: '2027-06-30', owner: { kind: 'company', id: 1 } })] })).toEqual([
      'goals[0].owner.id field.unknown_key',
      'goals[0].deadLine field.unknown_key',
      'extra field.unknown_key',
    ]);
  });

  it('checks the references between keys and the order of dates', () => {
    const file = {
      ...minimal,
      plan: { ...minimal.plan, endsOn: '2026-12-31', phases: [{ key: 'launch', name: '启动期', startsOn: '2027-01-01', endsOn: '2027-03-31' }] },
      indicators: [{ key: 'x', name: 'X', direction: 'higher', perspective: 'finance', rollUp: 'sum', definition: 'x' }],
      goals: [
        goal({ indicator: 'nope', phase: 'grow', parent: 'g9' }),
        goal({ key: 'g2', indicator: 'followers', parent: 'g3' }),
        goal({ key: 'g3', indicator: 'x', parent: 'g2', history: [{ period: '2026-02', value: 1 }, { period: '2026-01', value: 2 }] }),
        goal({ key: 'g2' }),
      ],
    };
    expect(problems(file)).toEqual([
      'plan.endsOn plan.ends_before_start',
      'goals[3].key plan.duplicate_key',
      'goals[0].indicator plan.unknown_indicator',
      'goals[0].phase plan.unknown_phase',
      'goals[0].parent plan.unknown_parent',
      'goals[1].parent plan.parent_cycle',
      'goals[2].parent plan.parent_cycle',
      'goals[2].history[1].period plan.history_order',
    ]);
  });
});

describe('planFileToDraft', () => {
  it('resolves the file’s own and the built-in indicators', () => {
    const own = { key: 'x', name: 'X', direction: 'lower' as const, perspective: 'internal' as const, rollUp: 'average' as const, definition: '口径' };
    expect(resolvePlanIndicator('x', [own])).toEqual({ key: 'x', name: 'X', nameEn: null, unit: '', direction: 'lower', perspective: 'internal', rollUp: 'average', definitions: ['口径'] });
    const followers = resolvePlanIndicator('followers', []);
    expect(followers).toMatchObject({ name: '粉丝数', nameEn: 'Followers', perspective: 'customer', rollUp: 'last', direction: 'higher' });
    expect(followers!.definitions.every((d) => d.length > 0)).toBe(true);
    expect(resolvePlanIndicator('nope', [])).toBeNull();
  });

  it('takes a goal’s dates from its phase, else the plan, and its source from its parent', () => {
    const r = read({
      ...minimal,
      plan: { ...minimal.plan, phases: [{ key: 'launch', name: '启动期', startsOn: '2027-01-01', endsOn: '2027-03-31' }] },
      goals: [goal({ phase: 'launch' }), goal({ key: 'g2', parent: 'g1', deadline: '2027-09-30' })],
    });
    if (!r.ok) throw new Error(JSON.stringify(r.problems));
    const draft = planFileToDraft(r.file);
    expect(draft).toMatchObject({ name: 'P', reviewCadence: null });
    expect(draft.goals[0]).toMatchObject({ startsOn: '2027-01-01', deadline: '2027-03-31', source: null, indicator: null, target: null, history: [] });
    expect(draft.goals[1]).toMatchObject({ startsOn: '2027-01-01', deadline: '2027-09-30', source: 'parent', parent: 'g1' });
  });
});

describe('recurring goals in the file', () => {
  const phases = [{ key: 'launch', name: '启动期', startsOn: '2027-01-01', endsOn: '2027-03-31' }];
  const posts = (extra: Record<string, unknown>) => goal({ key: 'posts', statement: '每月发布3条高质量内容', indicator: 'content_published', target: 3, source: 'annual_plan', ...extra });

  it('reads a recurring goal: without a deadline it runs to its phase’s end, else the plan’s, and is time-bound', () => {
    const r = read({ ...minimal, plan: { ...minimal.plan, phases }, goals: [posts({ recurrence: 'month', phase: 'launch', periodTargets: [{ period: '2027-03', target: 4 }] }), posts({ key: 'all-year', recurrence: 'quarter' })] });
    if (!r.ok) throw new Error(JSON.stringify(r.problems));
    const draft = planFileToDraft(r.file);
    expect(draft.goals.map((g) => [g.deadline, g.recurrence, g.periodTargets])).toEqual([
      ['2027-03-31', 'month', { '2027-03': 4 }],
      ['2027-12-31', 'quarter', {}],
    ]);
    expect(checkPlan(draft).goals.flatMap((g) => g.messages.filter((m) => m.letter === 'T'))).toEqual([]);
  });

  it('locates period targets that are not the goal’s', () => {
    expect(problems({ ...minimal, goals: [posts({ periodTargets: [{ period: '2027-03', target: 4 }] })] })).toEqual(['goals[0].periodTargets plan.period_targets_need_recurrence']);
    expect(problems({ ...minimal, plan: { ...minimal.plan, phases }, goals: [posts({ recurrence: 'month', phase: 'launch', periodTargets: [{ period: '2027-05', target: 4 }, { period: '2027-02', target: 4 }, { period: '2027-02', target: 5 }] })] })).toEqual([
      'goals[0].periodTargets[0].period plan.period_unknown',
      'goals[0].periodTargets[2].period plan.period_twice',
    ]);
    expect(problems({ ...minimal, goals: [posts({ recurrence: 'daily' })] })[0]).toMatch(/^goals\[0\]\.recurrence /);
    // 209 weeks: refused, not cut at 160
    expect(problems({ ...minimal, plan: { ...minimal.plan, endsOn: '2030-12-31' }, goals: [posts({ recurrence: 'week' })] })).toEqual(['goals[0].deadline plan.too_many_periods']);
  });
});
