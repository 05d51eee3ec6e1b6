import { type Command, Option } from 'commander';
import { slug as slugSchema } from '../contracts/common.ts';
import { CliError } from './cli-error.ts';
import { announceChange } from '../server/db/change-feed.ts';
import { cliConfig } from './config-loader.ts';
import { sayDemo } from './demo.messages.ts';
import { explainStartupError } from './serve.command.ts';

type Options = { size: string; workspace?: string; seed?: string; replace?: boolean; json?: boolean; scale?: string };
type Database = Awaited<ReturnType<typeof import('../server/db/open.ts').openConfiguredDatabase>>;
type LargeDemoStep = import('../server/modules/demo/large-demo.ts').LargeDemoStep;
type LargeDemoJobResult = import('../server/modules/demo/large-demo.job.ts').LargeDemoJobResult;

/**
 * `kedu demo [--size small|large]`: the small demo workspace (what "open the demo" makes), or a
 * large generated one to try dashboards and measure them on (bench/dashboard.bench.ts).
 * Progress goes to stderr, the result and the accounts to stdout (`--json`: one JSON object).
 */
export function registerDemoCommand(program: Command): void {
  program
    .command('demo')
    .description('create a demo workspace: small (the built-in demo) or large (2,000 people, 24 months of results, 10,000 goals)')
    .option('--size <size>', 'small or large', 'small')
    .option('--workspace <slug>', 'slug of the large workspace (default: large)')
    .option('--seed <n>', 'seed of the generated data: the same seed gives the same data (default: 1)')
    .option('--replace', 'a workspace of that slug made by kedu demo exists: delete it and generate it again')
    .option('--json', 'print the result as one JSON object')
    // for tests and quick tries: a smaller "large" workspace, e.g. people=60,units=5,months=3,goals=200
    .addOption(new Option('--scale <sizes>').hideHelp())
    .action(async (options: Options) => {
      if (options.size !== 'small' && options.size !== 'large') throw new CliError(sayDemo('bad_size', { size: options.size }), 2);
      if (options.size === 'small' && (options.workspace || options.seed || options.replace || options.scale)) throw new CliError(sayDemo('small_only_defaults'), 2);
      const config = cliConfig();
      const [{ runMigrations }, { openConfiguredDatabase }] = await Promise.all([import('../server/db/migrate.ts'), import('../server/db/open.ts')]);
      const large = options.size === 'large' ? await largeArguments(options) : null;
      const database = await openConfiguredDatabase(config).catch(explainStartupError);
      try {
        await runMigrations(database);
        if (large) await runLarge(database, options, large);
        else await runSmall(database, options);
        await announceChange(database);
      } finally {
        await database.close();
      }
    });
}

/** The large seed's arguments, checked before the database is opened (a typo costs nothing). */
async function largeArguments(options: Options) {
  const { parseSizes, LARGE_DEMO_SIZES } = await import('../server/modules/demo/large-demo.sizes.ts');
  const seed = options.seed === undefined ? 1 : Number(options.seed);
  if (!Number.isSafeInteger(seed)) throw new CliError(sayDemo('bad_seed', { seed: options.seed ?? '' }), 2);
  const slug = slugSchema.safeParse(options.workspace ?? 'large');
  if (!slug.success) throw new CliError(sayDemo('bad_slug', { slug: options.workspace ?? '' }), 2);
  try {
    return { seed, slug: slug.data, sizes: options.scale ? parseSizes(options.scale) : LARGE_DEMO_SIZES };
  } catch (err) {
    throw new CliError(sayDemo('bad_scale', { detail: (err as Error).message }), 2);
  }
}

/**
 * The large seed as a job (docs/architecture.md "Jobs"), worked by this process: each stage is
 * printed as the job reports it. The accounts' password is made here and only its hash goes
 * into the job, so it is printed once and stored nowhere. A seed killed half-way wrote nothing
 * (one transaction); its job is marked failed when the database is next opened.
 */
async function runLarge(database: Database, options: Options, args: Awaited<ReturnType<typeof largeArguments>>): Promise<void> {
  const [{ largeDemoPassword }, { largeDemoJob, queueLargeDemo }, { startJobQueue }, { watchLiveProgress }, { waitForJobToFinish }, { hashPassword }] = await Promise.all([
    import('../server/modules/demo/large-demo.ts'),
    import('../server/modules/demo/large-demo.job.ts'),
    import('../server/jobs/job-queue.ts'),
    import('../server/jobs/live-jobs.ts'),
    import('../server/jobs/job-waits.ts'),
    import('../server/crypto.ts'),
  ]);
  const password = largeDemoPassword();
  const started = performance.now();
  const jobs = await startJobQueue(database, [largeDemoJob], { work: true, pollingIntervalSeconds: 0.5, recoverActive: database.kind === 'embedded' });
  let finished: Awaited<ReturnType<typeof waitForJobToFinish>>;
  try {
    const id = await queueLargeDemo(database, jobs, { ...args, replace: options.replace === true, passwordHash: await hashPassword(password) });
    const stop = watchLiveProgress(id, ({ step, done, total }) => {
      const seconds = (performance.now() - started) / 1000;
      process.stderr.write(`[${seconds.toFixed(1).padStart(5)} s] ${sayDemo(`step.${step as LargeDemoStep}`, { count: done, total: total ?? 0 })}\n`);
    });
    finished = await waitForJobToFinish(database.pool, id, 100);
    stop();
  } finally {
    await jobs.stop();
  }
  if (finished.state === 'failed') {
    const error = finished.error as { code?: string; params?: { reason?: string; slug?: string } } | null;
    const reason = error?.params?.reason;
    if (reason === 'demo.large_exists' || reason === 'demo.large_not_replaceable') throw new CliError(sayDemo(reason === 'demo.large_exists' ? 'exists' : 'not_replaceable', { slug: error?.params?.slug ?? args.slug }), 2);
    throw new Error(`the large demo seed failed: ${JSON.stringify(error)}`);
  }
  const summary = { ...(finished.result as LargeDemoJobResult), password };
  if (options.json) {
    process.stdout.write(`${JSON.stringify(summary)}\n`);
    return;
  }
  process.stdout.write(`${sayDemo('large_done', { ...summary.counts, name: summary.name, slug: summary.slug, seconds: summary.seconds.toFixed(1) })}\n`);
  process.stdout.write(`${sayDemo('accounts', { password })}\n`);
  for (const a of summary.accounts) process.stdout.write(`  ${sayDemo(`role.${a.role}`).padEnd(8)} ${a.email.padEnd(32)} ${a.name}（${a.position}，${a.unit}）\n`);
}

async function runSmall(database: Database, options: Options): Promise<void> {
  const [{ ensureDemoWorkspace }, demo, solo] = await Promise.all([import('../server/modules/demo/demo.service.ts'), import('../server/modules/demo/demo-company.ts'), import('../server/modules/demo/demo-solo.ts')]);
  // the seed's imports announce that their data changed: queued here, worked by the next server
  // (the seed brings its own cycles in line itself)
  const { startJobQueue } = await import('../server/jobs/job-queue.ts');
  const { actualsFromDataJob } = await import('../server/modules/cycles/actuals/actuals-from-data.job.ts');
  const jobs = await startJobQueue(database, [actualsFromDataJob], { work: false });
  try {
    await ensureDemoWorkspace(database, jobs, null);
  } finally {
    await jobs.stop();
  }
  const accounts = demo.demoAccounts.map((a) => {
    const person = demo.demoPeople.find((p) => p.key === a.person)!;
    return { role: a.role, name: person.name, email: person.email };
  });
  if (options.json) {
    process.stdout.write(`${JSON.stringify({ slug: demo.DEMO_SLUG, name: demo.DEMO_NAME, password: demo.DEMO_PASSWORD, accounts, solo: { slug: solo.SOLO_SLUG, name: solo.SOLO_NAME, seller: solo.SOLO_SELLER } })}\n`);
    return;
  }
  process.stdout.write(`${sayDemo('small_done', { name: demo.DEMO_NAME, slug: demo.DEMO_SLUG, password: demo.DEMO_PASSWORD })}\n`);
  for (const a of accounts) process.stdout.write(`  ${sayDemo(`role.${a.role}`).padEnd(8)} ${a.email.padEnd(32)} ${a.name}\n`);
  process.stdout.write(`${sayDemo('solo_done', { name: solo.SOLO_NAME, slug: solo.SOLO_SLUG, seller: solo.SOLO_SELLER.name, email: solo.SOLO_SELLER.email })}\n`);
}
