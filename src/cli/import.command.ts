import fs from 'node:fs';
import path from 'node:path';
import type { Command } from 'commander';
import { AppError } from '../server/errors.ts';
import { translate } from '../server/i18n/messages.ts';
import { CliError } from './cli-error.ts';
import { cliLang, say } from './cli-messages.ts';
import { announceChange } from '../server/db/change-feed.ts';
import { cliConfig } from './config-loader.ts';
import { explainStartupError } from './serve.command.ts';
import type { CliImportOutcome } from './import-run.ts';

type Options = { dataset: string; template?: string; sheet?: string; replace?: boolean; workspace?: string; url?: string; token?: string };

/**
 * `kedu import <file> --dataset <name>`: a file into a dataset of the configured database, as
 * one all-or-nothing batch, with a progress bar. A dataset that does not exist yet is created
 * from the template that recognises the file (or the one --template names).
 */
export function registerImportCommand(program: Command): void {
  program
    .command('import')
    .description('import a CSV/XLSX export into a dataset (all or nothing), creating the dataset from a template if needed')
    .argument('<file>', 'the .csv or .xlsx file')
    .requiredOption('--dataset <name>', 'the dataset to import into (created when it does not exist)')
    .option('--template <name>', 'import template for a new dataset: a built-in key (e.g. youzan-orders) or name, or a saved template (default: recognised from the headers)')
    .option('--sheet <name>', 'worksheet of an .xlsx file (default: the first)')
    .option('--replace', 'the same file was imported before: roll that batch back and import it again')
    .option('--workspace <slug>', 'the workspace (default: the only one)')
    .option('--url <url>', 'import through a running Kedu server instead of opening the database (default: $KEDU_URL when set); large files are followed as the server\'s background job')
    .option('--token <token>', 'API token for --url (default: $KEDU_TOKEN)')
    .action(async (file: string, options: Options) => {
      if (!fs.existsSync(file) || !fs.statSync(file).isFile()) throw new CliError(say('import.file_missing', { file }), 2);
      const lang = cliLang();
      if (options.url ?? process.env.KEDU_URL) return importThroughServerCommand(file, options, lang);
      const config = cliConfig();
      const [{ runMigrations }, { openConfiguredDatabase }, service] = await Promise.all([import('../server/db/migrate.ts'), import('../server/db/open.ts'), import('./import-run.ts')]);
      const database = await openConfiguredDatabase(config).catch(explainStartupError);
      const progress = progressBar(lang);
      const started = performance.now();
      try {
        await runMigrations(database);
        const outcome = await service.importFromCli(database, { file, fileName: path.basename(file), ...options, lang, onProgress: progress.update, onCreate: (dataset, template) => progress.note(say('import.creating', { dataset, template })) });
        progress.done();
        await announceChange(database);
        printOutcome(outcome, started, lang);
      } catch (err) {
        progress.done();
        if (err instanceof AppError) throw new CliError(describeAppError(err, lang), err.status >= 500 ? 1 : 2);
        throw err;
      } finally {
        await database.close();
      }
    });
}

/** The result on stdout: rows, dataset, batch, time and rate; the cycles that took new actuals (or why they did not, on stderr). */
function printOutcome({ imported: outcome, refreshedCycles, refreshError }: CliImportOutcome, started: number, lang: 'zh-CN' | 'en'): void {
  const seconds = (performance.now() - started) / 1000;
  const rows = outcome.batch.rowCount;
  const number = (n: number) => n.toLocaleString(lang === 'en' ? 'en-US' : 'zh-CN');
  process.stdout.write(
    `${say('import.done', { rows: number(rows), dataset: outcome.dataset.name, batch: outcome.batch.id.slice(0, 8), seconds: seconds.toFixed(1), rate: number(Math.round(rows / seconds)), replaced: outcome.replaced ? say('import.replaced', { count: number(outcome.replaced) }) : '' })}\n`,
  );
  if (refreshedCycles) process.stdout.write(`${say('import.refreshed', { count: refreshedCycles }, lang)}\n`);
  // the import stands: only the cycles' actuals wait for a refresh (the cycle page has the button)
  if (refreshError !== null) process.stderr.write(`${say('import.refresh_failed', { reason: refreshError }, lang)}\n`);
}

/** `kedu import --url`: through a running server (import-remote.ts), with the server's own row progress for large files. */
async function importThroughServerCommand(file: string, options: Options, lang: 'zh-CN' | 'en'): Promise<void> {
  const [{ remote }, { importThroughServer, RemoteImportError }] = await Promise.all([import('./api.command.ts'), import('./import-remote.ts')]);
  const progress = progressBar(lang);
  const started = performance.now();
  try {
    const outcome = await importThroughServer(remote(options), {
      file,
      fileName: path.basename(file),
      ...options,
      lang,
      onProgress: progress.update,
      onCreate: (dataset, template) => progress.note(say('import.creating', { dataset, template })),
      onQueued: (job) => progress.note(say('import.queued', { job: job.slice(0, 8) })),
    });
    progress.done();
    printOutcome(outcome, started, lang);
  } catch (err) {
    progress.done();
    if (err instanceof RemoteImportError) {
      const lines = err.body.details.map((d) => `  ${where(d, lang)}${d.message}`).join('\n');
      throw new CliError(lines ? `${err.body.message}\n${lines}` : err.body.message, err.status >= 500 ? 1 : 2);
    }
    throw err;
  }
}

/** The error and its located problems, one a line: `row 3, 实付金额 ("abc"): …`. */
function describeAppError(err: AppError, lang: 'zh-CN' | 'en'): string {
  const message = translate(lang, err.code, err.params);
  if (err.details.length === 0) return message;
  const lines = err.details.map((d) => `  ${where(d, lang)}${translate(lang, d.code, d.params)}`).join('\n');
  const count = Number(err.params.count ?? err.details.length);
  const more = count > err.details.length ? say('import.more', { count: count - err.details.length }, lang) : '';
  return say('import.failed', { message, lines, more }, lang);
}

function where(d: { row?: number; column?: string; value?: unknown }, lang: 'zh-CN' | 'en'): string {
  const parts: string[] = [];
  if (d.row !== undefined) parts.push(lang === 'en' ? `row ${d.row}` : `第 ${d.row} 行`);
  if (d.column) parts.push(lang === 'en' ? `column "${d.column}"` : `“${d.column}”列`);
  if (d.value !== undefined && d.value !== '') parts.push(lang === 'en' ? `value "${String(d.value)}"` : `值 “${String(d.value)}”`);
  return parts.length ? `${parts.join(lang === 'en' ? ', ' : '，')}: ` : '';
}

/**
 * A progress bar on stderr: redrawn in place on a terminal, a line every 10 % otherwise (CI
 * logs), so that stdout carries only the result.
 */
function progressBar(lang: 'zh-CN' | 'en') {
  const tty = process.stderr.isTTY === true;
  let lastTenth = -1;
  let drawn = false;
  const mb = (n: number) => (n / 1024 / 1024).toFixed(1);
  return {
    update({ bytes, totalBytes, rows }: { bytes: number; totalBytes: number; rows: number }) {
      const share = totalBytes > 0 ? Math.min(1, bytes / totalBytes) : 0;
      const rowText = rows ? (lang === 'en' ? `${rows.toLocaleString('en-US')} rows` : `${rows.toLocaleString('zh-CN')} 行`) : '';
      if (tty) {
        const width = 30;
        const filled = Math.round(share * width);
        process.stderr.write(`\r[${'#'.repeat(filled)}${'-'.repeat(width - filled)}] ${String(Math.floor(share * 100)).padStart(3)}%  ${mb(bytes)}/${mb(totalBytes)} MB  ${rowText}   `);
        drawn = true;
      } else {
        const tenth = Math.floor(share * 10);
        if (tenth > lastTenth) {
          lastTenth = tenth;
          process.stderr.write(`${tenth * 10}%  ${mb(bytes)}/${mb(totalBytes)} MB  ${rowText}\n`);
        }
      }
    },
    note(text: string) {
      if (drawn) process.stderr.write('\n');
      drawn = false;
      process.stderr.write(`${text}\n`);
    },
    done() {
      if (drawn) process.stderr.write('\n');
      drawn = false;
    },
  };
}
