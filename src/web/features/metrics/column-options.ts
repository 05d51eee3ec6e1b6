import type { TFunction } from 'i18next';
import type { DatasetColumn } from '../datasets/datasets-api.ts';

/** A dataset's columns as select options ("name · type"), only those whose type passes `filter` when given. */
export const columnOptions = (columns: DatasetColumn[], t: TFunction, filter?: (type: string) => boolean) =>
  columns.filter((c) => !filter || filter(c.type)).map((c) => ({ value: c.name, label: `${c.name} · ${t(`datasets.types.${c.type as 'text'}`)}` }));
