/** The indicator endpoints (contracts/indicators.ts), on top of the shared typed client of api.ts. */
import type { z } from 'zod';
import type * as ind from '../../../contracts/indicators.ts';
import {
  type FormulaCheck,
  get,
  type Indicator,
  type IndicatorsPage,
  type IndicatorsQuery,
  type LibraryIndicator,
  patch,
  post,
  request,
  workspacePath,
} from '../../api.ts';

type In<T extends z.ZodType> = z.input<T>;
export type CreateIndicatorBody = In<typeof ind.createIndicatorInput>;
export type UpdateIndicatorBody = In<typeof ind.updateIndicatorInput>;
export type CheckFormulaBody = In<typeof ind.checkFormulaInput>;
export type LibraryQuery = { q?: string; perspective?: Indicator['perspective'] };

const indicators = (ws: string) => `${workspacePath(ws)}/indicators`;

export const indicatorsApi = {
  list: (ws: string, query: IndicatorsQuery) => get<IndicatorsPage>(indicators(ws), query),
  get: (ws: string, id: string) => get<Indicator>(`${indicators(ws)}/${id}`),
  create: (ws: string, body: CreateIndicatorBody) => post<Indicator>(indicators(ws), body),
  update: (ws: string, id: string, body: UpdateIndicatorBody) => patch<Indicator>(`${indicators(ws)}/${id}`, body),
  copy: (ws: string, id: string) => post<Indicator>(`${indicators(ws)}/${id}/copy`, {}),
  archive: (ws: string, id: string) => post<Indicator>(`${indicators(ws)}/${id}/archive`),
  restore: (ws: string, id: string) => post<Indicator>(`${indicators(ws)}/${id}/restore`),
  checkFormula: (ws: string, body: CheckFormulaBody, signal?: AbortSignal) =>
    request<FormulaCheck>('POST', `${indicators(ws)}/check-formula`, { body, signal }),
  library: (ws: string, query: LibraryQuery = {}) => get<LibraryIndicator[]>(`${workspacePath(ws)}/indicator-library`, query),
  copyBuiltin: (ws: string, key: string) => post<Indicator>(`${workspacePath(ws)}/indicator-library/${key}/copy`, {}),
};
