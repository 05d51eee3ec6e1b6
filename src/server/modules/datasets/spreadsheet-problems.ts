import { SpreadsheetError } from '../../../core/files/spreadsheet-error.ts';
import { AppError } from '../../errors.ts';
import { checkTableStart } from '../../files/table-stream.ts';
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

/**
 * Before an upload is queued as a background import: what its start tells cheaply (what it is, a
 * CSV's first record, a workbook's directory), refused now as the import would refuse it — a
 * file broken from its first byte is answered at once, not by a job that fails a moment later.
 */
export async function refuseBrokenStart(file: { path: string; fileName: string; sheet?: string }): Promise<void> {
  try {
    await checkTableStart(file.path, { filename: file.fileName, sheet: file.sheet });
  } catch (err) {
    throw spreadsheetProblem(err, file.fileName);
  }
}
