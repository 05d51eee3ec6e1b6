/** The builder's form values and their conversion to the API's metric input. */
import type { Dataset } from '../datasets/datasets-api.ts';
import { isNumericType } from '../datasets/cells.ts';
import type { Aggregation, FilterOp, Metric, MetricBody, OwnerKind } from './metrics-api.ts';

export type Match = 'name' | 'email' | 'employee_no';
export type FilterValues = { column?: string; op: FilterOp; values?: string[] };
export type MetricFormValues = {
  name: string;
  datasetId?: string;
  spec: {
    definition: string;
    aggregation: Aggregation;
    expression?: string;
    filters?: FilterValues[];
    dateColumn?: string;
    owner: { kind: OwnerKind; column?: string; match?: Match };
    unit?: string;
  };
};

export const MULTI_OPS: FilterOp[] = ['in', 'not_in'];
export const NO_VALUE_OPS: FilterOp[] = ['missing', 'present'];

export function formValuesOf(metric: Metric | null): MetricFormValues {
  if (!metric) return { name: '', spec: { definition: '', aggregation: 'sum', expression: '', filters: [], owner: { kind: 'person', match: 'name' }, unit: '' } };
  const s = metric.spec;
  const owner = s.owner;
  return {
    name: metric.name,
    datasetId: metric.datasetId,
    spec: {
      definition: s.definition,
      aggregation: s.aggregation as Aggregation,
      expression: s.expression ?? '',
      filters: s.filters.map((f) => ({ column: f.column, op: f.op as FilterOp, values: f.values.map(String) })),
      dateColumn: s.dateColumn ?? '',
      owner: owner.kind === 'workspace' ? { kind: 'workspace' } : owner.kind === 'person' ? { kind: 'person', column: owner.column, match: owner.match } : { kind: owner.kind, column: owner.column },
      unit: s.unit,
    },
  };
}

/** The API body of the form; null while a required part (dataset, date column, owner column) is missing. */
export function bodyOf(v: MetricFormValues | undefined, dataset: Dataset | undefined): MetricBody | null {
  if (!v?.spec || !v.datasetId || !dataset || !v.spec.dateColumn || !v.spec.aggregation) return null;
  const s = v.spec;
  const kind = s.owner?.kind ?? 'workspace';
  if (kind !== 'workspace' && !s.owner.column) return null;
  const typeOf = (column: string) => dataset.columns.find((c) => c.name === column)?.type ?? 'text';
  const filters = (s.filters ?? [])
    .filter((f): f is FilterValues & { column: string } => !!f?.column && !!f.op)
    .map((f) => {
      const numeric = isNumericType(typeOf(f.column));
      const values = NO_VALUE_OPS.includes(f.op) ? [] : (f.values ?? []).map((x) => (numeric && x.trim() !== '' && Number.isFinite(Number(x)) ? Number(x) : x));
      return { column: f.column, op: f.op, values };
    });
  const owner: MetricBody['spec']['owner'] =
    kind === 'workspace' ? { kind } : kind === 'person' ? { kind, column: s.owner.column ?? '', match: s.owner.match ?? 'name' } : { kind, column: s.owner.column ?? '' };
  return {
    name: v.name ?? '',
    datasetId: v.datasetId,
    spec: {
      definition: s.definition ?? '',
      aggregation: s.aggregation,
      expression: s.expression?.trim() ? s.expression : null,
      filters,
      dateColumn: s.dateColumn ?? '',
      owner,
      unit: s.unit ?? '',
    },
  };
}
