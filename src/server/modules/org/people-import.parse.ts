import { AppError, type ErrorDetail } from '../../errors.ts';
import { type ParsedTable, readSpreadsheet, SpreadsheetError } from '../../files/spreadsheet.ts';
import { uploadProblem } from '../../http/upload-problems.ts';

/**
 * Reading an uploaded people file: the generic spreadsheet reader (src/server/files/spreadsheet.ts),
 * its problems worded as the import's errors.
 */
export { cellText, decodeText, MAX_DATA_ROWS, type ParsedTable, sniffDelimiter, zipUncompressedSize } from '../../files/spreadsheet.ts';

/**
 * Reads an uploaded people file. The type is decided by the bytes, not the name: XLSX
 * is a zip (`PK\x03\x04`), anything else that is text is CSV. Throws `unsupported_media_type`
 * for other files and `import_failed` (located at row 1) for an empty file or a missing header.
 */
export async function parsePeopleFile(bytes: Uint8Array, filename = ''): Promise<ParsedTable> {
  try {
    return await readSpreadsheet(bytes, filename);
  } catch (err) {
    if (err instanceof SpreadsheetError) throw toAppError(err, filename);
    throw err;
  }
}

function toAppError(err: SpreadsheetError, filename: string): AppError {
  const row = err.row ?? 1;
  switch (err.code) {
    case 'file_empty':
      return fileError({ row, code: 'import.file_empty' });
    case 'header_missing':
      return fileError({ row, code: 'import.header_missing', params: err.params });
    case 'csv_malformed':
      return fileError({ row, code: 'import.csv_malformed', params: err.params });
    case 'too_many_rows':
      return fileError({ row, code: 'import.too_many_rows', params: err.params });
    // not a spreadsheet, a table's limits: worded as every import words them
    default:
      return uploadProblem(err, filename) ?? fileError({ row, code: `dataset.${err.code}`, params: { row, ...err.params } });
  }
}

const fileError = (detail: ErrorDetail) => new AppError('import_failed', { count: 1 }, [detail]);
