import { and, asc, count, eq, ilike, inArray, notInArray, or, type SQL } from 'drizzle-orm';
import type { z } from 'zod';
import type { copyTemplateInput, createTemplateInput, DesignIssueOut, listTemplatesQuery, Template, TemplateCard, templateSummary, updateTemplateInput } from '../../../contracts/scorecards.ts';
import { checkScorecardDesign } from '../../../core/scoring/design.ts';
import type { Scorecard } from '../../../core/scoring/types.ts';
import type { PeriodKind } from '../../../core/values/periods.ts';
import { canSeePerson } from '../../access.ts';
import type { Db, Tx } from '../../db/client.ts';
import { escapeLike } from '../../db/like.ts';
import { people, periodTargets, positions, scorecardTemplates, templateAssignments } from '../../db/schema/index.ts';
import { AppError, notFound } from '../../errors.ts';
import type { Viewer } from '../../http/request-context.ts';
import type { Locale } from '../../i18n/messages.ts';
import { recordAudit } from '../audit/audit.service.ts';
import type { WorkspaceActor } from '../org/org.types.ts';
import { holdersByTemplate } from './holders.ts';

export type TemplateRow = typeof scorecardTemplates.$inferSelect;
type Summary = z.infer<typeof templateSummary>;

export const ENTITY = 'scorecard_template';

/** A card as stored: indicators, and grades / maxTotal only when present. */
export function storedCard(card: TemplateCard | Scorecard): Scorecard {
  return {
    indicators: card.indicators,
    ...(card.grades !== undefined ? { grades: card.grades } : {}),
    ...(card.maxTotal !== undefined ? { maxTotal: card.maxTotal } : {}),
  };
}

/** checkScorecardDesign in both languages: definition errors, design warnings and hints. */
export function designOf(card: Scorecard): DesignIssueOut[] {
  return checkScorecardDesign(card).map((issue) => ({
    severity: issue.severity,
    code: issue.code,
    path: issue.path ?? [],
    indicatorKey: issue.indicatorKey ?? null,
    message: issue.message,
  }));
}

/** POST /scorecard-templates/check: every problem and design warning of a card; writes nothing. */
export function checkCard(card: TemplateCard): { ok: boolean; issues: DesignIssueOut[] } {
  const issues = designOf(storedCard(card));
  return { ok: !issues.some((i) => i.severity === 'error'), issues };
}

const weightSum = (card: Scorecard) => card.indicators.reduce((sum, i) => sum + i.weight, 0);

/** Every active person's template per period kind, for the holder counts. */
async function holders(db: Db | Tx, workspaceId: string): Promise<Map<string, Set<string>>> {
  const [assignments, active] = await Promise.all([
    db
      .select({ templateId: templateAssignments.templateId, period: templateAssignments.period, positionId: templateAssignments.positionId, personId: templateAssignments.personId })
      .from(templateAssignments)
      .innerJoin(scorecardTemplates, eq(scorecardTemplates.id, templateAssignments.templateId))
      .where(and(eq(templateAssignments.workspaceId, workspaceId), eq(scorecardTemplates.status, 'active'))),
    db.select({ id: people.id, positionId: people.positionId }).from(people).where(and(eq(people.workspaceId, workspaceId), eq(people.status, 'active'))),
  ]);
  return holdersByTemplate(assignments, active);
}

export async function listTemplates(db: Db, workspaceId: string, query: z.output<typeof listTemplatesQuery>): Promise<Summary[]> {
  const where: SQL[] = [eq(scorecardTemplates.workspaceId, workspaceId)];
  if (query.status !== 'all') where.push(eq(scorecardTemplates.status, query.status));
  if (query.period) where.push(eq(scorecardTemplates.period, query.period));
  if (query.q) {
    const like = `%${escapeLike(query.q)}%`;
    where.push(or(ilike(scorecardTemplates.name, like), ilike(scorecardTemplates.description, like))!);
  }
  const rows = await db.select().from(scorecardTemplates).where(and(...where)).orderBy(asc(scorecardTemplates.name), asc(scorecardTemplates.id));
  if (rows.length === 0) return [];
  const counts = await db
    .select({ templateId: templateAssignments.templateId, positionId: templateAssignments.positionId })
    .from(templateAssignments)
    .where(and(eq(templateAssignments.workspaceId, workspaceId), inArray(templateAssignments.templateId, rows.map((r) => r.id))));
  const holderSets = await holders(db, workspaceId);
  return rows.map((row) => {
    const mine = counts.filter((c) => c.templateId === row.id);
    const assignedPositions = mine.filter((c) => c.positionId !== null).length;
    return {
      id: row.id,
      name: row.name,
      description: row.description,
      period: row.period,
      status: row.status,
      indicatorCount: row.card.indicators.length,
      weightSum: weightSum(row.card),
      assignedPositions,
      assignedPeople: mine.length - assignedPositions,
      holderCount: holderSets.get(row.id)?.size ?? 0,
      updatedAt: row.updatedAt.toISOString(),
    };
  });
}

export async function findTemplate(db: Db | Tx, workspaceId: string, id: string): Promise<TemplateRow> {
  const [row] = await db.select().from(scorecardTemplates).where(and(eq(scorecardTemplates.workspaceId, workspaceId), eq(scorecardTemplates.id, id)));
  if (!row) throw notFound(ENTITY);
  return row;
}

/**
 * The positions and people a template is assigned to, by name. With a `viewer`, only the
 * people they may see (a manager does not learn who outside their units holds the template).
 */
export async function assignmentsOf(db: Db | Tx, workspaceId: string, templateId: string, viewer?: Viewer): Promise<Template['assignments']> {
  const [positionRows, personRows, holderRows] = await Promise.all([
    db
      .select({ id: positions.id, name: positions.name })
      .from(templateAssignments)
      .innerJoin(positions, eq(positions.id, templateAssignments.positionId))
      .where(and(eq(templateAssignments.workspaceId, workspaceId), eq(templateAssignments.templateId, templateId)))
      .orderBy(asc(positions.name), asc(positions.id)),
    db
      .select({ id: people.id, name: people.name, unitId: people.unitId })
      .from(templateAssignments)
      .innerJoin(people, eq(people.id, templateAssignments.personId))
      .where(and(eq(templateAssignments.workspaceId, workspaceId), eq(templateAssignments.templateId, templateId)))
      .orderBy(asc(people.name), asc(people.id)),
    db
      .select({ positionId: people.positionId, n: count() })
      .from(people)
      .innerJoin(templateAssignments, and(eq(templateAssignments.positionId, people.positionId), eq(templateAssignments.templateId, templateId)))
      .where(and(eq(people.workspaceId, workspaceId), eq(people.status, 'active')))
      .groupBy(people.positionId),
  ]);
  const holdersOf = new Map(holderRows.map((r) => [r.positionId, Number(r.n)]));
  const visible = viewer ? personRows.filter((p) => canSeePerson(viewer, p)) : personRows;
  return { positions: positionRows.map((p) => ({ ...p, holders: holdersOf.get(p.id) ?? 0 })), people: visible.map((p) => ({ id: p.id, name: p.name })) };
}

/** One template; with a `viewer`, its directly assigned people are those the viewer may see (see assignmentsOf). */
export async function getTemplate(db: Db | Tx, workspaceId: string, id: string, viewer?: Viewer): Promise<Template> {
  const row = await findTemplate(db, workspaceId, id);
  const [assignments, holderSets] = await Promise.all([assignmentsOf(db, workspaceId, id, viewer), holders(db, workspaceId)]);
  return {
    id: row.id,
    name: row.name,
    description: row.description,
    period: row.period,
    status: row.status,
    card: row.card as TemplateCard,
    assignments,
    holderCount: holderSets.get(row.id)?.size ?? 0,
    design: designOf(row.card),
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
  };
}

/** 409 name_taken located at `path` (archived templates keep their names). */
export async function assertNameFree(tx: Tx, workspaceId: string, name: string, selfId: string | null, path: (string | number)[] = ['body', 'name']): Promise<void> {
  const [row] = await tx.select({ id: scorecardTemplates.id }).from(scorecardTemplates).where(and(eq(scorecardTemplates.workspaceId, workspaceId), eq(scorecardTemplates.name, name)));
  if (row && row.id !== selfId) throw new AppError('name_taken', { name }, [{ path, code: 'field.name_taken', params: { name } }]);
}

type NewTemplate = { name: string; description: string; period: PeriodKind; card: Scorecard };

/** Inserts a template and audits it, inside the caller's transaction. */
export async function insertTemplate(tx: Tx, actor: WorkspaceActor, values: NewTemplate, action: string, namePath?: (string | number)[]): Promise<string> {
  await assertNameFree(tx, actor.workspaceId, values.name, null, namePath);
  const [row] = await tx
    .insert(scorecardTemplates)
    .values({ ...values, card: storedCard(values.card), workspaceId: actor.workspaceId })
    .returning();
  await recordAudit(tx, actor, { workspaceId: actor.workspaceId, action, entityType: ENTITY, entityId: row.id, after: row });
  return row.id;
}

export async function createTemplate(db: Db, actor: WorkspaceActor, input: z.output<typeof createTemplateInput>): Promise<Template> {
  const id = await db.transaction((tx) => insertTemplate(tx, actor, input, 'scorecard_template.create'));
  return getTemplate(db, actor.workspaceId, id);
}

/** Keys of a card that take targets (every indicator but the manually rated ones). */
export const targetKeys = (card: Scorecard) => new Set(card.indicators.filter((i) => i.rule?.type !== 'manual').map((i) => i.key));

export async function updateTemplate(db: Db, actor: WorkspaceActor, id: string, input: z.output<typeof updateTemplateInput>): Promise<Template> {
  await db.transaction(async (tx) => {
    const before = await findTemplate(tx, actor.workspaceId, id);
    if (input.name !== undefined && input.name !== before.name) await assertNameFree(tx, actor.workspaceId, input.name, id);
    if (input.period !== undefined && input.period !== before.period) await assertPeriodFree(tx, before);
    const changes: Partial<NewTemplate> = { ...input, ...(input.card ? { card: storedCard(input.card) } : {}) };
    const [after] = await tx.update(scorecardTemplates).set({ ...changes, updatedAt: new Date() }).where(eq(scorecardTemplates.id, id)).returning();
    // targets of indicators no longer on the card (or now rated by hand) have nothing to apply to
    let removedTargets = 0;
    if (input.card) {
      const stale = and(eq(periodTargets.templateId, id), notInArray(periodTargets.indicatorKey, [...targetKeys(after.card)]));
      removedTargets = (await tx.delete(periodTargets).where(stale).returning({ id: periodTargets.id })).length;
    }
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

/** A template's period kind is fixed while it is assigned or has period targets (their labels are of that kind). */
async function assertPeriodFree(tx: Tx, template: TemplateRow): Promise<void> {
  const [{ n: assigned }] = await tx.select({ n: count() }).from(templateAssignments).where(eq(templateAssignments.templateId, template.id));
  if (assigned > 0) {
    throw new AppError('conflict', { reason: 'scorecard.period_in_use', count: assigned }, [{ path: ['body', 'period'], code: 'scorecard.period_in_use', params: { count: assigned } }]);
  }
  const [{ n: targets }] = await tx.select({ n: count() }).from(periodTargets).where(eq(periodTargets.templateId, template.id));
  if (targets > 0) {
    throw new AppError('conflict', { reason: 'scorecard.period_has_targets', count: targets }, [{ path: ['body', 'period'], code: 'scorecard.period_has_targets', params: { count: targets } }]);
  }
}

const COPY_SUFFIX: Record<Locale, (name: string, n: number) => string> = {
  'zh-CN': (name, n) => `${name}（副本${n > 1 ? ` ${n}` : ''}）`,
  en: (name, n) => `${name} (copy${n > 1 ? ` ${n}` : ''})`,
};

async function freeCopyName(tx: Tx, workspaceId: string, name: string, locale: Locale): Promise<string> {
  const rows = await tx.select({ name: scorecardTemplates.name }).from(scorecardTemplates).where(eq(scorecardTemplates.workspaceId, workspaceId));
  const used = new Set(rows.map((r) => r.name));
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
export async function setTemplateStatus(db: Db, actor: WorkspaceActor, id: string, status: 'active' | 'archived'): Promise<Template> {
  await db.transaction(async (tx) => {
    const before = await findTemplate(tx, actor.workspaceId, id);
    if (before.status === status) return;
    const released =
      status === 'archived'
        ? await tx
            .delete(templateAssignments)
            .where(eq(templateAssignments.templateId, id))
            .returning({ positionId: templateAssignments.positionId, personId: templateAssignments.personId })
        : [];
    const [after] = await tx.update(scorecardTemplates).set({ status, updatedAt: new Date() }).where(eq(scorecardTemplates.id, id)).returning();
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
