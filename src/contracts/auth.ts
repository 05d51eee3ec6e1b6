import { z } from 'zod';
import { action } from './access.ts';
import { displayName, email, locale, password, role, slug, uuid } from './common.ts';

export const setupStatus = z.object({
  needsSetup: z.boolean(),
  demoEnabled: z.boolean(),
  version: z.string(),
  database: z.enum(['embedded', 'postgres']),
});

export const setupInput = z
  .object({
    workspaceName: displayName,
    workspaceSlug: slug.optional(),
    adminName: displayName,
    email,
    password,
    locale: locale.optional(),
  })
  .strict();
export type SetupInput = z.input<typeof setupInput>;

export const loginInput = z.object({ email, password: z.string().min(1).max(200) }).strict();
export type LoginInput = z.input<typeof loginInput>;

export const changePasswordInput = z.object({ currentPassword: z.string().min(1).max(200), newPassword: password }).strict();

export const updateProfileInput = z.object({ name: displayName.optional(), locale: locale.nullable().optional() }).strict();

export const workspaceSummary = z.object({
  id: uuid,
  slug: z.string(),
  name: z.string(),
  kind: z.enum(['team', 'solo']),
  isDemo: z.boolean(),
  role,
  personId: uuid.nullable(),
  /** What the viewer's role may do in the workspace, from the server's access rules (show a button by these, not by the role). */
  abilities: z.array(action),
});
export type WorkspaceSummary = z.infer<typeof workspaceSummary>;

export const me = z.object({
  user: z.object({ id: uuid, email: z.string(), name: z.string(), locale: locale.nullable(), isDemo: z.boolean() }),
  workspaces: z.array(workspaceSummary),
  /** Send back as the x-csrf-token header on every write made with the session cookie. */
  csrfToken: z.string().nullable(),
});
export type Me = z.infer<typeof me>;

export const apiToken = z.object({
  id: uuid,
  name: z.string(),
  prefix: z.string(),
  createdAt: z.string(),
  lastUsedAt: z.string().nullable(),
  expiresAt: z.string().nullable(),
});
export type ApiToken = z.infer<typeof apiToken>;

export const createTokenInput = z
  .object({ name: displayName, expiresInDays: z.number().int().min(1).max(3650).nullable().optional() })
  .strict();
export const createdToken = apiToken.extend({ token: z.string() });

export const createWorkspaceInput = z
  .object({ name: displayName, slug: slug.optional(), kind: z.enum(['team', 'solo']).default('team') })
  .strict();
