/** The indicators module's public face: what other modules use of it (docs/architecture.md "Layers"). */
export { insertIndicator } from './indicators.service.ts';
export { insertBuiltinCopy } from './library.service.ts';
