/** The datasets module's public face: what other modules use of it (docs/architecture.md "Layers"). */
export { previewFile } from './dataset-preview.ts';
export { loadDataset } from './datasets.queries.ts';
export { importFile } from './import.service.ts';
