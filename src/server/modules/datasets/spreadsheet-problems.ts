import { SpreadsheetError } from '../../../core/files/spreadsheet-error.ts';
import { AppError } from '../../errors.ts';
import { uploadProblem } from '../../http/upload-problems.ts';

/**
 * A file the reader could not read, as the import's answer: not a spreadsheet at all is 415;
 * anything else is `import_failed` located at the row (and cell) where reading stopped.
 */
export function spreadsheetProblem(err: unknown, fileName: string): unknown {
  if (!(err instanceof SpreadsheetError)) return err;
  const shared = uploadProblem(err, fileName);
  if (shared) return shared;
  const row = err.row ?? 1;
  return new AppError('import_failed', { count: 1 }, [{ row, code: `dataset.${err.code}`, params: { row, ...err.params } }]);
}
