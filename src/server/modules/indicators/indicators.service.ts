import { randomUUID } from 'node:crypto';
import type { z } from 'zod';
import type { copyIndicatorInput, createIndicatorInput, Indicator, listIndicatorsQuery, updateIndicatorInput } from '../../../contracts/indicators.ts';
import { checkIndicatorDefinition } from '../../../core/indicators/definition.ts';
import type { IndicatorStatus } from '../../../core/indicators/types.ts';
import type { Db, Tx } from '../../db/client.ts';
import { AppError } from '../../errors.ts';
import { checkVersion } from '../../http/versions.ts';
import type { Locale } from '../../i18n/messages.ts';
import { recordAudit } from '../audit/index.ts';
import type { WorkspaceActor } from '../org/index.ts';
import {
  findIndicator,
  findIndicatorIdByKey,
  findIndicatorIdByName,
  type IndicatorRow,
  indicatorKeysStartingWith,
  indicatorNames,
  indicatorPage,
  insertIndicatorRow,
  type NewIndicatorRow,
  updateIndicatorRow,
} from './indicators.queries.ts';

export function toIndicator(row: IndicatorRow): Indicator {
  const { workspaceId: _ws, createdAt, updatedAt, ...rest } = row;
  return { ...rest, createdAt: createdAt.toISOString(), updatedAt: updatedAt.toISOString() };
}

export async function listIndicators(db: Db, workspaceId: string, query: z.output<typeof listIndicatorsQuery>) {
  const { total, rows } = await indicatorPage(db, workspaceId, query);
  return { items: rows.map(toIndicator), total, page: query.page, pageSize: query.pageSize };
}

export async function getIndicator(db: Db, workspaceId: string, id: string): Promise<Indicator> {
  return toIndicator(await findIndicator(db, workspaceId, id));
}

/** 409 name_taken located at body.name (archived indicators keep their names). */
export async function assertNameFree(tx: Tx, workspaceId: string, name: string, selfId: string | null): Promise<void> {
  const row = await findIndicatorIdByName(tx, workspaceId, name);
  if (row && row.id !== selfId) throw new AppError('name_taken', { name }, [{ path: ['body', 'name'], code: 'field.name_taken', params: { name } }]);
}

export async function assertKeyFree(tx: Tx, workspaceId: string, key: string, selfId: string | null): Promise<void> {
  const row = await findIndicatorIdByKey(tx, workspaceId, key);
  if (row && row.id !== selfId) throw new AppError('conflict', { reason: 'indicator.key_taken', key }, [{ path: ['body', 'key'], code: 'indicator.key_taken', params: { key } }]);
}

/** `base`, or `base_2`, `base_3` … — the first key the workspace does not use yet. */
export async function freeKey(tx: Tx, workspaceId: string, base: string): Promise<string> {
  const used = new Set(await indicatorKeysStartingWith(tx, workspaceId, base));
  if (!used.has(base)) return base;
  for (let n = 2; ; n++) if (!used.has(`${base}_${n}`)) return `${base}_${n}`;
}

const generatedKey = () => `ind_${randomUUID().replace(/-/g, '').slice(0, 10)}`;
const normalFormula = (formula: string | null | undefined) => (formula && formula.trim() !== '' ? formula.trim() : null);

/** Inserts a new indicator and audits it, inside the caller's transaction. */
export async function insertIndicator(tx: Tx, actor: WorkspaceActor, values: NewIndicatorRow, action: string): Promise<string> {
  await assertNameFree(tx, actor.workspaceId, values.name, null);
  const row = await insertIndicatorRow(tx, actor.workspaceId, values);
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

export async function updateIndicator(db: Db, actor: WorkspaceActor, id: string, input: Omit<z.output<typeof updateIndicatorInput>, 'version'>, expected?: number): Promise<Indicator> {
  await db.transaction(async (tx) => {
    const before = await findIndicator(tx, actor.workspaceId, id);
    await checkVersion(tx, 'indicator', id, expected);
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
    const after = await updateIndicatorRow(tx, id, changes);
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
    const source = await findIndicator(tx, actor.workspaceId, id);
    const name = input.name ?? (await freeCopyName(tx, actor.workspaceId, source.name, locale));
    if (input.key) await assertKeyFree(tx, actor.workspaceId, input.key, null);
    const key = input.key ?? (await freeKey(tx, actor.workspaceId, source.key));
    const { id: _id, workspaceId: _ws, createdAt: _c, updatedAt: _u, version: _v, ...values } = source;
    return insertIndicator(tx, actor, { ...values, key, name, status: 'active' }, 'indicator.copy');
  });
  return getIndicator(db, actor.workspaceId, newId);
}

async function freeCopyName(tx: Tx, workspaceId: string, name: string, locale: Locale): Promise<string> {
  const used = new Set(await indicatorNames(tx, workspaceId));
  for (let n = 1; ; n++) if (!used.has(COPY_SUFFIX[locale](name, n))) return COPY_SUFFIX[locale](name, n);
}

/** Archives or restores; a no-op (already in that state) changes and audits nothing. */
export async function setIndicatorStatus(db: Db, actor: WorkspaceActor, id: string, status: IndicatorStatus, expected?: number): Promise<Indicator> {
  await db.transaction(async (tx) => {
    const before = await findIndicator(tx, actor.workspaceId, id);
    await checkVersion(tx, 'indicator', id, expected);
    if (before.status === status) return;
    const after = await updateIndicatorRow(tx, id, { status });
    const action = status === 'archived' ? 'indicator.archive' : 'indicator.restore';
    await recordAudit(tx, actor, { workspaceId: actor.workspaceId, action, entityType: 'indicator', entityId: id, before: { status: before.status }, after: { status: after.status } });
  });
  return getIndicator(db, actor.workspaceId, id);
}
