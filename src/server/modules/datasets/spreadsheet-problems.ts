import { SpreadsheetError } from '../../../core/files/spreadsheet-error.ts';
import { AppError } from '../../errors.ts';

/**
 * A file the reader could not read, as the import's answer: not a spreadsheet at all is 415;
 * anything else is `import_failed` located at the row where reading stopped.
 */
export function spreadsheetProblem(err: unknown, fileName: string): unknown {
  if (!(err instanceof SpreadsheetError)) return err;
  if (err.code === 'unsupported') {
    const kind = String(err.params.kind);
    return new AppError('unsupported_media_type', { type: fileName ? `${fileName} (${kind})` : kind, reason: 'request.upload_spreadsheet' });
  }
  const row = err.row ?? 1;
  return new AppError('import_failed', { count: 1 }, [{ row, code: `dataset.${err.code}`, params: { row, ...err.params } }]);
}
