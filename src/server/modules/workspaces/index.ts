/** The workspaces module's public face: what other modules use of it (docs/architecture.md "Layers"). */
export { completeSetup, createWorkspace, needsSetup } from './workspaces.service.ts';
