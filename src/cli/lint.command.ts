import { readFile } from 'node:fs/promises';
import { type Command, Option } from 'commander';
import { checkPlan } from '../core/goals/smart.ts';
import type { PlanReport } from '../core/goals/types.ts';
import type { LocalizedText } from '../core/indicators/types.ts';
import { type PlanFileProblem, planFileToDraft, readPlanFile } from '../contracts/plan-file.ts';
import { CliError } from './cli-error.ts';
import { type CliLang, cliLang } from './cli-messages.ts';

type Options = { json?: boolean; lang?: CliLang };

/**
 * `kedu lint <plan.json>`: the SMART check and the seed's four pitfalls on a `kedu.plan/v1` file,
 * the same check as the web app's. Pure: no server, no database.
 */
export function registerLintCommand(program: Command): void {
  program
    .command('lint')
    .description('check the goals of a plan file (kedu.plan/v1) against SMART and the common pitfalls')
    .argument('<plan>', 'the plan, a kedu.plan/v1 JSON file (see docs/kedu.plan.v1.md)')
    .option('--json', 'print the report { ok, goals, pitfalls } (or { problems } for an invalid file) as JSON')
    .addOption(new Option('--lang <lang>', 'language of the messages (default: zh-CN unless LANG starts with en)').choices(['zh-CN', 'en']))
    .addHelpText('after', '\nExit codes: 0 every goal passes and no pitfall, 1 a check failed, 2 the file is missing, not JSON or not a valid plan.')
    .action(async (file: string, opts: Options) => {
      const lang = opts.lang ?? cliLang();
      const read = await readPlanText(file);
      const parsed = read.ok ? readPlanFile(read.text) : { ok: false as const, problems: [read.problem] };
      if (!parsed.ok) {
        if (opts.json) process.stdout.write(`${JSON.stringify({ problems: parsed.problems }, null, 2)}\n`);
        else process.stderr.write(parsed.problems.map((p) => `${describeProblem(file, p, lang)}\n`).join(''));
        const n = parsed.problems.length;
        throw new CliError(opts.json ? '' : lang === 'en' ? `${n} problem${n === 1 ? '' : 's'} in the plan file; nothing was checked` : `计划文件有 ${n} 处问题，未检查`, 2);
      }
      const report = checkPlan(planFileToDraft(parsed.file));
      if (opts.json) process.stdout.write(`${JSON.stringify(report, null, 2)}\n`);
      else process.stdout.write(formatReport(parsed.file.plan.name, parsed.file.goals, report, lang));
      if (!report.ok) throw new CliError('', 1);
    });
}

async function readPlanText(file: string): Promise<{ ok: true; text: string } | { ok: false; problem: PlanFileProblem }> {
  try {
    return { ok: true, text: await readFile(file, 'utf8') };
  } catch (err) {
    const e = err as NodeJS.ErrnoException;
    const message: LocalizedText =
      e.code === 'ENOENT'
        ? { 'zh-CN': '文件不存在：请检查路径。', en: 'No such file: check the path.' }
        : e.code === 'EISDIR'
          ? { 'zh-CN': '这是一个目录，不是文件。', en: 'This is a directory, not a file.' }
          : { 'zh-CN': `无法读取：${e.message}`, en: `Cannot be read: ${e.message}` };
    return { ok: false, problem: { path: '', code: e.code === 'ENOENT' ? 'file.not_found' : 'file.unreadable', message } };
  }
}

/** `plan.json:3:5: …` for a syntax error, `plan.json: goals[1].owner.kind: …` for a field. */
function describeProblem(file: string, p: PlanFileProblem, lang: CliLang): string {
  if (p.line !== undefined) return `${file}:${p.line}:${p.column}: ${p.message[lang]}`;
  return `${file}: ${p.path ? `${p.path}: ` : ''}${p.message[lang]}`;
}

function formatReport(planName: string, goals: readonly { key: string; statement: string }[], report: PlanReport, lang: CliLang): string {
  const en = lang === 'en';
  const statements = new Map(goals.map((g) => [g.key, g.statement.length > 30 ? `${g.statement.slice(0, 29)}…` : g.statement]));
  const lines = [en ? `Plan "${planName}": ${goals.length} goal${goals.length === 1 ? '' : 's'}` : `计划「${planName}」：${goals.length} 个目标`];
  for (const goal of report.goals) {
    const label = en ? `goal ${goal.key} "${statements.get(goal.key)}"` : `目标 ${goal.key}「${statements.get(goal.key)}」`;
    for (const m of goal.messages) lines.push(`${label}  ${m.letter}  ${m.message[lang]}`);
  }
  for (const p of report.pitfalls) lines.push(`${en ? 'pitfall' : '误区'}  ${p.message[lang]}`);

  const failing = report.goals.filter((g) => g.messages.length > 0).length;
  const messages = report.goals.reduce((n, g) => n + g.messages.length, 0);
  const pitfalls = report.pitfalls.length;
  if (report.ok) lines.push(en ? `OK: all ${goals.length} goals pass SMART, no common pitfall.` : `通过：${goals.length} 个目标均符合 SMART，未发现常见误区。`);
  else {
    lines.push(
      en
        ? `Failed: ${failing} of ${goals.length} goals with problems (${messages} message${messages === 1 ? '' : 's'}), ${pitfalls} common pitfall${pitfalls === 1 ? '' : 's'}.`
        : `未通过：${goals.length} 个目标中 ${failing} 个有问题（共 ${messages} 条），常见误区 ${pitfalls} 个。`,
    );
  }
  return `${lines.join('\n')}\n`;
}
