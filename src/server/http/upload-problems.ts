import type { SpreadsheetError } from '../../core/files/spreadsheet-error.ts';
import { AppError, type ErrorDetail } from '../errors.ts';

/**
 * How every import answers a file the readers refused (a SpreadsheetError of src/server/files),
 * for the problems that are the same whatever the import: a file that is no spreadsheet (415,
 * saying what it is in the request's language: `kind` is a key), and the limits of a table,
 * located where they are broken (import_failed, 422). The problems an import words its own way
 * (an empty file, a missing header, too many rows) are its own; this answers null for them.
 */
export function uploadProblem(err: SpreadsheetError, filename: string): AppError | null {
  const row = err.row ?? undefined;
  const located = (detail: ErrorDetail) => new AppError('import_failed', { count: 1 }, [detail]);
  switch (err.code) {
    case 'unsupported':
      return new AppError('unsupported_media_type', { type: filename || '—', kind: String(err.params.kind), reason: 'request.not_a_spreadsheet' });
    case 'cell_too_long':
    case 'too_many_columns':
      return located({ row, column: String(err.params.column), code: `file.${err.code}`, params: err.params });
    case 'shared_strings_too_large':
      return located({ code: 'file.shared_strings_too_large', params: err.params });
    // worded once, with the datasets' messages (whose streaming reader met them first)
    case 'record_too_large':
    case 'encoding_invalid':
    case 'sheet_not_found':
    case 'workbook_too_large':
      return located({ row: row ?? 1, code: `dataset.${err.code}`, params: { row: row ?? 1, ...err.params } });
    default:
      return null;
  }
}
