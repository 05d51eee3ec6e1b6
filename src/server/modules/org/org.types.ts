import type { Actor } from '../audit/index.ts';

/** An actor acting inside one workspace: every org service call is scoped by it. */
export type WorkspaceActor = Actor & { workspaceId: string };
