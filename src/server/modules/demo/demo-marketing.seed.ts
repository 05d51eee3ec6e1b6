import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { and, eq, inArray, sql } from 'drizzle-orm';
import { datasetFromPreview } from '../../../contracts/datasets.ts';
import { BUILTIN_TEMPLATES } from '../../../core/datasets/builtin-templates.ts';
import { parsePeriod, periodsOfYear } from '../../../core/values/periods.ts';
import type { Database, Db, Tx } from '../../db/client.ts';
import { appraisalCycles, cycleParticipants, cycleTermValues, datasets, metricBindings, metrics, people, periodTargets, positions, scorecardTemplates, templateAssignments, workspaces } from '../../db/schema/index.ts';
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

const MARKETING_SEED_LOCK = 7241006;
const ACTION = 'workspace.seed_demo_marketing';
/** A seed that started this long ago without finishing died: the next visitor takes it up again. */
const LEASE_MINUTES = 10;
const CYCLES = ['2026-10', '2026-11'];

type SeedActor = Actor & { workspaceId: string };
type CycleRow = typeof appraisalCycles.$inferSelect;

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
  const [ws] = await db.select({ id: workspaces.id }).from(workspaces).where(and(eq(workspaces.slug, DEMO_SLUG), eq(workspaces.isDemo, true)));
  if (!ws) return;
  const actor: SeedActor = { userId: null, label: 'Kedu demo seed', ip: null, workspaceId: ws.id };
  // another visitor seeding it is waited for, so no one is shown a demo half made; a seed that
  // died (its lease over) is taken over
  for (;;) {
    const stage = await seedStage(db, ws.id);
    if (stage === 'done') return;
    if (stage === null && (await claimSeed(db, actor, ws.id))) break;
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  // imports and metric definitions are transactions of their own, as when a user makes them
  const datasetIds = await importExports(database, jobs, actor);
  await defineMetrics(database, jobs, actor, datasetIds);
  await db.transaction(async (tx) => {
    await tx.execute(sql`select pg_advisory_xact_lock(${MARKETING_SEED_LOCK})`);
    if ((await seedStage(tx, ws.id)) === 'done') return;
    const added = await seedAppraisal(tx, actor);
    await recordAudit(tx, actor, { workspaceId: ws.id, action: ACTION, entityType: 'workspace', entityId: ws.id, after: { stage: 'done', datasets: datasetIds.size, ...added } });
  });
}

/** Claims the seeding for this visitor unless another one has just claimed it. */
async function claimSeed(db: Db, actor: SeedActor, workspaceId: string): Promise<boolean> {
  return db.transaction(async (tx) => {
    await tx.execute(sql`select pg_advisory_xact_lock(${MARKETING_SEED_LOCK})`);
    if ((await seedStage(tx, workspaceId)) !== null) return false;
    await recordAudit(tx, actor, { workspaceId, action: ACTION, entityType: 'workspace', entityId: workspaceId, after: { stage: 'started' } });
    return true;
  });
}

/** done: seeded; running: a seed started within the lease; null: to do. */
async function seedStage(q: Db | Tx, workspaceId: string): Promise<'done' | 'running' | null> {
  // by the entity index: a busy demo's audit log is long, the workspace's own entries are few
  const mine = sql`workspace_id = ${workspaceId} and entity_type = 'workspace' and entity_id = ${workspaceId} and action = ${ACTION}`;
  const { rows } = await q.execute<{ done: boolean; running: boolean }>(sql`
    select exists (select 1 from audit_log where ${mine} and after->>'stage' = 'done') as done,
           exists (select 1 from audit_log where ${mine} and after->>'stage' = 'started' and at > now() - make_interval(mins => ${LEASE_MINUTES})) as running`);
  return rows[0].done ? 'done' : rows[0].running ? 'running' : null;
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
  const there = await database.db.select({ id: datasets.id, name: datasets.name, templateKey: datasets.templateKey }).from(datasets).where(and(eq(datasets.workspaceId, actor.workspaceId), inArray(datasets.name, names)));
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
  const taken = new Set((await db.select({ name: metrics.name }).from(metrics).where(eq(metrics.workspaceId, actor.workspaceId))).map((m) => m.name));
  for (const [key, names] of Object.entries(SUGGESTED) as [MarketingDataset, string[]][]) {
    const datasetId = datasetIds.get(key);
    const fresh = names.filter((n) => !taken.has(n));
    if (datasetId && fresh.length > 0) await applySuggestions(database, jobs, actor, datasetId, fresh);
  }
  for (const m of OWN_METRICS) {
    const datasetId = datasetIds.get(m.dataset);
    if (!datasetId || taken.has(m.name)) continue;
    const metric = await createMetric(db, actor, { name: m.name, datasetId, spec: m.spec });
    const [bound] = await db.select({ term: metricBindings.term }).from(metricBindings).where(and(eq(metricBindings.workspaceId, actor.workspaceId), eq(metricBindings.term, m.name)));
    if (!bound) await setBinding(database, jobs, actor, { term: m.name, metricId: metric.id });
  }
}

/**
 * The two templates (assigned to their positions unless a visitor gave those a monthly template),
 * their targets, and the staff in the demo's October and November cycles.
 */
async function seedAppraisal(tx: Tx, actor: SeedActor): Promise<{ templates: number; added: Record<string, number> }> {
  const { workspaceId } = actor;
  const positionRows = await tx.select({ id: positions.id, name: positions.name }).from(positions).where(and(eq(positions.workspaceId, workspaceId), inArray(positions.name, MARKETING_TEMPLATES.map((t) => t.position))));
  const assigned = new Set((await tx.select({ positionId: templateAssignments.positionId }).from(templateAssignments).where(and(eq(templateAssignments.workspaceId, workspaceId), eq(templateAssignments.period, 'month')))).map((a) => a.positionId));
  const templateIds = new Map<string, string>();
  for (const t of MARKETING_TEMPLATES) {
    const position = positionRows.find((p) => p.name === t.position);
    if (!position || assigned.has(position.id)) continue;
    const [have] = await tx.select({ id: scorecardTemplates.id }).from(scorecardTemplates).where(and(eq(scorecardTemplates.workspaceId, workspaceId), eq(scorecardTemplates.name, t.name)));
    const id = have?.id ?? (await tx.insert(scorecardTemplates).values({ workspaceId, name: t.name, description: t.description, period: 'month', card: t.card }).returning({ id: scorecardTemplates.id }))[0].id;
    await tx.insert(templateAssignments).values({ workspaceId, templateId: id, period: 'month', positionId: position.id });
    templateIds.set(t.name, id);
  }
  if (templateIds.size === 0) return { templates: 0, added: {} };
  await insertTargets(tx, workspaceId, templateIds, positionRows);

  const cycles = await tx.select().from(appraisalCycles).where(and(eq(appraisalCycles.workspaceId, workspaceId), eq(appraisalCycles.periodKind, 'month'), inArray(appraisalCycles.periodLabel, CYCLES)));
  const added: Record<string, number> = {};
  for (const cycle of cycles) {
    if (cycle.state !== 'open' && cycle.state !== 'closed') continue;
    const present = new Set((await tx.select({ personId: cycleParticipants.personId }).from(cycleParticipants).where(eq(cycleParticipants.cycleId, cycle.id))).map((p) => p.personId));
    const mine = new Set(templateIds.values());
    const cards = (await resolveScorecardsForPeriod(tx, workspaceId, parsePeriod(cycle.periodLabel)!)).filter((c) => mine.has(c.templateId) && !present.has(c.personId));
    added[cycle.periodLabel] = cycle.state === 'closed' ? await joinClosedCycle(tx, workspaceId, cycle, cards) : await joinOpenCycle(tx, actor, cycle, cards);
  }
  return { templates: templateIds.size, added };
}

async function insertTargets(tx: Tx, workspaceId: string, templateIds: ReadonlyMap<string, string>, positionRows: { id: string; name: string }[]): Promise<void> {
  const emails = MARKETING_TARGETS.flatMap((t) => ('person' in t.owner ? [t.owner.person] : []));
  const persons = await tx.select({ id: people.id, email: people.email }).from(people).where(and(eq(people.workspaceId, workspaceId), inArray(people.email, emails)));
  // one row per template, owner, indicator and month: a month named on its own wins over 'all'
  const rows = new Map<string, typeof periodTargets.$inferInsert>();
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
  if (rows.size > 0) await tx.insert(periodTargets).values([...rows.values()]).onConflictDoNothing();
}

/** New participants of a cycle, with their scorecard fixed as when a cycle opens or syncs. */
async function insertParticipants(tx: Tx, workspaceId: string, cycle: CycleRow, cards: readonly PersonScorecard[]): Promise<string[]> {
  if (cards.length === 0) return [];
  const rows = await tx
    .insert(cycleParticipants)
    .values(cards.map((c) => ({ workspaceId, cycleId: cycle.id, personId: c.personId, unitId: c.unitId, templateId: c.templateId, templateName: c.templateName, card: { ...c.card, name: c.templateName, period: cycle.periodLabel } })))
    .onConflictDoNothing()
    .returning({ id: cycleParticipants.id });
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
    await tx.insert(cycleTermValues).values(planned.map((p) => ({ participantId: p.participantId, term: p.term, value: p.value!, source: 'metric' as const, lineage: { ...p.lineage, computedAt: closedAt.toISOString() }, updatedBy: null, updatedAt: closedAt })));
  }
  await recomputeParticipants(tx, cycle.id, ids);
  const rows = await tx.select().from(cycleParticipants).where(inArray(cycleParticipants.id, ids));
  const inputs = await loadInputs(tx, rows);
  for (const row of rows) {
    await tx.update(cycleParticipants).set({ frozenResult: scoreParticipant(inputs.get(row.id)!), computedAt: closedAt }).where(eq(cycleParticipants.id, row.id));
  }
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
