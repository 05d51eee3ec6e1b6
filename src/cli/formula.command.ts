import { type Command, Option } from 'commander';
import { compileFormula, type Diagnostic, type EvalResult } from '../core/formula/index.ts';
import { CliError } from './cli-error.ts';

type Lang = 'zh-CN' | 'en';
type Options = { set: string[]; json?: boolean; lang?: Lang };

const NUMBER = /^[+-]?(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?%?$/;

/** `kedu formula "<expression>"`: checks a formula and evaluates it with the values given by --set. */
export function registerFormulaCommand(program: Command): void {
  program
    .command('formula')
    .description('check a formula and evaluate it: prints the value, "not computable" with the reason, or the errors with their positions')
    .argument('<expression>', 'the formula, e.g. "实际销售额/目标销售额*100%" (one that starts with - goes last, after --)')
    .addOption(new Option('--set <name=value>', 'value of a term, repeatable; with --set every name in the formula must be set').argParser(collect).default([]))
    .option('--json', 'print { ok, value?, notComputable?, variables, diagnostics } as JSON')
    .addOption(new Option('--lang <lang>', 'language of the messages (default: zh-CN unless LANG starts with en)').choices(['zh-CN', 'en']))
    .addHelpText('after', '\nExit codes: 0 checked (a value or "not computable"; warnings allowed), 2 an error in the formula or in --set.')
    .action((expression: string, opts: Options) => {
      const lang: Lang = opts.lang ?? (process.env.LANG?.startsWith('en') ? 'en' : 'zh-CN');
      const values = parseAssignments(opts.set, lang);
      const compiled = compileFormula(expression, values.size > 0 ? { knownNames: [...values.keys()] } : {});
      const result: EvalResult | null = compiled.ok ? compiled.evaluate(Object.fromEntries(values)) : null;
      const variables = compiled.ok ? compiled.variables : [];

      if (opts.json) {
        const out: Record<string, unknown> = { ok: compiled.ok };
        if (result?.ok) out.value = result.value;
        if (result && !result.ok) out.notComputable = { code: result.code, start: result.start, end: result.end, message: result.message };
        out.variables = variables;
        out.diagnostics = compiled.diagnostics;
        process.stdout.write(`${JSON.stringify(out, null, 2)}\n`);
      } else {
        const report = compiled.diagnostics.map((d) => describeDiagnostic(expression, d, lang)).join('\n');
        if (report) process.stderr.write(`${report}\n`);
        if (result?.ok) process.stdout.write(`${String(result.value)}\n`);
        else if (result) process.stdout.write(`${pointAt(expression, result.start, result.end, result.message[lang])}\n`);
      }
      if (!compiled.ok) {
        const errors = compiled.diagnostics.filter((d) => d.severity === 'error').length;
        throw new CliError(opts.json ? '' : lang === 'en' ? `the formula has ${errors} error${errors === 1 ? '' : 's'}` : `公式有 ${errors} 处错误`, 2);
      }
    });
}

function collect(value: string, previous: string[]): string[] {
  return [...previous, value];
}

/** `name=value` pairs; the name may be written in brackets, the value is a number (80% allowed). */
function parseAssignments(assignments: readonly string[], lang: Lang): Map<string, number> {
  const values = new Map<string, number>();
  for (const assignment of assignments) {
    const eq = assignment.lastIndexOf('=');
    let name = (eq < 0 ? assignment : assignment.slice(0, eq)).trim();
    const text = eq < 0 ? '' : assignment.slice(eq + 1).trim();
    if (/^\[.*\]$/s.test(name)) name = name.slice(1, -1).replaceAll(']]', ']');
    const value = NUMBER.test(text) ? Number(text.replace(/%$/, '')) / (text.endsWith('%') ? 100 : 1) : Number.NaN;
    if (eq < 0 || name === '' || !Number.isFinite(value)) {
      throw new CliError(
        lang === 'en'
          ? `--set ${assignment}: write --set name=number, e.g. --set 销售额=1200.5 (or 80%)`
          : `--set ${assignment}：请写成 --set 名称=数字，例如 --set 销售额=1200.5（或 80%）`,
        2,
      );
    }
    values.set(name, value);
  }
  return values;
}

function describeDiagnostic(source: string, d: Diagnostic, lang: Lang): string {
  const where = d.end > d.start + 1 ? `${d.start + 1}–${d.end}` : `${d.start + 1}`;
  const head =
    lang === 'en'
      ? `${d.severity} [${d.code}] at character ${where}: ${d.message.en}`
      : `${d.severity === 'error' ? '错误' : '警告'} [${d.code}] 第 ${where} 个字符：${d.message['zh-CN']}`;
  return pointAt(source, d.start, d.end, head);
}

/** The message, then the source and a line of ^ under start…end (wide characters count as two columns). */
function pointAt(source: string, start: number, end: number, message: string): string {
  const shown = source.replace(/[\t\n\r\v\f]/g, ' ');
  const pad = ' '.repeat(displayWidth(shown.slice(0, start)));
  const marks = '^'.repeat(Math.max(1, displayWidth(shown.slice(start, end))));
  return `${message}\n  ${shown}\n  ${pad}${marks}`;
}

/** Terminal columns of a string: CJK and full-width characters take two, combining marks none. */
export function displayWidth(text: string): number {
  let width = 0;
  for (const ch of text) {
    const cp = ch.codePointAt(0) ?? 0;
    if (/\p{M}/u.test(ch)) continue;
    const wide =
      (cp >= 0x1100 && cp <= 0x115f) ||
      (cp >= 0x2e80 && cp <= 0xa4cf) ||
      (cp >= 0xac00 && cp <= 0xd7a3) ||
      (cp >= 0xf900 && cp <= 0xfaff) ||
      (cp >= 0xfe30 && cp <= 0xfe4f) ||
      (cp >= 0xff00 && cp <= 0xff60) ||
      (cp >= 0xffe0 && cp <= 0xffe6) ||
      (cp >= 0x1f300 && cp <= 0x1faff) ||
      (cp >= 0x20000 && cp <= 0x3fffd);
    width += wide ? 2 : 1;
  }
  return width;
}

