import type { z } from 'zod';
import type { setTargetsInput, targetGrid, targetsQuery } from '../../../contracts/scorecards.ts';
import type { Scorecard } from '../../../core/scoring/types.ts';
import { type PeriodKind, periodsOfYear } from '../../../core/values/periods.ts';
import { canSeePerson } from '../../access.ts';
import type { Db, Tx } from '../../db/client.ts';
import { AppError, type ErrorDetail, notFound } from '../../errors.ts';
import type { Viewer } from '../../http/request-context.ts';
import { bumpVersion, checkVersion } from '../../http/versions.ts';
import { recordAudit } from '../audit/index.ts';
import type { WorkspaceActor } from '../org/index.ts';
import { findPerson, findPosition } from './owners.queries.ts';
import { ENTITY, findTemplate } from './scorecards.queries.ts';
import { deleteTargetCell, type NewPeriodTargetRow, type TargetOwner, targetCells, upsertTargetCells } from './targets.queries.ts';

type Grid = z.infer<typeof targetGrid>;
type Owner = TargetOwner;
/** By indicator key, then period label. */
export type GridValues = Record<string, Record<string, number | null>>;

/**
 * The owner's name; 400 located at `where`.ownerId when the workspace has no such position or
 * person. With a `viewer` who is not an admin, a person they may not see is "not found" (404,
 * like /people/:id), and so is one that does not exist: the grid reveals nobody outside their units.
 */
async function ownerName(db: Db | Tx, workspaceId: string, owner: Owner, where: 'body' | 'querystring', viewer?: Viewer): Promise<string> {
  let row: { name: string } | undefined;
  if (owner.ownerKind === 'person') {
    const person = await findPerson(db, workspaceId, owner.ownerId);
    if (viewer && viewer.role !== 'admin' && (!person || !canSeePerson(viewer, person))) throw notFound('person');
    row = person;
  } else {
    row = await findPosition(db, workspaceId, owner.ownerId);
  }
  if (!row) {
    const code = owner.ownerKind === 'person' ? 'scorecard.unknown_person' : 'scorecard.unknown_position';
    throw new AppError('validation_failed', { count: 1 }, [{ path: [where, 'ownerId'], code, params: { id: owner.ownerId } }]);
  }
  return row.name;
}

/**
 * Checks a grid of targets against a template (pure): every key an indicator of the card that
 * takes a target, every label a period of the year of the template's kind, every value a finite
 * number above 0 or null. One located detail per problem.
 * @example checkGrid({ indicators: [{ key: 'a', weight: 100 }] }, 'year', 2026, { a: { '2026': 0 } })[0].code // 'scorecard.target_not_positive'
 */
export function checkGrid(card: Scorecard, kind: PeriodKind, year: number, values: GridValues): ErrorDetail[] {
  const details: ErrorDetail[] = [];
  const labels = periodsOfYear(year, kind);
  const allowed = new Set(labels);
  const byKey = new Map(card.indicators.map((i) => [i.key, i]));
  for (const [key, cells] of Object.entries(values)) {
    const indicator = byKey.get(key);
    if (!indicator) {
      details.push({ path: ['body', 'values', key], code: 'scorecard.target_unknown_indicator', params: { key } });
      continue;
    }
    if (indicator.rule?.type === 'manual') {
      details.push({ path: ['body', 'values', key], code: 'scorecard.target_manual', params: { key: indicator.name || key } });
      continue;
    }
    for (const [label, value] of Object.entries(cells)) {
      const at = ['body', 'values', key, label];
      if (!allowed.has(label)) details.push({ path: at, code: 'scorecard.target_wrong_period', params: { label, year, example: labels[0], first: labels[0], last: labels[labels.length - 1] } });
      else if (value !== null && !(Number.isFinite(value) && value > 0)) details.push({ path: at, code: 'scorecard.target_not_positive', params: { key: indicator.name || key, label, value: String(value) } });
    }
  }
  return details;
}

async function readGrid(db: Db | Tx, templateId: string, owner: Owner, labels: readonly string[]): Promise<GridValues> {
  const rows = await targetCells(db, templateId, owner, labels);
  const values: GridValues = {};
  for (const r of rows) (values[r.key] ??= {})[r.label] = r.value;
  return values;
}

/**
 * GET /scorecard-templates/:id/targets — the year grid of one owner: a row per indicator that
 * takes a target, a column per period. A person's grid only for a `viewer` who may see them.
 */
export async function getTargets(db: Db | Tx, workspaceId: string, id: string, query: z.output<typeof targetsQuery>, where: 'body' | 'querystring' = 'querystring', viewer?: Viewer): Promise<Grid> {
  const template = await findTemplate(db, workspaceId, id);
  const name = await ownerName(db, workspaceId, query, where, viewer);
  const periods = periodsOfYear(query.year, template.period);
  const indicators = template.card.indicators.filter((i) => i.rule?.type !== 'manual');
  const stored = await readGrid(db, id, query, periods);
  const values: GridValues = {};
  for (const indicator of indicators) values[indicator.key] = Object.fromEntries(periods.map((p) => [p, stored[indicator.key]?.[p] ?? null]));
  return {
    year: query.year,
    ownerKind: query.ownerKind,
    ownerId: query.ownerId,
    ownerName: name,
    periods,
    indicators: indicators.map((i) => ({ key: i.key, name: i.name || i.key, unit: i.unit ?? null, defaultTarget: i.target ?? null })),
    values,
    version: template.version,
  };
}

/**
 * PUT /scorecard-templates/:id/targets — sets (a number) or clears (null) the cells given, all
 * or nothing, audited as one entry with the cells before and after.
 */
export async function setTargets(db: Db, actor: WorkspaceActor, id: string, input: Omit<z.output<typeof setTargetsInput>, 'version'>, expected?: number): Promise<Grid> {
  await db.transaction(async (tx) => {
    const template = await findTemplate(tx, actor.workspaceId, id);
    // the targets are part of the template: a write names the template's version it was based on, and raises it
    await checkVersion(tx, ENTITY, id, expected);
    const details = checkGrid(template.card, template.period, input.year, input.values);
    if (details.length > 0) throw new AppError('validation_failed', { count: details.length }, details);
    await ownerName(tx, actor.workspaceId, input, 'body');
    const labels = periodsOfYear(input.year, template.period);
    const old = await readGrid(tx, id, input, labels);

    const before: GridValues = {};
    const after: GridValues = {};
    const upserts: NewPeriodTargetRow[] = [];
    const cleared: { key: string; label: string }[] = [];
    for (const [key, cells] of Object.entries(input.values)) {
      for (const [label, value] of Object.entries(cells)) {
        const was = old[key]?.[label] ?? null;
        if (was === value) continue;
        (before[key] ??= {})[label] = was;
        (after[key] ??= {})[label] = value;
        if (value === null) cleared.push({ key, label });
        else upserts.push({ workspaceId: actor.workspaceId, templateId: id, ownerKind: input.ownerKind, ownerId: input.ownerId, indicatorKey: key, periodLabel: label, value, updatedBy: actor.userId });
      }
    }
    if (upserts.length === 0 && cleared.length === 0) return;
    for (const { key, label } of cleared) await deleteTargetCell(tx, id, input, key, label);
    if (upserts.length > 0) await upsertTargetCells(tx, upserts, actor.userId);
    await bumpVersion(tx, ENTITY, id);
    const where = { year: input.year, ownerKind: input.ownerKind, ownerId: input.ownerId };
    await recordAudit(tx, actor, {
      workspaceId: actor.workspaceId,
      action: 'scorecard_template.targets',
      entityType: ENTITY,
      entityId: id,
      before: { ...where, values: before },
      after: { ...where, values: after },
    });
  });
  return getTargets(db, actor.workspaceId, id, input, 'body');
}
