import type { CreateDatasetInput } from '../../../contracts/datasets.ts';
import { headerKey } from '../../../core/datasets/templates.ts';
import { AppError, type ErrorDetail } from '../../errors.ts';

type Shape = Pick<CreateDatasetInput, 'columns' | 'keyColumns' | 'dateColumn'>;

/**
 * A dataset's (or a saved template's) columns make sense together: names and aliases name one
 * column each, the key columns exist, and the date column exists and holds dates. Every
 * problem at once, located at the field.
 */
export function checkDatasetShape(shape: Shape): void {
  const details: ErrorDetail[] = [];
  const seen = new Map<string, number>();
  shape.columns.forEach((c, i) => {
    for (const [j, label] of [c.name, ...c.aliases].entries()) {
      const key = headerKey(label);
      const other = seen.get(key);
      if (other !== undefined && other !== i) details.push({ path: ['body', 'columns', i, j === 0 ? 'name' : 'aliases'], code: 'dataset.column_duplicate', params: { name: label } });
      seen.set(key, i);
    }
  });
  const byName = new Map(shape.columns.map((c) => [c.name, c]));
  const date = byName.get(shape.dateColumn);
  if (!date) details.push({ path: ['body', 'dateColumn'], code: 'dataset.date_column_unknown', params: { name: shape.dateColumn } });
  else if (date.type !== 'datetime') details.push({ path: ['body', 'dateColumn'], code: 'dataset.date_column_type', params: { name: shape.dateColumn } });
  shape.keyColumns.forEach((k, i) => {
    if (!byName.has(k)) details.push({ path: ['body', 'keyColumns', i], code: 'dataset.key_column_unknown', params: { name: k } });
  });
  if (details.length) throw new AppError('validation_failed', { count: details.length }, details);
}
