import type { Database, Db, Tx } from '../../db/client.ts';
import { type Actor, recordAudit } from '../audit/index.ts';
import { hashPassword } from '../../crypto.ts';
import { DEMO_TEMPLATE_POSITION } from './demo-appraisal.ts';
import { seedDemoAppraisal } from './demo-appraisal.seed.ts';
import { demoGoals } from './demo-goals.ts';
import { seedDemoPlan } from './demo-goals.seed.ts';
import { ensureSoloDemo } from './demo-solo.seed.ts';
import type { JobSender } from '../../jobs/job-types.ts';
import { ensureDemoMarketing } from './demo-marketing.seed.ts';
import { teamCheckInComments } from './demo-comments.ts';
import { DEMO_NAME, DEMO_PASSWORD, DEMO_SLUG, demoAccounts, demoPeople, demoPositions, demoUnits } from './demo-company.ts';
import {
  findMemberAccountId,
  findPositionIdByName,
  findUserIdByEmail,
  hasAnyPlan,
  hasTemplateOrCycle,
  insertMembershipRow,
  insertPersonRow,
  insertPositionRow,
  insertUnitRow,
  insertUserRow,
  insertWorkspaceRow,
  lockDemoSeed,
  selectPeopleEmails,
  selectUnitNames,
  setUnitLead,
  workspaceIdBySlug,
} from './demo.queries.ts';

/** One lock for both seeds: two first visitors at once create one demo workspace, and one appraisal. */
const DEMO_SEED_LOCK = 7241003;

/**
 * Creates the demo workspace on first use (idempotent) and returns the user id of its
 * administrator account, whom "open the demo workspace" signs in as.
 */
export async function ensureDemoWorkspace(database: Database, jobs: JobSender, ip: string | null): Promise<string> {
  const { db } = database;
  let adminId = await demoAdminId(db);
  // hashed only when an account is to be made (argon2 takes a moment on purpose)
  let hash: string | null = null;
  const passwordHash = async () => (hash ??= await hashPassword(DEMO_PASSWORD));
  if (adminId) {
    await ensureDemoAppraisal(db);
    await ensureDemoGoals(db);
  } else {
    const created = await passwordHash();
    adminId = await db.transaction(async (tx) => {
      await lockDemoSeed(tx, DEMO_SEED_LOCK);
      return (await demoAdminId(tx)) ?? seedDemo(tx, created, ip);
    });
  }
  // the marketing staff's scorecards, filled from the department's imported exports
  await ensureDemoMarketing(database, jobs);
  // the second demo workspace: a solo 微商 seller (domain.md, seed 002)
  await ensureSoloDemo(database, jobs, adminId, passwordHash);
  return adminId;
}

async function demoAdminId(db: Db | Tx): Promise<string | null> {
  const zhou = demoPeople.find((p) => p.key === demoAccounts[0].person)!;
  return (await findMemberAccountId(db, zhou.email, DEMO_SLUG)) ?? null;
}

async function seedDemo(tx: Tx, passwordHash: string, ip: string | null): Promise<string> {
  const actor: Actor = { userId: null, label: 'Kedu demo seed', ip };
  const ws = await insertWorkspaceRow(tx, { slug: DEMO_SLUG, name: DEMO_NAME, kind: 'team', isDemo: true });
  const positionIds = new Map<string, string>();
  for (const p of demoPositions) {
    positionIds.set(p.name, await insertPositionRow(tx, { workspaceId: ws.id, ...p }));
  }
  const unitIds = new Map<string, string>();
  for (const [i, u] of demoUnits.entries()) {
    unitIds.set(u.key, await insertUnitRow(tx, { workspaceId: ws.id, name: u.name, parentId: u.parent ? unitIds.get(u.parent) : null, sortOrder: i }));
  }
  const personIds = new Map<string, string>();
  for (const p of demoPeople) {
    const personId = await insertPersonRow(tx, {
      workspaceId: ws.id,
      name: p.name,
      email: p.email,
      employeeNo: `XC${String(personIds.size + 1).padStart(4, '0')}`,
      unitId: unitIds.get(p.unit),
      positionId: positionIds.get(p.position),
      managerId: p.manager ? personIds.get(p.manager) : null,
      status: p.left ? 'left' : 'active',
      joinedOn: p.joinedOn,
      leftOn: p.left ?? null,
    });
    personIds.set(p.key, personId);
  }
  for (const u of demoUnits) {
    await setUnitLead(tx, unitIds.get(u.key)!, personIds.get(u.lead));
  }
  let adminId = '';
  for (const account of demoAccounts) {
    const person = demoPeople.find((p) => p.key === account.person)!;
    const userId = (await findUserIdByEmail(tx, person.email)) ?? (await insertUserRow(tx, { email: person.email, name: person.name, passwordHash, isDemo: true }));
    await insertMembershipRow(tx, { workspaceId: ws.id, userId, role: account.role, personId: personIds.get(person.key) });
    adminId ||= userId;
  }
  await seedDemoAppraisal(tx, { workspaceId: ws.id, personIds, positionId: positionIds.get(DEMO_TEMPLATE_POSITION)! });
  await seedDemoGoals(tx, ws.id, unitIds, personIds);
  await recordAudit(tx, actor, { workspaceId: ws.id, action: 'workspace.seed_demo', entityType: 'workspace', entityId: ws.id, after: { name: ws.name, people: demoPeople.length } });
  return adminId;
}

/**
 * A demo workspace created by an earlier version has no appraisal yet: add it once, so
 * upgrading shows the sales team appraisal too. "Once" is judged by what visitors cannot
 * undo: any template or cycle at all (a renamed template must not make it seed again).
 */
async function ensureDemoAppraisal(db: Db): Promise<void> {
  const seeded = (q: Db | Tx) => hasTemplateOrCycle(q, DEMO_SLUG);
  if (await seeded(db)) return;
  await db.transaction(async (tx) => {
    await lockDemoSeed(tx, DEMO_SEED_LOCK);
    if (await seeded(tx)) return;
    const ws = await workspaceIdBySlug(tx, DEMO_SLUG);
    const rows = await selectPeopleEmails(tx, ws.id);
    const byEmail = new Map(rows.map((r) => [r.email, r.id]));
    const personIds = new Map(demoPeople.flatMap((p) => (byEmail.has(p.email) ? [[p.key, byEmail.get(p.email)!] as const] : [])));
    const positionId = await findPositionIdByName(tx, ws.id, DEMO_TEMPLATE_POSITION);
    if (!positionId) return;
    await seedDemoAppraisal(tx, { workspaceId: ws.id, personIds, positionId });
  });
}

/** The year's marketing and sales plan of the demo company (demo-goals.ts), placed around today. */
async function seedDemoGoals(tx: Tx, workspaceId: string, units: ReadonlyMap<string, string>, peopleIds: ReadonlyMap<string, string>): Promise<void> {
  await seedDemoPlan(tx, { userId: null, label: 'Kedu demo seed', ip: null, workspaceId }, {
    name: '年度营销与销售计划',
    description: '公司战略分解到市场部、销售部和人力资源部：销售额、粉丝、客户满意度、内容与团队稳定，每月复盘。',
    monthsBefore: 10,
    phaseMonths: [3, 5, 4],
    goals: demoGoals,
    owners: { units, people: peopleIds },
    checkInBy: (g) => {
      const personKey = g.owner.kind === 'person' ? g.owner.person : g.owner.kind === 'unit' ? demoUnits.find((u) => u.key === (g.owner as { unit: string }).unit)?.lead : 'zhou';
      return demoPeople.find((p) => p.key === personKey)?.name ?? '周明远';
    },
    comments: teamCheckInComments,
  });
}

/** A demo workspace made by an earlier version has no plan yet: add it once (any plan at all counts). */
async function ensureDemoGoals(db: Db): Promise<void> {
  const has = (q: Db | Tx) => hasAnyPlan(q, DEMO_SLUG);
  if (await has(db)) return;
  await db.transaction(async (tx) => {
    await lockDemoSeed(tx, DEMO_SEED_LOCK);
    if (await has(tx)) return;
    const ws = await workspaceIdBySlug(tx, DEMO_SLUG);
    const unitRows = await selectUnitNames(tx, ws.id);
    const personRows = await selectPeopleEmails(tx, ws.id);
    const units = new Map(demoUnits.flatMap((u) => unitRows.filter((r) => r.name === u.name).map((r) => [u.key, r.id] as const)));
    const peopleIds = new Map(demoPeople.flatMap((p) => personRows.filter((r) => r.email === p.email).map((r) => [p.key, r.id] as const)));
    // a visitor may have renamed or removed what the plan needs: then it is not added
    const complete = demoGoals.every((g) => g.owner.kind === 'company' || (g.owner.kind === 'unit' ? units.has(g.owner.unit) : peopleIds.has(g.owner.person)));
    if (complete) await seedDemoGoals(tx, ws.id, units, peopleIds);
  });
}
