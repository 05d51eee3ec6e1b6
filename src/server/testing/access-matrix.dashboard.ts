import type { Ctx, RouteRule } from './access-matrix.table.ts';

/**
 * The authorisation matrix of the home dashboard: everyone reads their own view, admins and
 * managers their team's (scope is tested in dashboard.int.test.ts), admins the company's.
 * Merged into accessMatrix (access-matrix.table.ts).
 */
const ws = (c: Ctx, path: string) => `/api/v1/workspaces/${c.org.ws}${path}`;
const inWorkspace = (admin: number, manager: number, member: number) => ({ admin, manager, member, anonymous: 401, other: 404 });

export const dashboardRoutesMatrix: Record<string, RouteRule> = {
  'GET /api/v1/workspaces/{ws}/dashboard/me': { req: (c) => ({ url: ws(c, '/dashboard/me') }), status: inWorkspace(200, 200, 200) },
  'GET /api/v1/workspaces/{ws}/dashboard/team': { req: (c) => ({ url: ws(c, '/dashboard/team') }), status: inWorkspace(200, 200, 403) },
  'GET /api/v1/workspaces/{ws}/dashboard/company': { req: (c) => ({ url: ws(c, '/dashboard/company') }), status: inWorkspace(200, 403, 403) },
};
