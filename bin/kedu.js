#!/usr/bin/env node
// The `kedu` command. Kedu is written in TypeScript and runs through tsx's loader,
// so there is no separate build step for the server or the CLI.
import { register } from 'tsx/esm/api';

register();
const { main } = await import('../src/cli/kedu.ts');
process.exitCode = await main(process.argv);
