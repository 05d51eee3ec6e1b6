import { randomUUID } from 'node:crypto';
import { and, asc, count, eq, ilike, or, type SQL } from 'drizzle-orm';
import type { z } from 'zod';
import type { copyIndicatorInput, createIndicatorInput, Indicator, listIndicatorsQuery, updateIndicatorInput } from '../../../contracts/indicators.ts';
import { checkIndicatorDefinition } from '../../../core/indicators/definition.ts';
import type { IndicatorStatus } from '../../../core/indicators/types.ts';
import type { Db, Tx } from '../../db/client.ts';
import { indicators } from '../../db/schema/index.ts';
import { AppError, notFound } from '../../errors.ts';
import type { Locale } from '../../i18n/messages.ts';
import { escapeLike } from '../../db/like.ts';
import { recordAudit } from '../audit/index.ts';
import type { WorkspaceActor } from '../org/index.ts';

type Row = typeof indicators.$inferSelect;
type NewRow = Omit<typeof indicators.$inferInsert, 'id' | 'workspaceId' | 'createdAt' | 'updatedAt'>;

export function toIndicator(row: Row): Indicator {
  const { workspaceId: _ws, createdAt, updatedAt, ...rest } = row;
  return { ...rest, createdAt: createdAt.toISOString(), updatedAt: updatedAt.toISOString() };
}

export async function listIndicators(db: Db, workspaceId: string, query: z.output<typeof listIndicatorsQuery>) {
  const where: SQL[] = [eq(indicators.workspaceId, workspaceId)];
  if (query.status !== 'all') where.push(eq(indicators.status, query.status));
  if (query.perspective) where.push(eq(indicators.perspective, query.perspective));
  if (query.kind) where.push(eq(indicators.kind, query.kind));
  if (query.nature) where.push(eq(indicators.nature, query.nature));
  if (query.q) {
    const like = `%${escapeLike(query.q)}%`;
    where.push(or(ilike(indicators.name, like), ilike(indicators.nameEn, like), ilike(indicators.purpose, like), ilike(indicators.key, like))!);
  }
  const filter = and(...where);
  const [{ total }] = await db.select({ total: count() }).from(indicators).where(filter);
  const rows = await db
    .select()
    .from(indicators)
    .where(filter)
    .orderBy(asc(indicators.name), asc(indicators.id))
    .limit(query.pageSize)
    .offset((query.page - 1) * query.pageSize);
  return { items: rows.map(toIndicator), total, page: query.page, pageSize: query.pageSize };
}

async function findRow(tx: Tx | Db, workspaceId: string, id: string): Promise<Row> {
  const [row] = await tx.select().from(indicators).where(and(eq(indicators.workspaceId, workspaceId), eq(indicators.id, id)));
  if (!row) throw notFound('indicator');
  return row;
}

export async function getIndicator(db: Db, workspaceId: string, id: string): Promise<Indicator> {
  return toIndicator(await findRow(db, workspaceId, id));
}

/** 409 name_taken located at body.name (archived indicators keep their names). */
export async function assertNameFree(tx: Tx, workspaceId: string, name: string, selfId: string | null): Promise<void> {
  const [row] = await tx.select({ id: indicators.id }).from(indicators).where(and(eq(indicators.workspaceId, workspaceId), eq(indicators.name, name)));
  if (row && row.id !== selfId) throw new AppError('name_taken', { name }, [{ path: ['body', 'name'], code: 'field.name_taken', params: { name } }]);
}

export async function assertKeyFree(tx: Tx, workspaceId: string, key: string, selfId: string | null): Promise<void> {
  const [row] = await tx.select({ id: indicators.id }).from(indicators).where(and(eq(indicators.workspaceId, workspaceId), eq(indicators.key, key)));
  if (row && row.id !== selfId) throw new AppError('conflict', { reason: 'indicator.key_taken', key }, [{ path: ['body', 'key'], code: 'indicator.key_taken', params: { key } }]);
}

/** `base`, or `base_2`, `base_3` … — the first key the workspace does not use yet. */
export async function freeKey(tx: Tx, workspaceId: string, base: string): Promise<string> {
  const rows = await tx.select({ key: indicators.key }).from(indicators).where(and(eq(indicators.workspaceId, workspaceId), ilike(indicators.key, `${escapeLike(base)}%`)));
  const used = new Set(rows.map((r) => r.key));
  if (!used.has(base)) return base;
  for (let n = 2; ; n++) if (!used.has(`${base}_${n}`)) return `${base}_${n}`;
}

const generatedKey = () => `ind_${randomUUID().replace(/-/g, '').slice(0, 10)}`;
const normalFormula = (formula: string | null | undefined) => (formula && formula.trim() !== '' ? formula.trim() : null);

/** Inserts a new indicator and audits it, inside the caller's transaction. */
export async function insertIndicator(tx: Tx, actor: WorkspaceActor, values: NewRow, action: string): Promise<string> {
  await assertNameFree(tx, actor.workspaceId, values.name, null);
  const [row] = await tx.insert(indicators).values({ ...values, workspaceId: actor.workspaceId }).returning();
  await recordAudit(tx, actor, { workspaceId: actor.workspaceId, action, entityType: 'indicator', entityId: row.id, after: row });
  return row.id;
}

export async function createIndicator(db: Db, actor: WorkspaceActor, input: z.output<typeof createIndicatorInput>): Promise<Indicator> {
  const id = await db.transaction(async (tx) => {
    const { key, formula, nameEn, ...rest } = input;
    if (key) await assertKeyFree(tx, actor.workspaceId, key, null);
    return insertIndicator(tx, actor, { ...rest, key: key ?? generatedKey(), nameEn: nameEn ?? null, formula: normalFormula(formula), sourceBuiltinKey: null }, 'indicator.create');
  });
  return getIndicator(db, actor.workspaceId, id);
}

export async function updateIndicator(db: Db, actor: WorkspaceActor, id: string, input: z.output<typeof updateIndicatorInput>): Promise<Indicator> {
  await db.transaction(async (tx) => {
    const before = await findRow(tx, actor.workspaceId, id);
    if (input.name !== undefined && input.name !== before.name) await assertNameFree(tx, actor.workspaceId, input.name, id);
    if (input.key !== undefined && input.key !== before.key) await assertKeyFree(tx, actor.workspaceId, input.key, id);
    const changes = { ...input, ...(input.formula !== undefined ? { formula: normalFormula(input.formula) } : {}) };
    if (input.formula !== undefined || input.terms !== undefined) {
      // one half may come from the request and the other from the stored indicator
      const formula = input.formula !== undefined ? changes.formula : before.formula;
      const terms = input.terms ?? before.terms;
      const problems = checkIndicatorDefinition(formula, terms).problems;
      if (problems.length > 0) {
        const details = problems.map((p) => ({ path: ['body', ...p.path], code: p.code, params: p.params, ...(p.start === undefined ? {} : { start: p.start, end: p.end }) }));
        throw new AppError('validation_failed', { count: details.length }, details);
      }
    }
    const [after] = await tx.update(indicators).set({ ...changes, updatedAt: new Date() }).where(eq(indicators.id, id)).returning();
    await recordAudit(tx, actor, { workspaceId: actor.workspaceId, action: 'indicator.update', entityType: 'indicator', entityId: id, before, after });
  });
  return getIndicator(db, actor.workspaceId, id);
}

const COPY_SUFFIX: Record<Locale, (name: string, n: number) => string> = {
  'zh-CN': (name, n) => `${name}（副本${n > 1 ? ` ${n}` : ''}）`,
  en: (name, n) => `${name} (copy${n > 1 ? ` ${n}` : ''})`,
};

/** Copies an indicator of the workspace under a new key and name ("… (copy)" unless given). */
export async function copyIndicator(db: Db, actor: WorkspaceActor, id: string, input: z.output<typeof copyIndicatorInput>, locale: Locale): Promise<Indicator> {
  const newId = await db.transaction(async (tx) => {
    const source = await findRow(tx, actor.workspaceId, id);
    const name = input.name ?? (await freeCopyName(tx, actor.workspaceId, source.name, locale));
    if (input.key) await assertKeyFree(tx, actor.workspaceId, input.key, null);
    const key = input.key ?? (await freeKey(tx, actor.workspaceId, source.key));
    const { id: _id, workspaceId: _ws, createdAt: _c, updatedAt: _u, ...values } = source;
    return insertIndicator(tx, actor, { ...values, key, name, status: 'active' }, 'indicator.copy');
  });
  return getIndicator(db, actor.workspaceId, newId);
}

async function freeCopyName(tx: Tx, workspaceId: string, name: string, locale: Locale): Promise<string> {
  const rows = await tx.select({ name: indicators.name }).from(indicators).where(eq(indicators.workspaceId, workspaceId));
  const used = new Set(rows.map((r) => r.name));
  for (let n = 1; ; n++) if (!used.has(COPY_SUFFIX[locale](name, n))) return COPY_SUFFIX[locale](name, n);
}

/** Archives or restores; a no-op (already in that state) changes and audits nothing. */
export async function setIndicatorStatus(db: Db, actor: WorkspaceActor, id: string, status: IndicatorStatus): Promise<Indicator> {
  await db.transaction(async (tx) => {
    const before = await findRow(tx, actor.workspaceId, id);
    if (before.status === status) return;
    const [after] = await tx.update(indicators).set({ status, updatedAt: new Date() }).where(eq(indicators.id, id)).returning();
    const action = status === 'archived' ? 'indicator.archive' : 'indicator.restore';
    await recordAudit(tx, actor, { workspaceId: actor.workspaceId, action, entityType: 'indicator', entityId: id, before: { status: before.status }, after: { status: after.status } });
  });
  return getIndicator(db, actor.workspaceId, id);
}
