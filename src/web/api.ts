/**
 * Typed fetch client of the Kedu REST API. Every call sends the UI language as
 * Accept-Language (so error messages come back in it) and, on writes, the CSRF token
 * that GET /auth/me handed out. Errors become ApiError carrying the server's
 * `{ code, message, details }`.
 */
import type { z } from 'zod';
import type * as auth from '../contracts/auth.ts';
import type { ErrorBody } from '../contracts/common.ts';
import type * as cres from '../contracts/cycle-results.ts';
import type * as cyc from '../contracts/cycles.ts';
import type * as ind from '../contracts/indicators.ts';
import type * as org from '../contracts/org.ts';
import type * as sc from '../contracts/scorecards.ts';

export type Me = z.infer<typeof auth.me>;
export type SetupStatus = z.infer<typeof auth.setupStatus>;
export type WorkspaceSummary = z.infer<typeof auth.workspaceSummary>;
export type ApiToken = z.infer<typeof auth.apiToken>;
export type CreatedToken = z.infer<typeof auth.createdToken>;
export type Unit = z.infer<typeof org.unit>;
export type Position = z.infer<typeof org.position>;
export type Person = z.infer<typeof org.person>;
export type PeoplePage = z.infer<typeof org.peoplePage>;
export type ImportResult = z.infer<typeof org.importResult>;
export type Member = z.infer<typeof org.member>;
export type AuditEntry = z.infer<typeof org.auditEntry>;
export type AuditPage = z.infer<typeof org.auditPage>;
export type Indicator = z.infer<typeof ind.indicator>;
export type IndicatorsPage = z.infer<typeof ind.indicatorsPage>;
export type LibraryIndicator = z.infer<typeof ind.libraryIndicator>;
export type FormulaCheck = z.infer<typeof ind.checkFormulaResult>;
export type FormulaDiagnostic = z.infer<typeof ind.formulaDiagnostic>;
export type Cycle = z.infer<typeof cyc.cycle>;
export type CyclePreview = z.infer<typeof cyc.cyclePreview>;
export type ParticipantSummary = z.infer<typeof cyc.participantSummary>;
export type ParticipantsPage = z.infer<typeof cyc.participantsPage>;
export type ParticipantDetail = z.infer<typeof cyc.participantDetail>;
export type WhatIfResult = z.infer<typeof cyc.whatIfResult>;
export type SyncResult = z.infer<typeof cyc.syncResult>;
export type ParticipantResult = z.infer<typeof cres.participantResult>;
export type RatingResult = z.infer<typeof cres.ratingResult>;
export type Appeal = z.infer<typeof cres.appeal>;
export type AppealResult = z.infer<typeof cres.appealResult>;
export type Ranking = z.infer<typeof cres.ranking>;
export type RankingItem = z.infer<typeof cres.rankingItem>;
export type ActualsImportResult = z.infer<typeof cres.actualsImportResult>;
export type TemplateSummary = z.infer<typeof sc.templateSummary>;
export type ScorecardTemplate = z.infer<typeof sc.template>;
export type TemplateCard = z.infer<typeof sc.templateCardShape>;
export type TemplatePeriod = z.infer<typeof sc.templatePeriod>;
export type DesignIssue = z.infer<typeof sc.designIssue>;
export type CardCheck = z.infer<typeof sc.checkCardResult>;
export type TargetGrid = z.infer<typeof sc.targetGrid>;
export type ScorecardPreview = z.infer<typeof sc.scorecardPreview>;
export type ErrorDetail = ErrorBody['error']['details'][number];
export type Ok = { ok: true };

export class ApiError extends Error {
  readonly status: number;
  readonly code: string;
  readonly details: ErrorDetail[];

  constructor(status: number, code: string, message: string, details: ErrorDetail[] = []) {
    super(message);
    this.name = 'ApiError';
    this.status = status;
    this.code = code;
    this.details = details;
  }
}

export const isApiError = (e: unknown): e is ApiError => e instanceof ApiError;

type ClientState = { csrfToken: string | null; language: () => string; networkMessage: () => string };
const state: ClientState = { csrfToken: null, language: () => 'zh-CN', networkMessage: () => 'Network error' };

/** Wires the client to the i18n layer (language header, network-failure message). */
export function configureApi(options: { language: () => string; networkMessage: () => string }): void {
  state.language = options.language;
  state.networkMessage = options.networkMessage;
}

export function setCsrfToken(token: string | null): void {
  state.csrfToken = token;
}

export type Query = Record<string, string | number | boolean | undefined | null>;

export function toQueryString(query: Query | undefined): string {
  if (!query) return '';
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query)) {
    if (value === undefined || value === null || value === '') continue;
    params.set(key, String(value));
  }
  const s = params.toString();
  return s ? `?${s}` : '';
}

type RequestOptions = { query?: Query; body?: unknown; form?: FormData; signal?: AbortSignal };

async function send(method: string, path: string, options: RequestOptions = {}): Promise<Response> {
  const headers: Record<string, string> = { 'Accept-Language': state.language(), Accept: 'application/json' };
  if (method !== 'GET' && state.csrfToken) headers['x-csrf-token'] = state.csrfToken;
  let body: BodyInit | undefined;
  if (options.form) body = options.form;
  else if (options.body !== undefined) {
    headers['Content-Type'] = 'application/json';
    body = JSON.stringify(options.body);
  }
  let response: Response;
  try {
    response = await fetch(`/api/v1${path}${toQueryString(options.query)}`, {
      method,
      headers,
      body,
      credentials: 'same-origin',
      signal: options.signal,
    });
  } catch (e) {
    if ((e as Error).name === 'AbortError') throw e;
    throw new ApiError(0, 'network', state.networkMessage());
  }
  if (!response.ok) throw await toApiError(response);
  return response;
}

/** The server's error body as an ApiError; anything else (a proxy's error page…) as a generic one. */
function apiErrorOf(status: number, statusText: string, json: unknown): ApiError {
  const error = (json as Partial<ErrorBody> | null)?.error;
  if (error?.code) return new ApiError(status, error.code, error.message, error.details ?? []);
  return new ApiError(status, 'http_error', `${status} ${statusText}`);
}

async function toApiError(response: Response): Promise<ApiError> {
  let json: unknown = null;
  try {
    json = await response.json();
  } catch {
    // not JSON (proxy error page, etc.): a generic error
  }
  return apiErrorOf(response.status, response.statusText, json);
}

export async function request<T>(method: string, path: string, options?: RequestOptions): Promise<T> {
  const response = await send(method, path, options);
  if (response.status === 204) return undefined as T;
  return (await response.json()) as T;
}

/**
 * POSTs a file (multipart field `file`) through XMLHttpRequest so the caller can show the
 * upload's progress (0–1; fetch has no upload progress). Same headers and errors as `request`.
 * `fields` are sent before the file (e.g. the JSON of a dataset to create).
 */
export function upload<T>(
  path: string,
  file: File,
  options: { query?: Query; onProgress?: (fraction: number) => void; fields?: Record<string, string> } = {},
): Promise<T> {
  return new Promise((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    xhr.open('POST', `/api/v1${path}${toQueryString(options.query)}`);
    xhr.setRequestHeader('Accept', 'application/json');
    xhr.setRequestHeader('Accept-Language', state.language());
    if (state.csrfToken) xhr.setRequestHeader('x-csrf-token', state.csrfToken);
    xhr.withCredentials = true;
    xhr.upload.onprogress = (e) => {
      if (e.lengthComputable) options.onProgress?.(e.loaded / e.total);
    };
    xhr.onerror = () => reject(new ApiError(0, 'network', state.networkMessage()));
    xhr.onload = () => {
      let json: unknown = null;
      try {
        json = JSON.parse(xhr.responseText);
      } catch {
        json = null;
      }
      if (xhr.status >= 200 && xhr.status < 300) resolve(json as T);
      else reject(apiErrorOf(xhr.status, xhr.statusText, json));
    };
    const form = new FormData();
    // other fields first: the server reads them before it streams the file
    for (const [name, value] of Object.entries(options.fields ?? {})) form.append(name, value);
    form.append('file', file);
    xhr.send(form);
  });
}

/** Fetches a file (export, template) and hands it to the browser as a download. */
export async function download(path: string, query: Query | undefined, fallbackName: string): Promise<void> {
  const response = await send('GET', path, { query });
  const blob = await response.blob();
  const disposition = response.headers.get('Content-Disposition') ?? '';
  const star = /filename\*=UTF-8''([^;]+)/i.exec(disposition);
  const plain = /filename="?([^";]+)"?/i.exec(disposition);
  const name = star ? decodeURIComponent(star[1]) : plain ? plain[1] : fallbackName;
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  document.body.appendChild(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

/** The verbs each feature's `<feature>-api.ts` builds its endpoint calls from. */
export const get = <T>(path: string, query?: Query) => request<T>('GET', path, { query });
export const post = <T>(path: string, body?: unknown, query?: Query) => request<T>('POST', path, { body, query });
export const patch = <T>(path: string, body: unknown) => request<T>('PATCH', path, { body });
export const del = (path: string) => request<Ok>('DELETE', path);
/** The path of a workspace's endpoints. */
export const workspacePath = (ws: string) => `/workspaces/${encodeURIComponent(ws)}`;

export type PeopleQuery = {
  q?: string;
  unitId?: string;
  includeSubunits?: boolean;
  positionId?: string;
  status?: 'active' | 'left' | 'all';
  sort?: 'name' | '-name' | 'unit' | '-unit' | 'updatedAt' | '-updatedAt';
  page?: number;
  pageSize?: number;
};
export type AuditQuery = {
  action?: string;
  entityType?: string;
  entityId?: string;
  actor?: string;
  from?: string;
  to?: string;
  page?: number;
  pageSize?: number;
};

export type IndicatorsQuery = {
  q?: string;
  perspective?: Indicator['perspective'];
  kind?: Indicator['kind'];
  nature?: Indicator['nature'];
  status?: 'active' | 'archived' | 'all';
  page?: number;
  pageSize?: number;
};
