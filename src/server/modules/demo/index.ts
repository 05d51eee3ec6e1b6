/** The demo module's public face: what other modules use of it (docs/architecture.md "Layers"). */
export { DEMO_SLUG } from './demo-company.ts';
export { SOLO_SLUG } from './demo-solo.ts';
export { ensureDemoWorkspace } from './demo.service.ts';
