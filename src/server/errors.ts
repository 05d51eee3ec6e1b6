/**
 * One error type for everything a user can cause. Domain and service code throw
 * AppError with a code from the closed list below; the HTTP layer maps the code to a
 * status and renders the message in the request's language. Nothing is recognised by
 * its message text.
 */
export const errorStatus = {
  validation_failed: 400,
  bad_request: 400,
  unauthenticated: 401,
  invalid_credentials: 401,
  forbidden: 403,
  csrf_failed: 403,
  not_found: 404,
  conflict: 409,
  already_set_up: 409,
  email_taken: 409,
  name_taken: 409,
  has_dependents: 409,
  invalid_move: 422,
  cycle_locked: 409,
  invalid_state: 409,
  import_failed: 422,
  payload_too_large: 413,
  unsupported_media_type: 415,
  rate_limited: 429,
  demo_disabled: 404,
  demo_restricted: 403,
  internal: 500,
  unavailable: 503,
} as const;

export type ErrorCode = keyof typeof errorStatus;

/**
 * A located problem: where (a field path, or a file row/column) and what. `code` is a
 * message key (see i18n/messages.ts) rendered with `params` in the request's language.
 */
export type ErrorDetail = {
  path?: (string | number)[];
  row?: number;
  column?: string;
  /** A range inside the field's text (UTF-16 offsets, end exclusive), e.g. inside a formula. */
  start?: number;
  end?: number;
  value?: unknown;
  code: string;
  params?: Record<string, string | number>;
};

export class AppError extends Error {
  readonly code: ErrorCode;
  readonly params: Record<string, string | number>;
  readonly details: ErrorDetail[];

  constructor(code: ErrorCode, params: Record<string, string | number> = {}, details: ErrorDetail[] = []) {
    super(code);
    this.name = 'AppError';
    this.code = code;
    this.params = params;
    this.details = details;
  }

  get status(): number {
    return errorStatus[this.code];
  }
}

export const notFound = (entity: string) => new AppError('not_found', { entity });
export const forbidden = () => new AppError('forbidden');

/**
 * For a `.catch` on the lookup of something the input refers to: its not-found becomes the
 * caller's own error (a 400 naming the field); any other failure — a database outage — passes on
 * as it is, never disguised as the user's mistake.
 * @example await loadPlan(tx, ws, id).catch(ifNotFound(() => invalid([{ path: ['body', 'planId'], code: 'goal.plan_unknown' }])))
 */
export const ifNotFound =
  (replacement: () => AppError) =>
  (err: unknown): never => {
    if (err instanceof AppError && err.code === 'not_found') throw replacement();
    throw err;
  };
