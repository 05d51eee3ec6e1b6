/** The goals module's public face: what other modules use of it (docs/architecture.md "Layers"). */
export { statusColumns, today } from './goal-status.ts';
