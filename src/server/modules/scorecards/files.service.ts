import { z } from 'zod';
import { parseScorecardFile, SCORECARD_FORMAT, scorecardFile, type ScorecardFileError } from '../../../contracts/scorecard.ts';
import { engineMessageKey, type exportedFile, type importTemplateQuery, type Template } from '../../../contracts/scorecards.ts';
import type { Scorecard } from '../../../core/scoring/types.ts';
import { parsePeriod, type PeriodKind } from '../../../core/values/periods.ts';
import type { Db } from '../../db/client.ts';
import { AppError, type ErrorDetail } from '../../errors.ts';
import type { WorkspaceActor } from '../org/index.ts';
import { findTemplate } from './scorecards.queries.ts';
import { getTemplate, insertTemplate } from './scorecards.service.ts';

type ExportedFile = z.infer<typeof exportedFile>;

/** GET /scorecard-templates/:id/export — the template as a kedu.scorecard/v1 file. */
export async function exportTemplate(db: Db, workspaceId: string, id: string): Promise<{ filename: string; file: ExportedFile }> {
  const row = await findTemplate(db, workspaceId, id);
  const card = row.card;
  const file: ExportedFile = {
    format: SCORECARD_FORMAT,
    name: row.name,
    period: row.period,
    indicators: card.indicators as ExportedFile['indicators'],
    ...(card.grades !== undefined ? { grades: card.grades } : {}),
    ...(card.maxTotal !== undefined ? { maxTotal: card.maxTotal } : {}),
  };
  return { filename: `${row.name}.scorecard.json`, file };
}

/**
 * `indicators[2].rule.tiers[0]` → `['indicators', 2, 'rule', 'tiers', 0]`.
 * @example pathOf('indicators[2].rule') // ['indicators', 2, 'rule']
 */
export function pathOf(path: string): (string | number)[] {
  return [...path.matchAll(/\[(\d+)\]|([^.[\]]+)/g)].map((m) => (m[1] !== undefined ? Number(m[1]) : m[2]));
}

/** A problem of the file as a located detail: the engine's rules in both languages, shape problems as field problems. */
function toDetail(error: ScorecardFileError): ErrorDetail {
  const path = ['body', ...pathOf(error.path)];
  if (error.code.startsWith('field.')) {
    const params = Object.fromEntries(Object.entries(error.params).filter((e): e is [string, string | number] => typeof e[1] === 'string' || typeof e[1] === 'number'));
    return { path, code: error.code, params };
  }
  const message = (error.params.message as { 'zh-CN': string; en: string } | undefined) ?? error.message;
  return { path, code: engineMessageKey(error.code), params: { zh: message['zh-CN'], en: message.en } };
}

/** The file's shape without the engine's rules, to read a file whose only problem is a missing default target. */
const fileShape = z.strictObject(scorecardFile.shape);

/** What a file's `period` says about the template's kind: a kind word, or the kind of a period label (2027-Q1). */
function periodKindOf(period: string | undefined): PeriodKind | null {
  if (period === 'month' || period === 'quarter' || period === 'year') return period;
  return (period && parsePeriod(period.trim())?.kind) || null;
}

/**
 * POST /scorecard-templates/import — a new template from a kedu.scorecard/v1 file. Every
 * problem of the file is located at its path (400); a missing default target is not one, as
 * when saving a template (the year grid may supply the targets).
 */
export async function importTemplate(db: Db, actor: WorkspaceActor, body: unknown, query: z.output<typeof importTemplateQuery>): Promise<Template> {
  const parsed = parseScorecardFile(body);
  let file: z.infer<typeof fileShape>;
  if (parsed.ok) file = parsed.scorecard;
  else {
    const errors = parsed.errors.filter((e) => e.code !== 'target.missing');
    if (errors.length > 0) {
      const details = errors.map(toDetail);
      throw new AppError('validation_failed', { count: details.length }, details);
    }
    file = fileShape.parse(body);
  }
  const card: Scorecard = { indicators: file.indicators, ...(file.grades !== undefined ? { grades: file.grades } : {}), ...(file.maxTotal !== undefined ? { maxTotal: file.maxTotal } : {}) };
  const name = query.name ?? file.name.trim();
  if (name === '' || name.length > 100) {
    const detail: ErrorDetail = name === '' ? { path: ['body', 'name'], code: 'field.required' } : { path: ['body', 'name'], code: 'field.too_long', params: { max: 100 } };
    throw new AppError('validation_failed', { count: 1 }, [detail]);
  }
  const period = query.period ?? periodKindOf(file.period) ?? 'month';
  const id = await db.transaction((tx) => insertTemplate(tx, actor, { name, description: '', period, card }, 'scorecard_template.import', query.name ? ['query', 'name'] : ['body', 'name']));
  return getTemplate(db, actor.workspaceId, id);
}
