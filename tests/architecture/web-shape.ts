import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';

/**
 * Web features of one shape (architecture.md, convention 14): a feature's endpoint calls live in
 * its `<feature>-api.ts`, its server state (query keys, queries, mutations and what they refresh)
 * in its `<feature>-queries.ts`, and its components only render and call those hooks. Components
 * stay small and take their spacing and type sizes from src/web/theme.ts.
 */
const WEB = join(import.meta.dirname, '../../src/web');

/** The longest a component file may be: past it, it does more than one job. */
export const MAX_COMPONENT_LINES = 150;

function files(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const path = join(dir, e.name);
    if (e.isDirectory()) return files(path);
    return /\.tsx?$/.test(e.name) ? [path] : [];
  });
}

export type WebFile = { rel: string; text: string };

const isTest = (rel: string) => /\.test\.tsx?$/.test(rel) || rel.startsWith('testing/');

export function webFiles(): WebFile[] {
  return files(WEB)
    .map((path) => ({ rel: relative(WEB, path).split('\\').join('/'), text: readFileSync(path, 'utf8') }))
    .filter((f) => !isTest(f.rel));
}

/** Lines that import `names` from a module whose specifier matches `from`. */
function importsOf(text: string, from: RegExp): string[] {
  const found: string[] = [];
  for (const m of text.matchAll(/import\s+(type\s+)?\{([^}]*)\}\s+from\s+'([^']+)'/g)) {
    if (m[1] || !from.test(m[3])) continue;
    for (const name of m[2].split(',')) {
      const n = name.trim();
      if (n && !n.startsWith('type ')) found.push(n.split(/\s+as\s+/)[0]);
    }
  }
  return found;
}

/** Where the app is put together (the query client and its provider) and the shared client itself. */
const REACT_QUERY_HOMES = new Set(['main.tsx', 'router.tsx']);
const isQueriesFile = (rel: string) => /-queries\.ts$/.test(rel);
const isApiFile = (rel: string) => /-api\.ts$/.test(rel) || rel === 'api.ts';

/** The parts of api.ts that send a request: only endpoint files use them. */
const SENDERS = new Set(['request', 'upload', 'download', 'get', 'post', 'patch', 'del', 'api']);

export function shapeProblems(all: WebFile[]): string[] {
  const problems: string[] = [];
  for (const { rel, text } of all) {
    if (!isQueriesFile(rel) && !REACT_QUERY_HOMES.has(rel) && importsOf(text, /^@tanstack\/react-query$/).length > 0)
      problems.push(`${rel}: uses react-query: move its queries and mutations into the feature's <feature>-queries.ts`);
    if (!isApiFile(rel)) {
      const senders = importsOf(text, /(^|\/)api\.ts$/).filter((n) => SENDERS.has(n));
      if (senders.length > 0) problems.push(`${rel}: sends requests (${senders.join(', ')}): move the call into the feature's <feature>-api.ts`);
    }
    if (rel.endsWith('.tsx')) {
      const lines = text.split('\n').length;
      if (lines > MAX_COMPONENT_LINES) problems.push(`${rel}: ${lines} lines: split it (at most ${MAX_COMPONENT_LINES})`);
    }
  }
  return problems;
}

/** A spacing or type size written as a number in a style object or a `<Space size>`, rather than a theme token. */
const LITERAL_SIZE = /\b(margin\w*|padding\w*|gap|rowGap|columnGap|fontSize)\s*:\s*-?[1-9]\d*\b|<Space\b[^>]*\bsize=\{-?[1-9]\d*\}/g;

export function styleProblems(all: WebFile[]): string[] {
  const problems: string[] = [];
  for (const { rel, text } of all) {
    if (rel === 'theme.ts') continue;
    text.split('\n').forEach((line, i) => {
      for (const m of line.matchAll(LITERAL_SIZE)) problems.push(`${rel}:${i + 1} ${m[0].slice(0, 40)}`);
    });
  }
  return problems;
}


// `npx tsx tests/architecture/web-shape.ts [folder …]` lists the problems under those folders of src/web
if (process.argv[1]?.endsWith('web-shape.ts')) {
  const only = process.argv.slice(2);
  const all = webFiles().filter((f) => only.length === 0 || only.some((o) => f.rel.startsWith(o)));
  for (const p of [...shapeProblems(all), ...styleProblems(all)]) console.log(p);
}
