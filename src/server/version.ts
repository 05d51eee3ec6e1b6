import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
/** The version in package.json, reported by /healthz, the API docs and `kedu --version`. */
export const VERSION: string = require('../../package.json').version;
