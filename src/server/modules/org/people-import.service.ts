import { randomUUID } from 'node:crypto';
import type { z } from 'zod';
import type { importResult } from '../../../contracts/org.ts';
import { authorize } from '../../access.ts';
import type { Db, Tx } from '../../db/client.ts';
import { AppError } from '../../errors.ts';
import type { RequestContext, } from '../../http/request-context.ts';
import { type Actor, recordAudit } from '../audit/index.ts';
import type { PersonInsert } from './people.queries.ts';
import { insertPeople, loadImportSnapshot, lockPeopleImport, updatePersonInWorkspace } from './people-import.queries.ts';
import { parsePeopleFile } from './people-import.parse.ts';
import { insertPosition } from './positions.queries.ts';
import { insertUnit, selectUnitRows } from './units.queries.ts';
import { type ImportPlan, type PlannedPerson, validatePeopleImport, type WorkspaceSnapshot } from './people-import.validate.ts';
import { unitsByPath } from './unit-paths.ts';

export type ImportResult = z.infer<typeof importResult>;
export type ImportUpload = { bytes: Uint8Array; filename: string };

/**
 * Imports people from an XLSX or CSV file, all or nothing: every row is checked first and
 * a file with any problem is rejected with all of them (`import_failed`, 422) before a
 * single write. A valid file is applied in one transaction. `dryRun` only checks and counts.
 */
export async function importPeople(db: Db, ctx: RequestContext, upload: ImportUpload, options: { dryRun: boolean }): Promise<ImportResult> {
  const { viewer } = ctx;
  const { ip } = ctx.actor;
  authorize(viewer, 'people.import');
  const table = await parsePeopleFile(upload.bytes, upload.filename);
  if (options.dryRun) return resultOf(planOrThrow(table, await loadImportSnapshot(db, viewer.workspaceId)), true);

  const actor: Actor = { userId: viewer.userId, label: viewer.label, ip };
  try {
    return await db.transaction(async (tx) => {
      // one import per workspace at a time: two would both create the same new units
      await lockPeopleImport(tx, viewer.workspaceId);
      const plan = planOrThrow(table, await loadImportSnapshot(tx, viewer.workspaceId));
      await applyPlan(tx, viewer.workspaceId, actor, plan);
      await recordAudit(tx, actor, {
        workspaceId: viewer.workspaceId,
        action: 'people.import',
        entityType: 'import',
        after: { filename: upload.filename, format: table.format, ...resultOf(plan, false), unchanged: plan.unchanged },
      });
      return resultOf(plan, false);
    });
  } catch (err) {
    // someone added a person with the same email between our check and our insert
    if (isUniqueViolation(err)) throw new AppError('conflict', { reason: 'import.concurrent_change' });
    throw err;
  }
}

function planOrThrow(table: Parameters<typeof validatePeopleImport>[0], snapshot: WorkspaceSnapshot): ImportPlan {
  const result = validatePeopleImport(table, snapshot);
  if (!result.ok) throw new AppError('import_failed', result.params, result.details);
  return result.plan;
}

const resultOf = (plan: ImportPlan, dryRun: boolean): ImportResult => ({
  dryRun,
  created: plan.creates.length,
  updated: plan.updates.length,
  unitsCreated: plan.unitsToCreate.length,
  positionsCreated: plan.positionsToCreate.length,
  rows: plan.rows,
});

async function applyPlan(tx: Tx, workspaceId: string, actor: Actor, plan: ImportPlan): Promise<void> {
  const audit = (action: string, entityType: string, entityId: string, before: unknown, after: unknown) =>
    recordAudit(tx, actor, { workspaceId, action, entityType, entityId, before: before ?? undefined, after });

  // units, parents first: a new unit's parent is either an existing unit or one created just before
  const units = new Map([...unitsByPath(await selectUnitRows(tx, workspaceId))].map(([k, u]) => [k, u.id]));
  for (const path of plan.unitsToCreate) {
    const parentId = path.length > 1 ? units.get(path.slice(0, -1).join('/'))! : null;
    const row = await insertUnit(tx, { workspaceId, name: path[path.length - 1], parentId });
    units.set(path.join('/'), row.id);
    await audit('unit.create', 'unit', row.id, null, row);
  }

  const positionIds = new Map<string, string>();
  for (const name of plan.positionsToCreate) {
    const row = await insertPosition(tx, { workspaceId, name });
    positionIds.set(name, row.id);
    await audit('position.create', 'position', row.id, null, row);
  }

  // ids are chosen here so that rows of the file can name each other as managers in any order
  const newIds = new Map(plan.creates.map((p) => [p, randomUUID()]));
  const idOfEmail = new Map(plan.creates.filter((p) => p.email).map((p) => [p.email!, newIds.get(p)!]));
  const refs = {
    unit: (u: PlannedPerson['unit']) => (u ? ('id' in u ? u.id : units.get(u.path.join('/'))!) : u),
    position: (p: PlannedPerson['position']) => (p ? ('id' in p ? p.id : positionIds.get(p.name)!) : p),
    manager: (m: PlannedPerson['manager']) => (m ? ('id' in m ? m.id : idOfEmail.get(m.email)!) : m),
  };

  for (let i = 0; i < plan.creates.length; i += 500) {
    const chunk = plan.creates.slice(i, i + 500);
    const rows = await insertPeople(
      tx,
      chunk.map((p) => ({
        id: newIds.get(p)!,
        workspaceId,
        name: p.name,
        email: p.email,
        employeeNo: p.employeeNo ?? null,
        unitId: refs.unit(p.unit) ?? null,
        positionId: refs.position(p.position) ?? null,
        managerId: refs.manager(p.manager) ?? null,
        joinedOn: p.joinedOn ?? null,
        status: p.status ?? 'active',
      })),
    );
    for (const row of rows) await audit('person.import_create', 'person', row.id, null, row);
  }

  const today = new Date().toISOString().slice(0, 10);
  for (const p of plan.updates) {
    const patch: Partial<PersonInsert> = { name: p.name, updatedAt: new Date() };
    if (p.employeeNo !== undefined) patch.employeeNo = p.employeeNo;
    if (p.unit !== undefined) patch.unitId = refs.unit(p.unit);
    if (p.position !== undefined) patch.positionId = refs.position(p.position);
    if (p.manager !== undefined) patch.managerId = refs.manager(p.manager);
    if (p.joinedOn !== undefined) patch.joinedOn = p.joinedOn;
    if (p.status && p.status !== p.before.status) {
      patch.status = p.status;
      patch.leftOn = p.status === 'left' ? today : null;
    }
    const after = await updatePersonInWorkspace(tx, workspaceId, p.before.id, patch);
    await audit('person.import_update', 'person', after.id, p.before, after);
  }
}

function isUniqueViolation(err: unknown): boolean {
  for (let e = err as { code?: string; cause?: unknown } | undefined, n = 0; e && n < 5; e = e.cause as typeof e, n++) {
    if (e.code === '23505') return true;
  }
  return false;
}
