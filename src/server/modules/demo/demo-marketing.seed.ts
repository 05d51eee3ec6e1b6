import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { datasetFromPreview } from '../../../contracts/datasets.ts';
import { BUILTIN_TEMPLATES } from '../../../core/datasets/builtin-templates.ts';
import { parsePeriod, periodsOfYear } from '../../../core/values/periods.ts';
import type { Database, Db, Tx } from '../../db/client.ts';
import { type Actor, recordAudit } from '../audit/index.ts';
import { scoreParticipant } from '../cycles/index.ts';
import { loadInputs, recomputeParticipants } from '../cycles/index.ts';
import { previewFile } from '../datasets/index.ts';
import { importFile } from '../datasets/index.ts';
import { today } from '../goals/index.ts';
import { loadBindings } from '../metrics/index.ts';
import { planCycleValues, refreshActualsFromData } from '../cycles/index.ts';
import type { JobSender } from '../../jobs/job-types.ts';
import { createMetric, setBinding } from '../metrics/index.ts';
import { applySuggestions } from '../metrics/index.ts';
import { type PersonScorecard, resolveScorecardsForPeriod } from '../scorecards/index.ts';
import { DEMO_SLUG } from './demo-company.ts';
import { MARKETING_DATASETS, MARKETING_TARGETS, MARKETING_TEMPLATES, type MarketingDataset, OWN_METRICS, SUGGESTED } from './demo-marketing.ts';
import { marketingFiles, marketingSpan } from './demo-marketing.files.ts';
import { csvText } from './demo-solo.ts';
import {
  insertAssignmentRow,
  insertParticipantRowsSkippingPresent,
  insertPeriodTargetRowsSkippingSet,
  insertTemplateRow,
  insertTermValueRows,
  type PeriodTargetInsert,
  selectParticipantPersonIds,
  selectParticipantRowsById,
  setFrozenResult,
} from './demo-appraisal.queries.ts';
import {
  type CycleRow,
  findDemoWorkspaceId,
  findTemplateIdByName,
  isTermBound,
  readSeedClaims,
  selectDatasetsNamed,
  selectMetricNames,
  selectMonthlyAssignedPositionIds,
  selectMonthlyCycles,
  selectPeopleByEmails,
  selectPositionsNamed,
} from './demo-marketing.queries.ts';
import { lockDemoSeed } from './demo.queries.ts';

const MARKETING_SEED_LOCK = 7241006;
const ACTION = 'workspace.seed_demo_marketing';
/** A seed that started this long ago without finishing died: the next visitor takes it up again. */
const LEASE_MINUTES = 10;
const CYCLES = ['2026-10', '2026-11'];

type SeedActor = Actor & { workspaceId: string };

/**
 * The team demo's marketing staff get their monthly scorecards filled from data (demo-marketing.ts):
 * the department's four exports are imported as a user would (the built-in templates recognise
 * them), the metrics defined and bound, and the 内容运营 / 新媒体运营 join the demo's October
 * (closed: frozen with the values the data gives) and November (open: refreshed from the bindings)
 * cycles. Once per demo workspace, also for one made by an earlier version; never a real one.
 * One visitor seeds at a time (a claim taken under an advisory lock, written to the audit log)
 * while the others wait for it; every step skips what is there, so a seed that died is finished
 * by a visitor once its lease is over.
 */
export async function ensureDemoMarketing(database: Database, jobs: JobSender): Promise<void> {
  const { db } = database;
  const workspaceId = await findDemoWorkspaceId(db, DEMO_SLUG);
  if (!workspaceId) return;
  const actor: SeedActor = { userId: null, label: 'Kedu demo seed', ip: null, workspaceId };
  // another visitor seeding it is waited for, so no one is shown a demo half made; a seed that
  // died (its lease over) is taken over
  for (;;) {
    const stage = await seedStage(db, workspaceId);
    if (stage === 'done') return;
    if (stage === null && (await claimSeed(db, actor, workspaceId))) break;
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  // imports and metric definitions are transactions of their own, as when a user makes them
  const datasetIds = await importExports(database, jobs, actor);
  await defineMetrics(database, jobs, actor, datasetIds);
  await db.transaction(async (tx) => {
    await lockDemoSeed(tx, MARKETING_SEED_LOCK);
    if ((await seedStage(tx, workspaceId)) === 'done') return;
    const added = await seedAppraisal(tx, actor);
    await recordAudit(tx, actor, { workspaceId, action: ACTION, entityType: 'workspace', entityId: workspaceId, after: { stage: 'done', datasets: datasetIds.size, ...added } });
  });
}

/** Claims the seeding for this visitor unless another one has just claimed it. */
async function claimSeed(db: Db, actor: SeedActor, workspaceId: string): Promise<boolean> {
  return db.transaction(async (tx) => {
    await lockDemoSeed(tx, MARKETING_SEED_LOCK);
    if ((await seedStage(tx, workspaceId)) !== null) return false;
    await recordAudit(tx, actor, { workspaceId, action: ACTION, entityType: 'workspace', entityId: workspaceId, after: { stage: 'started' } });
    return true;
  });
}

/** done: seeded; running: a seed started within the lease; null: to do. */
async function seedStage(q: Db | Tx, workspaceId: string): Promise<'done' | 'running' | null> {
  const claims = await readSeedClaims(q, workspaceId, ACTION, LEASE_MINUTES);
  return claims.done ? 'done' : claims.running ? 'running' : null;
}

/** The four exports as files, each recognised by its built-in template and imported as a new dataset. */
async function importExports(database: Database, jobs: JobSender, actor: SeedActor): Promise<Map<MarketingDataset, string>> {
  const { from, to } = marketingSpan(today());
  const ids = new Map<MarketingDataset, string>();
  // a clock set before the demo's months: nothing to import
  if (to < from) return ids;
  const files: Record<MarketingDataset, string[][]> = marketingFiles(from, to);
  const keys = Object.keys(MARKETING_DATASETS) as MarketingDataset[];
  const names = keys.map((k) => MARKETING_DATASETS[k].name);
  const there = await selectDatasetsNamed(database.db, actor.workspaceId, names);
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'kedu-demo-marketing-'));
  try {
    for (const key of keys) {
      const { name, file, template } = MARKETING_DATASETS[key];
      const found = there.find((d) => d.name === name);
      // a dataset a visitor made under that name is left alone (and its metrics are not made)
      if (found) {
        if (found.templateKey === template) ids.set(key, found.id);
        continue;
      }
      const filePath = path.join(dir, file);
      fs.writeFileSync(filePath, csvText(files[key]));
      const preview = await previewFile({ path: filePath, fileName: file }, BUILTIN_TEMPLATES, 'zh-CN');
      if (preview.template?.key !== template) throw new Error(`demo: ${file} was read as ${preview.template?.key ?? 'no template'}, not ${template}`);
      const result = await importFile(database, { workspaceId: actor.workspaceId, actor, jobs }, { create: datasetFromPreview(name, preview) }, { path: filePath, fileName: file, replace: false });
      ids.set(key, result.dataset.id);
    }
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
  return ids;
}

/** The library's suggested metrics (as the dataset page creates them) and the demo's own, each bound to its term. */
async function defineMetrics(database: Database, jobs: JobSender, actor: SeedActor, datasetIds: ReadonlyMap<MarketingDataset, string>): Promise<void> {
  const { db } = database;
  const taken = new Set(await selectMetricNames(db, actor.workspaceId));
  for (const [key, names] of Object.entries(SUGGESTED) as [MarketingDataset, string[]][]) {
    const datasetId = datasetIds.get(key);
    const fresh = names.filter((n) => !taken.has(n));
    if (datasetId && fresh.length > 0) await applySuggestions(database, jobs, actor, datasetId, fresh);
  }
  for (const m of OWN_METRICS) {
    const datasetId = datasetIds.get(m.dataset);
    if (!datasetId || taken.has(m.name)) continue;
    const metric = await createMetric(db, actor, { name: m.name, datasetId, spec: m.spec });
    if (!(await isTermBound(db, actor.workspaceId, m.name))) await setBinding(database, jobs, actor, { term: m.name, metricId: metric.id });
  }
}

/**
 * The two templates (assigned to their positions unless a visitor gave those a monthly template),
 * their targets, and the staff in the demo's October and November cycles.
 */
async function seedAppraisal(tx: Tx, actor: SeedActor): Promise<{ templates: number; added: Record<string, number> }> {
  const { workspaceId } = actor;
  const positionRows = await selectPositionsNamed(tx, workspaceId, MARKETING_TEMPLATES.map((t) => t.position));
  const assigned = new Set(await selectMonthlyAssignedPositionIds(tx, workspaceId));
  const templateIds = new Map<string, string>();
  for (const t of MARKETING_TEMPLATES) {
    const position = positionRows.find((p) => p.name === t.position);
    if (!position || assigned.has(position.id)) continue;
    const id = (await findTemplateIdByName(tx, workspaceId, t.name)) ?? (await insertTemplateRow(tx, { workspaceId, name: t.name, description: t.description, period: 'month', card: t.card }));
    await insertAssignmentRow(tx, { workspaceId, templateId: id, period: 'month', positionId: position.id });
    templateIds.set(t.name, id);
  }
  if (templateIds.size === 0) return { templates: 0, added: {} };
  await insertTargets(tx, workspaceId, templateIds, positionRows);

  const cycles = await selectMonthlyCycles(tx, workspaceId, CYCLES);
  const added: Record<string, number> = {};
  for (const cycle of cycles) {
    if (cycle.state !== 'open' && cycle.state !== 'closed') continue;
    const present = new Set((await selectParticipantPersonIds(tx, cycle.id)).map((p) => p.personId));
    const mine = new Set(templateIds.values());
    const cards = (await resolveScorecardsForPeriod(tx, workspaceId, parsePeriod(cycle.periodLabel)!)).filter((c) => mine.has(c.templateId) && !present.has(c.personId));
    added[cycle.periodLabel] = cycle.state === 'closed' ? await joinClosedCycle(tx, workspaceId, cycle, cards) : await joinOpenCycle(tx, actor, cycle, cards);
  }
  return { templates: templateIds.size, added };
}

async function insertTargets(tx: Tx, workspaceId: string, templateIds: ReadonlyMap<string, string>, positionRows: { id: string; name: string }[]): Promise<void> {
  const emails = MARKETING_TARGETS.flatMap((t) => ('person' in t.owner ? [t.owner.person] : []));
  const persons = await selectPeopleByEmails(tx, workspaceId, emails);
  // one row per template, owner, indicator and month: a month named on its own wins over 'all'
  const rows = new Map<string, PeriodTargetInsert>();
  for (const t of [...MARKETING_TARGETS].sort((a, b) => (a.months === 'all' ? 0 : 1) - (b.months === 'all' ? 0 : 1))) {
    const templateId = templateIds.get(t.template);
    const owner = t.owner;
    const ownerKind = 'person' in owner ? ('person' as const) : ('position' as const);
    const ownerId = 'person' in owner ? persons.find((p) => p.email === owner.person)?.id : positionRows.find((p) => p.name === owner.position)?.id;
    if (!templateId || !ownerId) continue;
    for (const periodLabel of t.months === 'all' ? periodsOfYear(2026, 'month') : [t.months]) {
      rows.set([templateId, ownerKind, ownerId, t.key, periodLabel].join('|'), { workspaceId, templateId, ownerKind, ownerId, indicatorKey: t.key, periodLabel, value: t.value });
    }
  }
  if (rows.size > 0) await insertPeriodTargetRowsSkippingSet(tx, [...rows.values()]);
}

/** New participants of a cycle, with their scorecard fixed as when a cycle opens or syncs. */
async function insertParticipants(tx: Tx, workspaceId: string, cycle: CycleRow, cards: readonly PersonScorecard[]): Promise<string[]> {
  if (cards.length === 0) return [];
  const rows = await insertParticipantRowsSkippingPresent(
    tx,
    cards.map((c) => ({ workspaceId, cycleId: cycle.id, personId: c.personId, unitId: c.unitId, templateId: c.templateId, templateName: c.templateName, card: { ...c.card, name: c.templateName, period: cycle.periodLabel } })),
  );
  return rows.map((r) => r.id);
}

/**
 * A closed cycle keeps the values it was closed with: the marketing staff join it with the values
 * their metrics give for its month — lineage and all, as taken when it closed — and frozen results.
 */
async function joinClosedCycle(tx: Tx, workspaceId: string, cycle: CycleRow, cards: readonly PersonScorecard[]): Promise<number> {
  const ids = await insertParticipants(tx, workspaceId, cycle, cards);
  if (ids.length === 0) return 0;
  const closedAt = cycle.closedAt ?? new Date();
  const mine = new Set(ids);
  const planned = (await planCycleValues(tx, workspaceId, cycle, await loadBindings(tx, workspaceId, null))).filter((p) => mine.has(p.participantId) && p.value !== null && Number.isFinite(p.value));
  if (planned.length > 0) {
    await insertTermValueRows(tx, planned.map((p) => ({ participantId: p.participantId, term: p.term, value: p.value!, source: 'metric' as const, lineage: { ...p.lineage, computedAt: closedAt.toISOString() }, updatedBy: null, updatedAt: closedAt })));
  }
  await recomputeParticipants(tx, cycle.id, ids);
  const rows = await selectParticipantRowsById(tx, ids);
  const inputs = await loadInputs(tx, rows);
  for (const row of rows) await setFrozenResult(tx, row.id, scoreParticipant(inputs.get(row.id)!), closedAt);
  return ids.length;
}

/** An open cycle takes them in as a sync does, and their actuals from the bound metrics at once. */
async function joinOpenCycle(tx: Tx, actor: SeedActor, cycle: CycleRow, cards: readonly PersonScorecard[]): Promise<number> {
  const ids = await insertParticipants(tx, actor.workspaceId, cycle, cards);
  if (ids.length === 0) return 0;
  await recomputeParticipants(tx, cycle.id, ids);
  await refreshActualsFromData(tx, actor.workspaceId, { cycleId: cycle.id });
  const added = cards.map((c) => ({ personId: c.personId, personName: c.personName }));
  await recordAudit(tx, actor, { workspaceId: actor.workspaceId, action: 'cycle.sync', entityType: 'cycle', entityId: cycle.id, after: { added } });
  return ids.length;
}
