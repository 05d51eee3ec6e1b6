import { eq, sql } from 'drizzle-orm';
import type { Database, Db, Tx } from '../../db/client.ts';
import { memberships, orgUnits, people, plans, positions, users, workspaces } from '../../db/schema/index.ts';
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
      await tx.execute(sql`select pg_advisory_xact_lock(${DEMO_SEED_LOCK})`);
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
  const [row] = await db
    .select({ id: users.id })
    .from(users)
    .innerJoin(memberships, eq(memberships.userId, users.id))
    .innerJoin(workspaces, eq(workspaces.id, memberships.workspaceId))
    .where(sql`${users.email} = ${zhou.email} and ${workspaces.slug} = ${DEMO_SLUG}`);
  return row?.id ?? null;
}

async function seedDemo(tx: Tx, passwordHash: string, ip: string | null): Promise<string> {
  const actor: Actor = { userId: null, label: 'Kedu demo seed', ip };
  const [ws] = await tx.insert(workspaces).values({ slug: DEMO_SLUG, name: DEMO_NAME, kind: 'team', isDemo: true }).returning();
  const positionIds = new Map<string, string>();
  for (const p of demoPositions) {
    const [row] = await tx.insert(positions).values({ workspaceId: ws.id, ...p }).returning({ id: positions.id });
    positionIds.set(p.name, row.id);
  }
  const unitIds = new Map<string, string>();
  for (const [i, u] of demoUnits.entries()) {
    const [row] = await tx
      .insert(orgUnits)
      .values({ workspaceId: ws.id, name: u.name, parentId: u.parent ? unitIds.get(u.parent) : null, sortOrder: i })
      .returning({ id: orgUnits.id });
    unitIds.set(u.key, row.id);
  }
  const personIds = new Map<string, string>();
  for (const p of demoPeople) {
    const [row] = await tx
      .insert(people)
      .values({
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
      })
      .returning({ id: people.id });
    personIds.set(p.key, row.id);
  }
  for (const u of demoUnits) {
    await tx.update(orgUnits).set({ leadPersonId: personIds.get(u.lead) }).where(eq(orgUnits.id, unitIds.get(u.key)!));
  }
  let adminId = '';
  for (const account of demoAccounts) {
    const person = demoPeople.find((p) => p.key === account.person)!;
    const [existing] = await tx.select({ id: users.id }).from(users).where(eq(users.email, person.email));
    const userId =
      existing?.id ?? (await tx.insert(users).values({ email: person.email, name: person.name, passwordHash, isDemo: true }).returning({ id: users.id }))[0].id;
    await tx.insert(memberships).values({ workspaceId: ws.id, userId, role: account.role, personId: personIds.get(person.key) });
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
  const seeded = async (q: Db | Tx) => {
    const { rows } = await q.execute<{ seeded: boolean }>(sql`
      select exists (select 1 from scorecard_templates t join workspaces w on w.id = t.workspace_id where w.slug = ${DEMO_SLUG})
          or exists (select 1 from appraisal_cycles c join workspaces w on w.id = c.workspace_id where w.slug = ${DEMO_SLUG}) as seeded`);
    return rows[0].seeded;
  };
  if (await seeded(db)) return;
  await db.transaction(async (tx) => {
    await tx.execute(sql`select pg_advisory_xact_lock(${DEMO_SEED_LOCK})`);
    if (await seeded(tx)) return;
    const [ws] = await tx.select({ id: workspaces.id }).from(workspaces).where(eq(workspaces.slug, DEMO_SLUG));
    const rows = await tx.select({ id: people.id, email: people.email }).from(people).where(eq(people.workspaceId, ws.id));
    const byEmail = new Map(rows.map((r) => [r.email, r.id]));
    const personIds = new Map(demoPeople.flatMap((p) => (byEmail.has(p.email) ? [[p.key, byEmail.get(p.email)!] as const] : [])));
    const [position] = await tx
      .select({ id: positions.id })
      .from(positions)
      .where(sql`${positions.workspaceId} = ${ws.id} and ${positions.name} = ${DEMO_TEMPLATE_POSITION}`);
    if (!position) return;
    await seedDemoAppraisal(tx, { workspaceId: ws.id, personIds, positionId: position.id });
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
  const has = async (q: Db | Tx) => (await q.select({ id: plans.id }).from(plans).innerJoin(workspaces, eq(workspaces.id, plans.workspaceId)).where(eq(workspaces.slug, DEMO_SLUG)).limit(1)).length > 0;
  if (await has(db)) return;
  await db.transaction(async (tx) => {
    await tx.execute(sql`select pg_advisory_xact_lock(${DEMO_SEED_LOCK})`);
    if (await has(tx)) return;
    const [ws] = await tx.select({ id: workspaces.id }).from(workspaces).where(eq(workspaces.slug, DEMO_SLUG));
    const unitRows = await tx.select({ id: orgUnits.id, name: orgUnits.name }).from(orgUnits).where(eq(orgUnits.workspaceId, ws.id));
    const personRows = await tx.select({ id: people.id, email: people.email }).from(people).where(eq(people.workspaceId, ws.id));
    const units = new Map(demoUnits.flatMap((u) => unitRows.filter((r) => r.name === u.name).map((r) => [u.key, r.id] as const)));
    const peopleIds = new Map(demoPeople.flatMap((p) => personRows.filter((r) => r.email === p.email).map((r) => [p.key, r.id] as const)));
    // a visitor may have renamed or removed what the plan needs: then it is not added
    const complete = demoGoals.every((g) => g.owner.kind === 'company' || (g.owner.kind === 'unit' ? units.has(g.owner.unit) : peopleIds.has(g.owner.person)));
    if (complete) await seedDemoGoals(tx, ws.id, units, peopleIds);
  });
}
