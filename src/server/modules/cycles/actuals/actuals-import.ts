import type { ActualsImportResult } from '../../../../contracts/cycle-results.ts';
import type { Db } from '../../../db/client.ts';
import { AppError } from '../../../errors.ts';
import type { RequestContext, } from '../../../http/request-context.ts';
import { recordAudit } from '../../audit/index.ts';
import { type ActualsUpload, planImport, readActualsFile } from './actuals-plan.ts';
import { loadCandidates, setNotApplicableMany, termValuesOf, upsertTermValues } from './actuals.queries.ts';
import { loadCycle } from '../lifecycle/cycle-access.ts';
import { assertCycleAllows } from '../lifecycle/cycle-guard.ts';
import { recomputeParticipants } from '../lifecycle/recompute.ts';
import { actorOf, requireManagerOrAdmin } from '../results/results-common.ts';

/**
 * Writes an actuals upload (domain.md §4): the file is read and checked whole by actuals-plan.ts,
 * then, only when it has no problem, its values and not-applicable marks are written, the
 * participants scored again and the import audited — all in one transaction.
 */
export async function importActuals(db: Db, ctx: RequestContext, cycleId: string, upload: ActualsUpload): Promise<ActualsImportResult> {
  const { viewer } = ctx;
  const { ip } = ctx.actor;
  requireManagerOrAdmin(viewer);
  // the cycle and its state first: no point reading a file for a cycle that takes none
  assertCycleAllows(await loadCycle(db, viewer.workspaceId, cycleId), 'enter_actuals');
  const table = await readActualsFile(upload);
  return db.transaction(async (tx) => {
    const cycle = await loadCycle(tx, viewer.workspaceId, cycleId, true);
    assertCycleAllows(cycle, 'enter_actuals');
    const plan = planImport(viewer, table, await loadCandidates(tx, viewer.workspaceId, cycleId));
    if (!plan.ok) throw new AppError('import_failed', plan.params, plan.errors);

    const ids = [...new Set([...plan.values.map((v) => v.participantId), ...plan.notApplicable.keys()])];
    const before = await termValuesOf(tx, ids);
    const now = new Date();
    for (let i = 0; i < plan.values.length; i += 1000) {
      await upsertTermValues(tx, plan.values.slice(i, i + 1000).map((v) => ({ ...v, source: 'upload' as const, updatedBy: viewer.userId, updatedAt: now })));
    }
    if (plan.notApplicable.size > 0) {
      const naIds = [...plan.notApplicable.keys()];
      const lists = naIds.map((id) => JSON.stringify(plan.notApplicable.get(id)!.after));
      await setNotApplicableMany(tx, naIds, lists);
    }
    await recomputeParticipants(tx, cycleId, ids);
    const result: ActualsImportResult = {
      rows: table.rows.length,
      participants: ids.length,
      values: plan.values.length,
      notApplicable: [...plan.notApplicable.values()].reduce((n, na) => n + na.after.length - na.before.length, 0),
    };
    const written = new Set(plan.values.map((v) => `${v.participantId}\u0000${v.term}`));
    await recordAudit(tx, actorOf(viewer, ip), {
      workspaceId: viewer.workspaceId,
      action: 'cycle.actuals_import',
      entityType: 'cycle',
      entityId: cycleId,
      before: {
        values: before.filter((v) => written.has(`${v.participantId}\u0000${v.term}`)),
        notApplicable: Object.fromEntries([...plan.notApplicable].map(([id, na]) => [id, na.before])),
      },
      after: {
        filename: upload.filename,
        format: table.format,
        ...result,
        values: plan.values,
        notApplicable: Object.fromEntries([...plan.notApplicable].map(([id, na]) => [id, na.after])),
      },
    });
    return result;
  });
}
