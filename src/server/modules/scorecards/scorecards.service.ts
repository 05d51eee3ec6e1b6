import type { z } from 'zod';
import type { copyTemplateInput, createTemplateInput, listTemplatesQuery, Template, TemplateCard, templateSummary, updateTemplateInput } from '../../../contracts/scorecards.ts';
import type { Scorecard } from '../../../core/scoring/types.ts';
import type { PeriodKind } from '../../../core/values/periods.ts';
import type { Db, Tx } from '../../db/client.ts';
import type { Viewer } from '../../http/request-context.ts';
import { checkVersion } from '../../http/versions.ts';
import type { Locale } from '../../i18n/messages.ts';
import { recordAudit } from '../audit/index.ts';
import type { WorkspaceActor } from '../org/index.ts';
import { deleteAssignmentsOf } from './assignments.queries.ts';
import {
  assertNameFree,
  assertPeriodFree,
  assignmentCounts,
  assignmentsOf,
  ENTITY,
  findTemplate,
  holdersInWorkspace,
  insertTemplateRow,
  listTemplateRows,
  type TemplateRow,
  templateNames,
  updateTemplateRow,
} from './scorecards.queries.ts';
import { deleteTargetsExcept } from './targets.queries.ts';
import { designOf, storedCard, targetKeys, weightSum } from './template-card.ts';

type Summary = z.infer<typeof templateSummary>;

/** The fields a template's summary and its full view share, in the contracts' order. */
const templateBase = (row: TemplateRow) => ({ id: row.id, name: row.name, description: row.description, period: row.period, status: row.status, version: row.version });

export async function listTemplates(db: Db, workspaceId: string, query: z.output<typeof listTemplatesQuery>): Promise<Summary[]> {
  const rows = await listTemplateRows(db, workspaceId, query);
  if (rows.length === 0) return [];
  const [counts, holderSets] = await Promise.all([
    assignmentCounts(db, workspaceId, rows.map((r) => r.id)),
    holdersInWorkspace(db, workspaceId),
  ]);
  return rows.map((row) => ({
    ...templateBase(row),
    indicatorCount: row.card.indicators.length,
    weightSum: weightSum(row.card),
    assignedPositions: counts.get(row.id)?.positions ?? 0,
    assignedPeople: counts.get(row.id)?.people ?? 0,
    holderCount: holderSets.get(row.id)?.size ?? 0,
    updatedAt: row.updatedAt.toISOString(),
  }));
}

/** One template; with a `viewer`, its directly assigned people are those the viewer may see (see assignmentsOf). */
export async function getTemplate(db: Db | Tx, workspaceId: string, id: string, viewer?: Viewer): Promise<Template> {
  const row = await findTemplate(db, workspaceId, id);
  const [assignments, holderSets] = await Promise.all([assignmentsOf(db, workspaceId, id, viewer), holdersInWorkspace(db, workspaceId)]);
  return {
    ...templateBase(row),
    card: row.card as TemplateCard,
    assignments,
    holderCount: holderSets.get(row.id)?.size ?? 0,
    design: designOf(row.card),
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
  };
}

type NewTemplate = { name: string; description: string; period: PeriodKind; card: Scorecard };

/** Inserts a template and audits it, inside the caller's transaction. */
export async function insertTemplate(tx: Tx, actor: WorkspaceActor, values: NewTemplate, action: string, namePath?: (string | number)[]): Promise<string> {
  await assertNameFree(tx, actor.workspaceId, values.name, null, namePath);
  const row = await insertTemplateRow(tx, { ...values, card: storedCard(values.card), workspaceId: actor.workspaceId });
  await recordAudit(tx, actor, { workspaceId: actor.workspaceId, action, entityType: ENTITY, entityId: row.id, after: row });
  return row.id;
}

export async function createTemplate(db: Db, actor: WorkspaceActor, input: z.output<typeof createTemplateInput>): Promise<Template> {
  const id = await db.transaction((tx) => insertTemplate(tx, actor, input, 'scorecard_template.create'));
  return getTemplate(db, actor.workspaceId, id);
}

export async function updateTemplate(db: Db, actor: WorkspaceActor, id: string, input: Omit<z.output<typeof updateTemplateInput>, 'version'>, expected?: number): Promise<Template> {
  await db.transaction(async (tx) => {
    const before = await findTemplate(tx, actor.workspaceId, id);
    await checkVersion(tx, ENTITY, id, expected);
    if (input.name !== undefined && input.name !== before.name) await assertNameFree(tx, actor.workspaceId, input.name, id);
    if (input.period !== undefined && input.period !== before.period) await assertPeriodFree(tx, before);
    const changes: Partial<NewTemplate> = { ...input, ...(input.card ? { card: storedCard(input.card) } : {}) };
    const after = await updateTemplateRow(tx, id, changes);
    // targets of indicators no longer on the card (or now rated by hand) have nothing to apply to
    let removedTargets = 0;
    if (input.card) removedTargets = await deleteTargetsExcept(tx, id, [...targetKeys(after.card)]);
    await recordAudit(tx, actor, {
      workspaceId: actor.workspaceId,
      action: 'scorecard_template.update',
      entityType: ENTITY,
      entityId: id,
      before,
      after: removedTargets > 0 ? { ...after, removedTargets } : after,
    });
  });
  return getTemplate(db, actor.workspaceId, id);
}

const COPY_SUFFIX: Record<Locale, (name: string, n: number) => string> = {
  'zh-CN': (name, n) => `${name}（副本${n > 1 ? ` ${n}` : ''}）`,
  en: (name, n) => `${name} (copy${n > 1 ? ` ${n}` : ''})`,
};

async function freeCopyName(tx: Tx, workspaceId: string, name: string, locale: Locale): Promise<string> {
  const used = new Set(await templateNames(tx, workspaceId));
  for (let n = 1; ; n++) if (!used.has(COPY_SUFFIX[locale](name, n))) return COPY_SUFFIX[locale](name, n);
}

/** Copies the card, description and period under a new name; assignments and targets stay with the original. */
export async function copyTemplate(db: Db, actor: WorkspaceActor, id: string, input: z.output<typeof copyTemplateInput>, locale: Locale): Promise<Template> {
  const newId = await db.transaction(async (tx) => {
    const source = await findTemplate(tx, actor.workspaceId, id);
    const name = input.name ?? (await freeCopyName(tx, actor.workspaceId, source.name, locale));
    return insertTemplate(tx, actor, { name, description: source.description, period: source.period, card: source.card }, 'scorecard_template.copy');
  });
  return getTemplate(db, actor.workspaceId, newId);
}

/**
 * Archives or restores. Archiving releases the template's assignments (an archived template
 * gives nobody a scorecard, and its positions and people may take another one); its period
 * targets are kept. A no-op changes and audits nothing.
 */
export async function setTemplateStatus(db: Db, actor: WorkspaceActor, id: string, status: 'active' | 'archived', expected?: number): Promise<Template> {
  await db.transaction(async (tx) => {
    const before = await findTemplate(tx, actor.workspaceId, id);
    await checkVersion(tx, ENTITY, id, expected);
    if (before.status === status) return;
    const released = status === 'archived' ? await deleteAssignmentsOf(tx, id) : [];
    const after = await updateTemplateRow(tx, id, { status });
    await recordAudit(tx, actor, {
      workspaceId: actor.workspaceId,
      action: status === 'archived' ? 'scorecard_template.archive' : 'scorecard_template.restore',
      entityType: ENTITY,
      entityId: id,
      before: {
        status: before.status,
        ...(released.length > 0
          ? { assignments: { positionIds: released.flatMap((r) => (r.positionId ? [r.positionId] : [])), personIds: released.flatMap((r) => (r.personId ? [r.personId] : [])) } }
          : {}),
      },
      after: { status: after.status },
    });
  });
  return getTemplate(db, actor.workspaceId, id);
}
