import { expect } from 'vitest';
import { TEST_PASSWORD } from './fixtures.ts';
import type { ApiResponse, TestApp } from './harness.ts';

/** A signed-in browser session: its cookie value and the CSRF token the web app sends back. */
export type Session = { cookie: string; csrf: string; userId: string };

/** Signs in through the API as a browser does and keeps the session cookie. */
export async function signInSession(t: TestApp, email: string, password = TEST_PASSWORD): Promise<Session> {
  const res = await t.app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { email, password } });
  expect(res.statusCode, res.body).toBe(200);
  const cookie = res.cookies.find((c) => c.name === 'kedu_session');
  expect(cookie).toBeDefined();
  return { cookie: cookie!.value, csrf: res.json().csrfToken as string, userId: res.json().user.id as string };
}

/**
 * A request made with the session cookie. The CSRF header is the session's unless
 * `csrf` says otherwise (null: none at all).
 */
export async function sessionApi<T = any>(
  t: TestApp,
  session: Session,
  method: string,
  url: string,
  options: { body?: unknown; csrf?: string | null; headers?: Record<string, string> } = {},
): Promise<ApiResponse<T>> {
  const headers: Record<string, string> = { 'accept-language': 'en', ...options.headers };
  const csrf = options.csrf === undefined ? session.csrf : options.csrf;
  if (csrf !== null) headers['x-csrf-token'] = csrf;
  const res = await t.app.inject({
    method: method as 'GET',
    url,
    headers,
    cookies: { kedu_session: session.cookie },
    payload: options.body as object | undefined,
  });
  let body: unknown = res.body;
  if (String(res.headers['content-type'] ?? '').includes('json')) body = res.json();
  return { status: res.statusCode, body: body as T, headers: res.headers };
}

/** A multipart/form-data body with one file field, as a browser's FormData sends it. */
export function multipartFile(field: string, filename: string, content: string | Buffer, type = 'text/csv'): { payload: Buffer; headers: Record<string, string> } {
  const boundary = `----kedu-test-${Math.random().toString(16).slice(2)}`;
  const head = `--${boundary}\r\nContent-Disposition: form-data; name="${field}"; filename="${filename}"\r\nContent-Type: ${type}\r\n\r\n`;
  const payload = Buffer.concat([Buffer.from(head), Buffer.from(content), Buffer.from(`\r\n--${boundary}--\r\n`)]);
  return { payload, headers: { 'content-type': `multipart/form-data; boundary=${boundary}` } };
}

/** A multipart body with text fields first, then one file (the order a browser's FormData sends them in). */
export function multipartForm(fields: Record<string, string>, file: { field?: string; filename: string; content: string | Buffer; type?: string }): { payload: Buffer; headers: Record<string, string> } {
  const boundary = `----kedu-test-${Math.random().toString(16).slice(2)}`;
  const parts: Buffer[] = Object.entries(fields).map(([name, value]) => Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="${name}"\r\n\r\n${value}\r\n`));
  parts.push(Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="${file.field ?? 'file'}"; filename="${file.filename}"\r\nContent-Type: ${file.type ?? 'text/csv'}\r\n\r\n`));
  parts.push(Buffer.from(file.content), Buffer.from(`\r\n--${boundary}--\r\n`));
  return { payload: Buffer.concat(parts), headers: { 'content-type': `multipart/form-data; boundary=${boundary}` } };
}

/** Row counts of every table a write can touch, and the newest change times: equal before and after = nothing written. */
export async function writeFingerprint(t: TestApp): Promise<Record<string, unknown>> {
  const { rows } = await t.database.pool.query(`
    select (select count(*) from users) as users,
           (select max(updated_at) from users) as users_changed,
           (select count(*) from workspaces) as workspaces,
           (select count(*) from memberships) as memberships,
           (select count(*) from sessions) as sessions,
           (select count(*) from api_tokens where revoked_at is null) as live_tokens,
           (select count(*) from org_units) as units,
           (select max(updated_at) from org_units) as units_changed,
           (select count(*) from positions) as positions,
           (select max(updated_at) from positions) as positions_changed,
           (select count(*) from people) as people,
           (select max(updated_at) from people) as people_changed,
           (select count(*) from indicators) as indicators,
           (select max(updated_at) from indicators) as indicators_changed,
           (select count(*) from datasets) as datasets,
           (select coalesce(sum(row_count), 0) from datasets) as dataset_rows,
           (select count(*) from dataset_batches) as batches,
           (select count(*) from metrics) as metrics,
           (select count(*) from metric_bindings) as bindings,
           (select count(*) from import_templates) as import_templates,
           (select count(*) from pg_tables where tablename like 'dataset_rows_%') as dataset_tables,
           (select count(*) from plans) as plans,
           (select max(updated_at) from plans) as plans_changed,
           (select count(*) from plan_phases) as phases,
           (select count(*) from goals) as goals,
           (select max(updated_at) from goals) as goals_changed,
           (select count(*) from goal_check_ins) as check_ins,
           (select count(*) from goal_target_changes) as target_changes,
           (select count(*) from goal_period_targets) as period_targets,
           (select count(*) from audit_log) as audit`);
  return rows[0];
}
