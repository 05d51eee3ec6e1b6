/**
 * `kedu demo --size large`: a team workspace big enough to measure dashboards on — by default
 * 2,000 people in 50 units, 24 closed monthly cycles of scored actuals, and 10,000 goals with
 * their monthly check-ins — generated from a seed (the same --seed, the same data; only the
 * row ids differ) and written in one transaction with bulk inserts. Refuses an existing slug
 * unless asked to replace a workspace this command made.
 */
import { randomBytes, randomUUID } from 'node:crypto';
import type { Database, Tx } from '../../db/client.ts';
import { recordAudit } from '../audit/index.ts';
import { hashPassword } from '../../crypto.ts';
import { today as serverToday } from '../goals/index.ts';
import { generateOrg } from './large-demo.org.ts';
import { seededRandom } from './large-demo.random.ts';
import { insertAppraisal } from './large-demo.seed-appraisal.ts';
import { insertGoals } from './large-demo.seed-goals.ts';
import { analyzeSeededTables, deleteWorkspaceAndData, findWorkspaceSeededBy, insertWorkspaceRow, lockSlugSeed } from './large-demo.queries.ts';
import { insertAccounts, insertIndicators, insertOrg, type LargeDemoAccount } from './large-demo.seed-org.ts';
import { LARGE_DEMO_SIZES, type LargeDemoSizes } from './large-demo.sizes.ts';

export type { LargeDemoAccount };
export const LARGE_DEMO_SLUG = 'large';
export const LARGE_DEMO_NAME = '星河集团（大型演示）';
const SEED_ACTION = 'workspace.seed_large_demo';
const LOCK = 7241004;

export type LargeDemoOptions = {
  slug?: string;
  seed?: number;
  /** Replace a workspace of that slug made by this command before. */
  replace?: boolean;
  sizes?: LargeDemoSizes;
  /** `YYYY-MM-DD`: the day the data is made for (default: today). */
  today?: string;
  /** One call per finished step (the cycles every few cycles): what it wrote, and the seconds since the start. */
  onProgress?: (progress: LargeDemoProgress) => void;
  /**
   * The accounts' shared password, hashed by the caller, who alone knows it (a job's data is
   * stored: the password itself never is). Without it one is made and returned in the summary.
   */
  passwordHash?: string;
};

export type LargeDemoStep = 'replace' | 'organisation' | 'indicators' | 'cycles' | 'goals' | 'check-ins' | 'statistics';
/** `count` rows (people, indicators, cycles, goals, check-ins) of `total` when the step reports as it goes. */
export type LargeDemoProgress = { step: LargeDemoStep; count: number; total: number | null; seconds: number };

export type LargeDemoSummary = {
  workspaceId: string;
  slug: string;
  name: string;
  /** Null when the caller gave the hash (it knows the password). */
  password: string | null;
  accounts: LargeDemoAccount[];
  counts: { units: number; people: number; cycles: number; participants: number; plans: number; goals: number; checkIns: number };
  seconds: number;
};

/** Why the seed did not run: the slug is taken (`exists`), or taken by a workspace this command did not make (`not_replaceable`). */
export class LargeDemoError extends Error {
  constructor(
    readonly code: 'exists' | 'not_replaceable',
    readonly slug: string,
  ) {
    super(`${code}: ${slug}`);
  }
}

export async function seedLargeDemo(database: Database, options: LargeDemoOptions = {}): Promise<LargeDemoSummary> {
  const slug = options.slug ?? LARGE_DEMO_SLUG;
  const sizes = options.sizes ?? LARGE_DEMO_SIZES;
  const day = options.today ?? serverToday();
  const started = performance.now();
  const seconds = () => (performance.now() - started) / 1000;
  const report = (step: LargeDemoStep, count = 0, total: number | null = null) => options.onProgress?.({ step, count, total, seconds: seconds() });
  // shown once and never stored: every seeded account shares it, as the small demo's do
  const password = options.passwordHash ? null : largeDemoPassword();
  const passwordHash = options.passwordHash ?? (await hashPassword(password!));
  const random = seededRandom(options.seed ?? 1);
  const newId = () => randomUUID();

  const result = await database.db.transaction(async (tx) => {
    // two seeds of one slug at once: the second waits, then finds the slug taken
    await lockSlugSeed(tx, LOCK, slug);
    await clearSlug(tx, slug, options.replace === true, report);
    const workspaceId = await insertWorkspaceRow(tx, slug, LARGE_DEMO_NAME);
    const org = generateOrg(random, sizes, { emailDomain: `${slug}.kedu.test`, joinedBefore: day, newId });
    const positionIds = await insertOrg(tx, workspaceId, org, newId);
    const accounts = await insertAccounts(tx, workspaceId, org, passwordHash);
    report('organisation', org.people.length);
    const indicatorIds = await insertIndicators(tx, workspaceId, newId);
    report('indicators', indicatorIds.size);
    const appraisal = await insertAppraisal({ tx, random, workspaceId, org, positionIds, newId }, day, sizes.months, (n) => {
      if (n === sizes.months || n % 6 === 0) report('cycles', n, sizes.months);
    });
    const goals = await insertGoals({ tx, random, workspaceId, org, indicatorIds, newId }, day, sizes, (step, count) => report(step, count));
    await recordAudit(tx, { userId: null, label: 'kedu demo --size large', ip: null }, { workspaceId, action: SEED_ACTION, entityType: 'workspace', entityId: workspaceId, after: { slug, seed: options.seed ?? 1, sizes } });
    // fresh tables have no statistics yet: without them the first dashboard queries plan as if the tables were empty
    await analyzeSeededTables(tx);
    report('statistics');
    return { workspaceId, accounts, counts: { units: org.units.length, people: org.people.length, ...appraisal, ...goals } };
  });
  return { ...result, slug, name: LARGE_DEMO_NAME, password, seconds: seconds() };
}

/** A password for every seeded account: shown once, never stored. */
export const largeDemoPassword = () => `kedu-${randomBytes(6).toString('base64url')}`;

/** Nothing under the slug, or (with replace) the workspace an earlier run of this command made, deleted. */
async function clearSlug(tx: Tx, slug: string, replace: boolean, report: (step: LargeDemoStep) => void): Promise<void> {
  const existing = await findWorkspaceSeededBy(tx, slug, SEED_ACTION);
  if (!existing) return;
  if (!replace) throw new LargeDemoError('exists', slug);
  if (!existing.seeded) throw new LargeDemoError('not_replaceable', slug);
  await deleteWorkspaceAndData(tx, existing.id);
  report('replace');
}
