/**
 * Reading a `kedu.plan/v1` file (docs/kedu.plan.v1.md) and turning it into the SMART check's
 * `PlanDraft`. Every problem is located: a JSON syntax error by line and column, a schema or
 * reference problem by its JSON path (`goals[1].owner.kind`).
 */
import type { z } from 'zod';
import type { GoalIndicator, PlanDraft } from '../core/goals/types.ts';
import { findBuiltinIndicator } from '../core/indicators/builtin.ts';
import type { LocalizedText } from '../core/indicators/types.ts';
import { issueToMessage } from './issues.ts';
import { findJsonSyntaxError } from './json-syntax.ts';
import { type PlanFile, type PlanFileIndicator, planFile, planGoalSpan } from './plan-file.schema.ts';

export * from './plan-file.schema.ts';

/** A located problem of a plan file; `line`/`column` (1-based) for JSON syntax errors. */
export type PlanFileProblem = { path: string; code: string; message: LocalizedText; line?: number; column?: number };

/**
 * Parses and validates the text of a plan file (a UTF-8 byte-order mark is ignored).
 *
 * @example
 * readPlanFile('{"format": "kedu.plan/v1",}');
 * // → { ok: false, problems: [{ path: '', code: 'file.not_json', line: 1, column: 27, message: … }] }
 */
export function readPlanFile(text: string): { ok: true; file: PlanFile } | { ok: false; problems: PlanFileProblem[] } {
  const source = text.replace(/^\uFEFF/, '');
  let json: unknown;
  try {
    json = JSON.parse(source);
  } catch (err) {
    return { ok: false, problems: [jsonProblem(source, (err as Error).message)] };
  }
  const parsed = planFile.safeParse(json, { reportInput: true });
  if (parsed.success) return { ok: true, file: parsed.data };
  return { ok: false, problems: parsed.error.issues.flatMap(describeIssue) };
}

/** The first syntax error, located, in words; V8's own text only when the scanner finds none. */
function jsonProblem(source: string, detail: string): PlanFileProblem {
  const error = findJsonSyntaxError(source);
  const [line, column] = error ? [error.line, error.column] : [1, 1];
  const what = !error
    ? { zh: detail, en: detail }
    : error.found === null
      ? { zh: '文件意外结束（缺少 } 或 ]？）', en: 'the text ends too soon (a missing } or ]?)' }
      : { zh: `这里不能出现“${error.found}”`, en: `"${error.found}" cannot be here` };
  return {
    path: '',
    code: 'file.not_json',
    line,
    column,
    message: { 'zh-CN': `第 ${line} 行第 ${column} 列不是有效的 JSON：${what.zh}。请检查逗号、引号和括号。`, en: `Not valid JSON at line ${line}, column ${column}: ${what.en}. Check the commas, quotes and brackets.` },
  };
}

/**
 * A JSON path as people read it.
 * @example jsonPath(['goals', 1, 'owner', 'kind']) // 'goals[1].owner.kind'
 */
export function jsonPath(path: readonly PropertyKey[]): string {
  return path.reduce<string>((acc, part) => (typeof part === 'number' ? `${acc}[${part}]` : acc ? `${acc}.${String(part)}` : String(part)), '');
}

const fieldTexts: Record<string, (p: Record<string, string | number>) => LocalizedText> = {
  'field.required': () => ({ 'zh-CN': '缺少必填项，请补上', en: 'is required: add it' }),
  'field.invalid_type': (p) => ({ 'zh-CN': `类型错误：应为 ${p.expected}`, en: `has the wrong type: expected ${p.expected}` }),
  'field.too_long': (p) => ({ 'zh-CN': `最多 ${p.max} 个字符，请缩短`, en: `has more than ${p.max} characters: shorten it` }),
  'field.too_small': (p) => ({ 'zh-CN': `不能少于/小于 ${p.min}`, en: `must be at least ${p.min}` }),
  'field.too_big': (p) => ({ 'zh-CN': `不能多于/大于 ${p.max}`, en: `must be at most ${p.max}` }),
  'field.invalid_enum': (p) => ({ 'zh-CN': `必须是以下之一：${p.options}`, en: `must be one of: ${p.options}` }),
  'field.invalid_email': () => ({ 'zh-CN': '不是有效的邮箱地址', en: 'is not a valid email address' }),
  'field.number_too_large': () => ({ 'zh-CN': '数值过大：绝对值不能超过 10^15，请检查是否多输了几个零', en: 'is too large: numbers go up to ±10^15; check for extra zeros' }),
  'field.date_out_of_range': (p) => ({ 'zh-CN': `日期须在 ${p.first} 年到 ${p.last} 年之间，请检查年份是否输错`, en: `must be between the years ${p.first} and ${p.last}: check the year for a typo` }),
  'field.invalid': () => ({ 'zh-CN': '格式不正确', en: 'is not valid' }),
};

/** One zod issue in words; an unknown-fields issue becomes one problem per field, at its path. */
function describeIssue(issue: z.core.$ZodIssue): PlanFileProblem[] {
  if (issue.code === 'unrecognized_keys') {
    return issue.keys.map((k) => ({
      path: jsonPath([...issue.path, k]),
      code: 'field.unknown_key',
      message: { 'zh-CN': `不认识的字段“${k}”：请删除它或检查拼写（见 docs/kedu.plan.v1.md）`, en: `unknown field "${k}": remove it or check its spelling (see docs/kedu.plan.v1.md)` },
    }));
  }
  const path = jsonPath(issue.path);
  if (issue.code === 'custom' && issue.params?.code) return [{ path, code: String(issue.params.code), message: issue.params.message as LocalizedText }];
  if (issue.code === 'invalid_format' && issue.format === 'date') return [{ path, code: 'field.invalid_date', message: { 'zh-CN': '不是有效日期：请写成 YYYY-MM-DD，例如 2027-06-30', en: 'is not a valid day: write YYYY-MM-DD, e.g. 2027-06-30' } }];
  if (issue.code === 'invalid_format' && issue.format === 'regex') {
    const wanted = 'pattern' in issue && String(issue.pattern).includes('(?:0[1-9]|1[0-2])') ? 'YYYY-MM' : null;
    if (wanted) return [{ path, code: 'field.invalid_month', message: { 'zh-CN': '不是有效月份：请写成 YYYY-MM，例如 2026-12', en: 'is not a valid month: write YYYY-MM, e.g. 2026-12' } }];
    return [{ path, code: 'field.invalid_key', message: { 'zh-CN': '标识不能包含空格', en: 'must not contain spaces' } }];
  }
  if (issue.code === 'invalid_union' && 'options' in issue) {
    const options = (issue.options as unknown[]).join(', ');
    return [{ path, code: 'field.invalid_enum', message: fieldTexts['field.invalid_enum']({ options }) }];
  }
  const { key, params } = issueToMessage(issue);
  return [{ path, code: key, message: (fieldTexts[key] ?? fieldTexts['field.invalid'])(params) }];
}

/**
 * The indicator a goal of the file names: the file's own, else the built-in library's (its
 * zh-CN term definitions as the data definitions); null when neither has the key.
 *
 * @example
 * resolvePlanIndicator('followers', [])?.perspective; // → 'customer'
 */
export function resolvePlanIndicator(key: string, own: readonly PlanFileIndicator[]): GoalIndicator | null {
  const mine = own.find((i) => i.key === key);
  if (mine) {
    const { definition, nameEn, unit, ...rest } = mine;
    return { ...rest, nameEn: nameEn ?? null, unit: unit ?? '', definitions: [definition] };
  }
  const builtin = findBuiltinIndicator(key);
  if (!builtin) return null;
  const { name, direction, perspective, rollUp, unit } = builtin;
  return { key, name: name['zh-CN'], nameEn: name.en, unit, direction, perspective, rollUp, definitions: builtin.terms.map((t) => t.definition['zh-CN']) };
}

/**
 * The plan as the SMART check sees it. A goal without dates takes its phase's (startsOn, and
 * endsOn as the deadline: a phase is a period, which makes the goal time-bound), its start
 * else the plan's, and a recurring goal the plan's end; a goal with a parent and no source has
 * the source `parent`.
 *
 * @example
 * checkPlan(planFileToDraft(file)); // the report `kedu lint` prints
 */
export function planFileToDraft(file: PlanFile): PlanDraft {
  return {
    name: file.plan.name,
    startsOn: file.plan.startsOn,
    endsOn: file.plan.endsOn,
    reviewCadence: file.plan.reviewCadence ?? null,
    goals: file.goals.map((goal) => {
      const span = planGoalSpan(file, goal);
      return {
        key: goal.key,
        statement: goal.statement,
        indicator: goal.indicator === undefined ? null : resolvePlanIndicator(goal.indicator, file.indicators ?? []),
        baseline: goal.baseline ?? null,
        target: goal.target ?? null,
        startsOn: span.startsOn,
        deadline: span.deadline,
        source: goal.source ?? (goal.parent !== undefined ? 'parent' : null),
        parent: goal.parent ?? null,
        history: goal.history ?? [],
        recurrence: goal.recurrence ?? null,
        periodTargets: Object.fromEntries((goal.periodTargets ?? []).map((t) => [t.period, t.target])),
      };
    }),
  };
}
