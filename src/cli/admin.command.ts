import type { Command } from 'commander';
import { z } from 'zod';
import { displayName, email, password, slug } from '../contracts/common.ts';
import { AppError } from '../server/errors.ts';
import { translate } from '../server/i18n/messages.ts';
import { CliError } from './cli-error.ts';
import { cliLang, say } from './cli-messages.ts';
import { announceChange } from '../server/db/change-feed.ts';
import { cliConfig } from './config-loader.ts';
import { explainStartupError } from './serve.command.ts';

const options = z.object({
  email,
  name: displayName,
  password,
  workspace: slug.optional(),
  workspaceName: displayName.optional(),
});

export function registerAdminCommands(program: Command): void {
  program
    .command('create-admin')
    .description('create an administrator: on a new installation with its first workspace; with --workspace, add the account to it as an administrator, or promote it if it is already a member')
    .requiredOption('--email <email>', 'sign-in email')
    .requiredOption('--name <name>', 'display name')
    .option('--password <password>', 'password, at least 8 characters (default: $KEDU_ADMIN_PASSWORD)')
    .option('--workspace <slug>', 'existing workspace to add the administrator to')
    .option('--workspace-name <name>', 'name of the first workspace on a new installation', 'My company')
    .action(async (raw: Record<string, string | undefined>) => {
      const parsed = options.safeParse({ ...raw, password: raw.password ?? process.env.KEDU_ADMIN_PASSWORD });
      if (!parsed.success) {
        const lines = parsed.error.issues.map((i) => `  --${String(i.path[0]).replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`)}: ${i.message}`);
        throw new CliError(say('admin.invalid_options', { lines: lines.join('\n') }), 2);
      }
      const o = parsed.data;
      const config = cliConfig();
      // the server's modules load only when this command runs, so that `kedu --help` stays quick
      const [{ eq }, { runMigrations }, { openConfiguredDatabase }, { workspaces }, { grantAdmin }, { completeSetup, needsSetup }] = await Promise.all([
        import('drizzle-orm'),
        import('../server/db/migrate.ts'),
        import('../server/db/open.ts'),
        import('../server/db/schema/index.ts'),
        import('../server/modules/workspaces/members.service.ts'),
        import('../server/modules/workspaces/workspaces.service.ts'),
      ]);
      const database = await openConfiguredDatabase(config).catch(explainStartupError);
      try {
        await runMigrations(database);
        const { db } = database;
        const actor = { userId: null, label: 'kedu create-admin (CLI)', ip: null };
        if (o.workspace) {
          const [ws] = await db.select().from(workspaces).where(eq(workspaces.slug, o.workspace));
          if (!ws) throw new CliError(say('admin.no_workspace', { slug: o.workspace }), 2);
          // an existing member is promoted: the way back for a workspace left without an administrator
          const outcome = await grantAdmin(db, { ...actor, workspaceId: ws.id }, { email: o.email, name: o.name, password: o.password });
          process.stdout.write(`${say(`admin.${outcome}` as const, { email: o.email, workspace: ws.name, slug: ws.slug })}\n`);
        } else {
          if (!(await needsSetup(db))) throw new CliError(say('admin.already_set_up'), 2);
          await completeSetup(db, { email: o.email, adminName: o.name, password: o.password, workspaceName: o.workspaceName ?? 'My company' }, null);
          process.stdout.write(`${say('admin.created', { email: o.email, workspace: o.workspaceName ?? '' })}\n`);
        }
        // servers on the same PostgreSQL forget the roles they remember at once
        await announceChange(database);
      } catch (err) {
        if (err instanceof AppError) throw new CliError(translate(cliLang(), err.code, err.params), 2);
        throw err;
      } finally {
        await database.close();
      }
    });
}
