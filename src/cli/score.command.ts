import { readFile } from 'node:fs/promises';
import { type Command, Option } from 'commander';
import { readSpreadsheet, SpreadsheetError } from '../server/files/spreadsheet.ts';
import { type PersonActuals, readActualsTable, scorecardTerms, type TermMap } from '../core/scoring/actuals-table.ts';
import { checkScorecardDesign } from '../core/scoring/design.ts';
import { personScorer } from '../core/scoring/person-scorer.ts';
import type { LocalizedText, Scorecard } from '../core/scoring/types.ts';
import { fileMessages } from '../server/i18n/file-messages.ts';
import { CliError } from './cli-error.ts';
import { cliLang } from './cli-messages.ts';
import { formatCsv, formatTable, type Lang, type OutputWarning, personOutput, writeJson } from './score-output.ts';
import { isCleanScorecardFile } from './scorecard-clean.ts';

type Format = 'json' | 'table' | 'csv';
type Options = { actuals: string; format: Format; lang?: Lang };

/** A problem with an input file: where (a row and column, or a path in the scorecard) and why. */
export type InputProblem = { file: string; row: number | null; column: string | null; path: string | null; value: string | null; code: string; message: LocalizedText };

/**
 * `kedu score <scorecard.json> --actuals <file>`: scores every person of the actuals file with
 * the scoring engine (the same one as the web app and the API) and prints the results.
 */
export function registerScoreCommand(program: Command): void {
  program
    .command('score')
    .description('score a scorecard (kedu.scorecard/v1) for every person of an actuals file (CSV or XLSX)')
    .argument('<scorecard>', 'the scorecard, a kedu.scorecard/v1 JSON file')
    .requiredOption(
      '--actuals <file>',
      'CSV or XLSX: a "person" column, one column per term (formula variable, or the indicator key); optional "target:<key>" columns; NA = not applicable, empty = missing',
    )
    .addOption(new Option('--format <format>', 'output format').choices(['json', 'table', 'csv']).default('json'))
    .addOption(new Option('--lang <lang>', 'language of the messages (default: zh-CN unless LANG starts with en)').choices(['zh-CN', 'en']))
    .addHelpText('after', '\nExit codes: 0 every row scored (incomplete results included), 2 a problem in the scorecard or the actuals file (all of them listed; nothing printed on stdout except, with --format json, { "errors": [...] }).')
    .action(async (scorecardPath: string, opts: Options) => {
      const lang: Lang = opts.lang ?? cliLang();
      const loaded = await loadInputs(scorecardPath, opts.actuals);
      if (!loaded.ok) {
        if (opts.format === 'json') {
          const errors = loaded.problems.map(({ message, ...p }) => ({ ...p, message: message[lang] }));
          process.stdout.write(`${JSON.stringify({ errors }, null, 2)}\n`);
          throw new CliError('', 2);
        }
        process.stderr.write(loaded.problems.map((p) => `${describeProblem(p, lang)}\n`).join(''));
        const n = loaded.problems.length;
        throw new CliError(lang === 'en' ? `${n} problem${n === 1 ? '' : 's'} found; nothing was scored` : `发现 ${n} 处问题，未计分`, 2);
      }

      const { card, people, notes } = loaded;
      const score = personScorer(card);
      const warnings: OutputWarning[] = [
        ...checkScorecardDesign(card)
          .filter((d) => d.severity === 'warning')
          .map((d): OutputWarning => ({ source: 'scorecard', code: d.code, message: d.message[lang], ...(d.indicatorKey !== undefined ? { indicator: d.indicatorKey } : {}) })),
        ...notes.map((n): OutputWarning => ({ source: 'actuals', code: n.code, message: n.message[lang], ...(n.column !== null ? { column: n.column } : {}) })),
      ];
      if (opts.format === 'json') {
        // each result is printed as soon as it is made, and then let go
        const out = utf8Stdout();
        writeJson(out.write, people.length, (i) => personOutput(people[i], score(people[i]), lang), warnings);
        out.end();
        return;
      }
      const results = people.map((person) => personOutput(person, score(person), lang));
      if (warnings.length > 0) process.stderr.write(warnings.map((w) => `${lang === 'en' ? 'warning: ' : '警告：'}${w.message}\n`).join(''));
      process.stdout.write(opts.format === 'table' ? formatTable(results, lang) : formatCsv(results, card.indicators.map((i) => i.key)));
    });
}

const utf8 = new TextEncoder();
/** Bytes gathered before each write to stdout. */
const OUT_CHUNK = 1 << 20;

/**
 * Stdout for many small texts: each is encoded as UTF-8 straight into a large buffer, written
 * when full (much faster than joining them into large strings for the stream to convert).
 */
function utf8Stdout(): { write: (text: string) => void; end: () => void } {
  let buffer = Buffer.allocUnsafe(OUT_CHUNK);
  let used = 0;
  const flush = () => {
    if (used === 0) return;
    process.stdout.write(buffer.subarray(0, used));
    buffer = Buffer.allocUnsafe(OUT_CHUNK); // the stream may still hold the written one
    used = 0;
  };
  return {
    write: (text) => {
      // a UTF-16 code unit takes at most 3 bytes in UTF-8
      if (text.length * 3 > OUT_CHUNK - used) {
        flush();
        if (text.length * 3 > OUT_CHUNK) {
          process.stdout.write(text);
          return;
        }
      }
      used += utf8.encodeInto(text, buffer.subarray(used)).written;
    },
    end: flush,
  };
}

type Loaded = { ok: true; card: Scorecard; people: PersonActuals[]; notes: { code: string; column: string | null; message: LocalizedText }[] } | { ok: false; problems: InputProblem[] };

/** Reads and checks both files, collecting every problem before anything is scored. */
async function loadInputs(scorecardPath: string, actualsPath: string): Promise<Loaded> {
  const problems: InputProblem[] = [];
  const at = (file: string, p: Partial<InputProblem> & { code: string; message: LocalizedText }): InputProblem => ({
    file,
    row: null,
    column: null,
    path: null,
    value: null,
    ...p,
  });

  let card: Scorecard | null = null;
  let terms: TermMap | null = null;
  const cardText = await readText(scorecardPath);
  if (!cardText.ok) problems.push(at(scorecardPath, cardText.problem));
  else {
    let json: unknown;
    try {
      json = JSON.parse(cardText.text.replace(/^\uFEFF/, ''));
    } catch (err) {
      const detail = (err as Error).message;
      problems.push(at(scorecardPath, { code: 'file.not_json', message: { 'zh-CN': `不是有效的 JSON：${detail}`, en: `Not valid JSON: ${detail}` } }));
    }
    if (json !== undefined) {
      // a clean file needs no zod (a tenth of a second to load); any other gets its errors worded
      const parsed = isCleanScorecardFile(json) ? { ok: true as const, scorecard: json } : (await import('../contracts/scorecard.ts')).parseScorecardFile(json);
      if (!parsed.ok) for (const e of parsed.errors) problems.push(at(scorecardPath, { path: e.path, code: e.code, message: e.message }));
      else {
        const found = scorecardTerms(parsed.scorecard);
        if (!found.ok) for (const e of found.errors) problems.push(at(scorecardPath, { path: e.path, code: e.code, message: e.message }));
        else [card, terms] = [parsed.scorecard, found.terms];
      }
    }
  }

  const bytes = await readFile(actualsPath).then(
    (b) => ({ ok: true as const, bytes: b }),
    (err: NodeJS.ErrnoException) => ({ ok: false as const, problem: unreadable(err) }),
  );
  if (!bytes.ok) {
    problems.push(at(actualsPath, bytes.problem));
    return { ok: false, problems };
  }
  let table;
  try {
    table = await readSpreadsheet(bytes.bytes, actualsPath);
  } catch (err) {
    if (!(err instanceof SpreadsheetError)) throw err;
    problems.push(at(actualsPath, { row: err.row, column: err.params.column === undefined ? null : String(err.params.column), code: `file.${err.code}`, message: spreadsheetMessage(err) }));
    return { ok: false, problems };
  }
  if (!card || !terms) return { ok: false, problems };
  const read = readActualsTable(card, terms, table);
  if (!read.ok) {
    for (const e of read.errors) problems.push(at(actualsPath, { row: e.row, column: e.column, value: e.value ?? null, code: e.code, message: e.message }));
    return { ok: false, problems };
  }
  if (problems.length > 0) return { ok: false, problems };
  return { ok: true, card, people: read.people, notes: read.notes };
}

async function readText(file: string): Promise<{ ok: true; text: string } | { ok: false; problem: { code: string; message: LocalizedText } }> {
  try {
    return { ok: true, text: await readFile(file, 'utf8') };
  } catch (err) {
    return { ok: false, problem: unreadable(err as NodeJS.ErrnoException) };
  }
}

function unreadable(err: NodeJS.ErrnoException): { code: string; message: LocalizedText } {
  if (err.code === 'ENOENT') return { code: 'file.not_found', message: { 'zh-CN': '文件不存在。', en: 'No such file.' } };
  if (err.code === 'EISDIR') return { code: 'file.unreadable', message: { 'zh-CN': '这是一个目录，不是文件。', en: 'This is a directory, not a file.' } };
  return { code: 'file.unreadable', message: { 'zh-CN': `无法读取：${err.message}`, en: `Cannot be read: ${err.message}` } };
}

function spreadsheetMessage(err: SpreadsheetError): LocalizedText {
  switch (err.code) {
    case 'unsupported': {
      // the kind is a key, said in each language by the server's messages
      const kind = (lang: Lang) => (fileMessages[lang] as Record<string, string>)[`file_kind.${err.params.kind}`] ?? String(err.params.kind);
      return { 'zh-CN': `不是 CSV 或 XLSX 文件（${kind('zh-CN')}）。`, en: `Not a CSV or XLSX file (${kind('en')}).` };
    }
    case 'file_empty':
      return { 'zh-CN': '文件是空的：第 1 行应为表头（person 和各数据项），从第 2 行起每行一个人。', en: 'The file is empty: row 1 is the header (person and the terms), then one person a row from row 2.' };
    case 'header_missing':
      return {
        'zh-CN': `第 1 行是空的，找不到表头：请把表头放在第 1 行（数据从第 ${err.params.row} 行开始）。`,
        en: `Row 1 is blank, so there is no header: put the header in row 1 (the data starts on row ${err.params.row}).`,
      };
    case 'csv_malformed':
      return { 'zh-CN': '这一行的 CSV 格式有误（引号不配对？）。', en: 'This row is not valid CSV (an unmatched quote?).' };
    case 'too_many_rows':
      return { 'zh-CN': `行数超过 ${err.params.max}：请拆分文件。`, en: `More than ${err.params.max} rows: split the file.` };
    case 'record_too_large':
      return { 'zh-CN': `这一行太长（超过 ${err.params.maxRecord} 个字符），可能是引号不配对。`, en: `This row is too long (over ${err.params.maxRecord} characters); perhaps an unmatched quote.` };
    case 'cell_too_long':
      return {
        'zh-CN': `这个单元格超过 ${err.params.max} 个字符（Excel 单元格的上限），可能是引号不配对。`,
        en: `This cell is longer than ${err.params.max} characters (the most an Excel cell holds); perhaps an unmatched quote.`,
      };
    case 'too_many_columns':
      return {
        'zh-CN': `这一行有内容的列超过 ${err.params.max} 列（这一列是多出的第一列）：请检查分隔符。`,
        en: `This row has more than ${err.params.max} columns holding something (this is the first one too many): check the delimiter.`,
      };
    case 'shared_strings_too_large':
      return {
        'zh-CN': `工作簿的共享文本表超出了工作表能用到的范围（最多 ${err.params.max} 条）：文件可能已损坏，请在 Excel 中另存后再试。`,
        en: `The workbook's shared text table holds more than its sheets can use (at most ${err.params.max}): the file may be damaged; save it again in Excel and retry.`,
      };
    case 'encoding_invalid':
      return { 'zh-CN': '文件编码混乱：前面是 UTF-8，这一行不是。请另存为 CSV UTF-8。', en: 'Mixed encodings: the file starts as UTF-8 but this row is not. Save it as CSV UTF-8.' };
    case 'sheet_not_found':
      return { 'zh-CN': `工作簿中没有工作表“${err.params.sheet}”（有：${err.params.sheets}）。`, en: `The workbook has no sheet "${err.params.sheet}" (it has: ${err.params.sheets}).` };
    case 'workbook_too_large':
      return { 'zh-CN': '工作簿解压后过大：请拆分文件或另存为 CSV。', en: 'The workbook is too large unpacked: split it or save it as CSV.' };
  }
}

/** `people.csv row 3, column "销售额" (value "abc"): …` or `card.json indicators[1].weight: …`. */
export function describeProblem(p: InputProblem, lang: Lang): string {
  const message = p.message[lang];
  if (p.path !== null) return message.startsWith(p.path) ? `${p.file}: ${message}` : `${p.file} ${p.path}: ${message}`;
  const where: string[] = [];
  if (lang === 'en') {
    if (p.row !== null) where.push(`row ${p.row}`);
    if (p.column !== null) where.push(`column "${p.column}"`);
    const value = p.value ? ` (value "${p.value}")` : '';
    return `${p.file}${where.length ? ` ${where.join(', ')}` : ''}${value}: ${message}`;
  }
  if (p.row !== null) where.push(`第 ${p.row} 行`);
  if (p.column !== null) where.push(`“${p.column}”列`);
  const value = p.value ? `（值 “${p.value}”）` : '';
  return `${p.file}${where.length ? ` ${where.join('，')}` : ''}${value}：${message}`;
}
