/** The session endpoints (contracts/auth.ts): first-run setup, demo, sign-in and out, workspaces. */
import type { z } from 'zod';
import type * as auth from '../../../contracts/auth.ts';
import { get, type Me, type Ok, post, type SetupStatus, type WorkspaceSummary } from '../../api.ts';

type In<T extends z.ZodType> = z.input<T>;
export type SetupBody = In<typeof auth.setupInput>;
export type LoginBody = In<typeof auth.loginInput>;
export type CreateWorkspaceBody = In<typeof auth.createWorkspaceInput>;

export const authApi = {
  setup: {
    status: () => get<SetupStatus>('/setup/status'),
    run: (body: SetupBody) => post<Me>('/setup', body),
    openDemo: () => post<Me>('/demo/open'),
  },
  me: () => get<Me>('/auth/me'),
  login: (body: LoginBody) => post<Me>('/auth/login', body),
  logout: () => post<Ok>('/auth/logout'),
  workspaces: {
    create: (body: CreateWorkspaceBody) => post<WorkspaceSummary>('/workspaces', body),
  },
};
