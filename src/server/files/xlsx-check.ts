import { SpreadsheetError } from '../../core/files/spreadsheet-error.ts';
import { MAX_SHARED_STRING_CHARS, MAX_SHARED_STRINGS, MIN_CELL_XML_BYTES, SHARED_STRINGS_SLACK } from './stream-common.ts';
import { LongSharedString, type PartScan, SharedStringUse, SharedStringsScan, type SharedStringLimits, WorksheetScan } from './xlsx-scan.ts';
import { readZipDirectory, readZipPart, type ZipPart, type ZipSource, zipPartsIntact } from './zip-check.ts';

/**
 * What both XLSX readers (readSpreadsheet's and the streaming one) check before ExcelJS reads a
 * byte: a zip that unpacks within a limit, every part intact, and — while the parts unpack, with
 * nothing of them held — shared strings, cells and columns within the limits (xlsx-scan.ts). A
 * workbook made to cost gigabytes is refused in the time it takes to unpack up to the limit it
 * breaks, with where: the cell's row and column, or the shared strings.
 */

/** Not a spreadsheet: `kind` is a key (file_kind.* in the messages), worded by each caller. */
export const notWorkbook = () => new SpreadsheetError('unsupported', null, { kind: 'zip_not_workbook' });
export const damagedWorkbook = () => new SpreadsheetError('unsupported', null, { kind: 'damaged_workbook' });

export type SheetInfo = { name: string; part: string; sheetNo: string | null };
export type CheckedWorkbook = { entries: ZipPart[]; workbookXml: string; sheets: SheetInfo[]; chosen: SheetInfo };

/** The parts ExcelJS reads as worksheets (its own pattern). */
const WORKSHEET_PART = /xl\/worksheets\/sheet(\d+)[.]xml/;
const SHARED_STRINGS_PART = 'xl/sharedStrings.xml';

function xmlAttr(tag: string, name: string): string | null {
  const match = new RegExp(`\\s${name}\\s*=\\s*(?:"([^"]*)"|'([^']*)')`).exec(tag);
  return match ? decodeXml(match[1] ?? match[2]) : null;
}

function decodeXml(text: string): string {
  return text.replace(/&(?:#x([0-9a-f]+)|#(\d+)|(amp|lt|gt|quot|apos));/gi, (_, hex: string, dec: string, named: string) => {
    if (hex) return String.fromCodePoint(parseInt(hex, 16));
    if (dec) return String.fromCodePoint(parseInt(dec, 10));
    return { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" }[named.toLowerCase()] ?? '';
  });
}

/**
 * The worksheets in tab order, from workbook.xml and its relationships, with the part each is
 * stored in and the number of its `xl/worksheets/sheetN.xml` part (the parts ExcelJS's streaming
 * reader reads; null for a sheet stored elsewhere). Chart sheets are left out.
 */
export function worksheetsOf(workbookXml: string, relsXml: string): SheetInfo[] {
  const targets = new Map<string, string>();
  for (const [tag] of relsXml.matchAll(/<(?:\w+:)?Relationship\b[^>]*>/g)) {
    const id = xmlAttr(tag, 'Id');
    const target = xmlAttr(tag, 'Target');
    if (id !== null && target !== null && /\/worksheet$/.test(xmlAttr(tag, 'Type') ?? '')) targets.set(id, target);
  }
  const sheets: SheetInfo[] = [];
  for (const [tag] of workbookXml.matchAll(/<(?:\w+:)?sheet\s[^>]*>/g)) {
    const name = xmlAttr(tag, 'name');
    const target = targets.get(xmlAttr(tag, '(?:\\w+:)?id') ?? '');
    if (name === null || target === undefined) continue;
    const part = target.startsWith('/') ? target.slice(1) : `xl/${target}`;
    sheets.push({ name, part, sheetNo: /^xl\/worksheets\/sheet(\d+)\.xml$/.exec(part)?.[1] ?? null });
  }
  return sheets;
}

/**
 * What the shared strings of a workbook may hold. A workbook never needs more shared strings
 * than it has cells using them, and each such cell takes at least MIN_CELL_XML_BYTES of its
 * worksheets' XML (`<c t="s"><v>0</v></c>`): the count is bounded by the size of the other
 * parts (plus some slack), and in any case by MAX_SHARED_STRINGS; their characters by
 * MAX_SHARED_STRING_CHARS.
 * @example sharedStringLimits([{ name: 'xl/worksheets/sheet1.xml', size: 2000, … }, { name: 'xl/sharedStrings.xml', size: 85e6, … }]) // { maxStrings: 1100, maxChars: 67108864 }
 */
export function sharedStringLimits(entries: readonly ZipPart[]): SharedStringLimits {
  const others = entries.reduce((sum, e) => sum + (e.name === SHARED_STRINGS_PART ? 0 : e.size), 0);
  return { maxStrings: Math.min(MAX_SHARED_STRINGS, SHARED_STRINGS_SLACK + Math.floor(others / MIN_CELL_XML_BYTES)), maxChars: MAX_SHARED_STRING_CHARS };
}

/** The scan a part gets while it unpacks, if any. */
function scanFor(part: ZipPart, limits: SharedStringLimits): PartScan | null {
  if (part.name === SHARED_STRINGS_PART) return new SharedStringsScan(limits);
  if (WORKSHEET_PART.test(part.name)) return new WorksheetScan();
  return null;
}

/**
 * What a workbook's central directory tells without unpacking anything: a zip, that unpacks to at
 * most `maxUnpacked` bytes, with a workbook part. Its entries; throws SpreadsheetError.
 */
export async function checkWorkbookDirectory(source: ZipSource, maxUnpacked: number): Promise<ZipPart[]> {
  const entries = await readZipDirectory(source);
  if (entries === null) throw notWorkbook();
  const unpacked = entries.reduce((sum, e) => sum + e.size, 0);
  if (unpacked > maxUnpacked) throw new SpreadsheetError('workbook_too_large', null, { maxMb: Math.round(maxUnpacked / 1024 ** 2) });
  if (!entries.some((e) => e.name === 'xl/workbook.xml')) throw notWorkbook();
  return entries;
}

/**
 * Checks a workbook before it is read and finds its sheets: the zip, its unpacked size (at most
 * `maxUnpacked` bytes), every part intact and within the limits, workbook.xml and its
 * relationships; the sheet named (or the first). Throws SpreadsheetError.
 */
export async function checkWorkbook(source: ZipSource, options: { sheet?: string; maxUnpacked: number }): Promise<CheckedWorkbook> {
  const entries = await checkWorkbookDirectory(source, options.maxUnpacked);
  const limits = sharedStringLimits(entries);
  let longString: number | null = null;
  try {
    if (!(await zipPartsIntact(source, entries, (part) => scanFor(part, limits)))) throw damagedWorkbook();
  } catch (err) {
    if (!(err instanceof LongSharedString)) throw err;
    longString = err.index;
  }
  const workbookXml = await readZipPart(source, entries, 'xl/workbook.xml');
  const relsXml = await readZipPart(source, entries, 'xl/_rels/workbook.xml.rels');
  if (!workbookXml || !relsXml) throw notWorkbook();
  const workbook = workbookXml.toString('utf8');
  const sheets = worksheetsOf(workbook, relsXml.toString('utf8'));
  if (sheets.length === 0) throw notWorkbook();
  const chosen = options.sheet === undefined ? sheets[0] : sheets.find((s) => s.name === options.sheet);
  if (!chosen) throw new SpreadsheetError('sheet_not_found', null, { sheet: options.sheet ?? '', sheets: sheets.map((s) => s.name).join(', ') });
  if (longString !== null) throw await longStringProblem(source, entries, chosen, longString, limits);
  return { entries, workbookXml: workbook, sheets, chosen };
}

/**
 * A shared string longer than a cell may be, said where it is: the first cell of the sheet read
 * that uses it. A string no cell of that sheet uses is refused with the shared strings.
 */
async function longStringProblem(source: ZipSource, entries: readonly ZipPart[], sheet: SheetInfo, index: number, limits: SharedStringLimits): Promise<SpreadsheetError> {
  const part = entries.find((e) => e.name === sheet.part);
  if (part) {
    try {
      // the scan stops at the cell, throwing its cell_too_long (or a problem of the sheet met before it)
      await zipPartsIntact(source, [part], () => new SharedStringUse(index));
    } catch (err) {
      if (err instanceof SpreadsheetError) return err;
      throw err;
    }
  }
  return new SpreadsheetError('shared_strings_too_large', null, { max: limits.maxStrings, maxChars: limits.maxChars });
}
