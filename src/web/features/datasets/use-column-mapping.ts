import { useState } from 'react';
import { type ColumnDraft, draftsOf } from './column-drafts.ts';
import type { CreateDatasetBody, DatasetPreview } from './datasets-api.ts';
import type { TargetValues } from './ImportTargetFields.tsx';

/**
 * The import wizard's mapping of a file's columns: each column's draft (kept, renamed, retyped),
 * the key columns and the date column (by the file's column index), and the new dataset they make.
 */
export function useColumnMapping() {
  const [drafts, setDrafts] = useState<ColumnDraft[]>([]);
  const [keyIdx, setKeyIdx] = useState<number[]>([]);
  const [dateIdx, setDateIdx] = useState<number | null>(null);

  /** Starts again from what the server read the file as (its types, key and date columns). */
  const startFrom = (p: DatasetPreview) => {
    setDrafts(draftsOf(p));
    setKeyIdx(p.keyColumns.map((name) => p.columns.find((c) => c.name === name)?.index).filter((i): i is number => i !== undefined));
    setDateIdx(p.columns.find((c) => c.name === p.dateColumn)?.index ?? null);
  };

  const kept = drafts.filter((d) => !d.ignored);
  const nameOf = (index: number) => drafts.find((d) => d.index === index)?.name.trim() ?? '';
  const datasetBody = (values: TargetValues, templateKey: string | null): CreateDatasetBody => ({
    name: values.name,
    description: values.description ?? '',
    columns: kept.map((d) => {
      const name = d.name.trim();
      const renamed = name !== d.original.name;
      return {
        name,
        ...(!renamed && d.original.nameEn ? { nameEn: d.original.nameEn } : {}),
        type: d.type,
        snapshot: d.snapshot,
        // the file's header (and the template's aliases) still find the column when it was renamed
        aliases: [...new Set([...d.original.aliases, d.header, ...(renamed ? [d.original.name] : [])])].filter((a) => a.trim() !== '' && a !== name).slice(0, 20),
      };
    }),
    keyColumns: keyIdx.filter((i) => kept.some((d) => d.index === i)).map(nameOf),
    dateColumn: dateIdx === null ? '' : nameOf(dateIdx),
    templateKey,
  });

  return {
    drafts,
    setDrafts,
    keyIdx,
    setKeyIdx,
    dateIdx,
    setDateIdx,
    kept,
    startFrom,
    datasetBody,
    /** A new dataset needs a kept datetime column to place its rows in periods. */
    dateMissing: kept.length > 0 && (dateIdx === null || !kept.some((d) => d.index === dateIdx && d.type === 'datetime')),
    namesBlank: kept.some((d) => d.name.trim() === ''),
  };
}

export type ColumnMapping = ReturnType<typeof useColumnMapping>;
