/** The organisation module's public face: who acts in a workspace, and the units' paths other modules read and write. */
export type { WorkspaceActor } from './org.types.ts';
export { assertPersonInWorkspace } from './units.service.ts';
export { splitUnitPath, unitPathsById, unitsByPath } from './unit-paths.ts';
