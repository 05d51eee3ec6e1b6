/**
 * The import graph of src/ and the layer rules of docs/architecture.md ("Layers and where code
 * goes"), for tests/architecture/boundaries.test.ts. Imports are read with the TypeScript
 * compiler's own scanner (`ts.preProcessFile`): `import`, `import type`, `export … from`,
 * `import()`, `require()` and `/// <reference types>`, never text inside comments or strings.
 */
import fs from 'node:fs';
import { builtinModules } from 'node:module';
import path from 'node:path';
import ts from 'typescript';

/** One import of one file; paths are relative to the repository, with forward slashes. */
export type Import = { file: string; specifier: string; reference?: boolean };

/** What an import reaches: a file of the repository, a Node built-in, or a package (by name). */
export type Target = { kind: 'file'; path: string } | { kind: 'builtin'; name: string } | { kind: 'package'; name: string };

/** A broken rule: the file, the import as written, and the rule in words. */
export type Violation = { file: string; specifier: string; rule: string };

const SOURCE = /\.tsx?$/;
const BUILTINS = new Set(builtinModules.map((m) => m.replace(/^node:/, '').split('/')[0]));

/** Every import of every .ts/.tsx file under `dir` (declaration files left out). */
export function scanImports(root: string, dir = 'src'): Import[] {
  const imports: Import[] = [];
  const walk = (abs: string) => {
    for (const entry of fs.readdirSync(abs, { withFileTypes: true })) {
      const child = path.join(abs, entry.name);
      if (entry.isDirectory()) walk(child);
      else if (SOURCE.test(entry.name) && !entry.name.endsWith('.d.ts')) imports.push(...importsOf(path.relative(root, child).split(path.sep).join('/'), fs.readFileSync(child, 'utf8')));
    }
  };
  walk(path.join(root, dir));
  return imports;
}

/** The imports of one file's text (exported for the checker's self-test). */
export function importsOf(file: string, text: string): Import[] {
  const info = ts.preProcessFile(text, true, true);
  return [
    ...info.importedFiles.map((i) => ({ file, specifier: i.fileName })),
    ...info.typeReferenceDirectives.map((r) => ({ file, specifier: r.fileName, reference: true })),
  ];
}

/** Where an import leads. */
export function targetOf(imp: Import): Target {
  const s = imp.specifier;
  if (imp.reference) return s === 'node' ? { kind: 'builtin', name: 'node' } : { kind: 'package', name: `@types/${s}` };
  if (s.startsWith('.')) return { kind: 'file', path: path.posix.normalize(path.posix.join(path.posix.dirname(imp.file), s)) };
  if (s.startsWith('node:') || BUILTINS.has(s.split('/')[0])) return { kind: 'builtin', name: s };
  const parts = s.split('/');
  return { kind: 'package', name: s.startsWith('@') ? parts.slice(0, 2).join('/') : parts[0] };
}

/** The layer a path of src/ belongs to; null outside src/. */
export function layerOf(file: string): 'core' | 'contracts' | 'web' | 'cli' | 'server/files' | 'server' | null {
  const m = /^src\/(core|contracts|web|cli|server\/files|server)\//.exec(file);
  return m ? (m[1] as ReturnType<typeof layerOf>) : null;
}

export const isTestFile = (file: string) => /\.(test|spec)\.tsx?$/.test(file);

/**
 * The dependencies between the units under `area` (the modules of src/server/modules/, the
 * features of src/web/features/): `a → b` for every file of a importing a file of b, test files
 * left out (nothing imports a test, so they add no cycle). `bypassing` when one of those imports
 * reaches past b's public file (`publicFile`, e.g. index.ts).
 */
export function unitEdges(imports: readonly Import[], area: string, publicFile = 'index.ts'): Map<string, { from: string; to: string; bypassing: boolean }> {
  const unit = (file: string) => (file.startsWith(`${area}/`) ? file.slice(area.length + 1).split('/')[0] : null);
  const edges = new Map<string, { from: string; to: string; bypassing: boolean }>();
  for (const imp of imports) {
    const target = targetOf(imp);
    if (isTestFile(imp.file) || target.kind !== 'file') continue;
    const from = unit(imp.file);
    const to = unit(target.path);
    // a file directly under area (not in a unit) is not a unit of its own
    if (from === null || to === null || from === to || !imp.file.slice(area.length + 1).includes('/') || !target.path.slice(area.length + 1).includes('/')) continue;
    const viaPublic = [`${area}/${to}/${publicFile}`, `${area}/${to}/${publicFile.replace(/\.tsx?$/, '')}`, `${area}/${to}`].includes(target.path);
    const key = `${from} → ${to}`;
    const edge = edges.get(key) ?? { from, to, bypassing: false };
    edge.bypassing ||= !viaPublic;
    edges.set(key, edge);
  }
  return edges;
}

/**
 * Every elementary cycle of a directed graph, each once, written from its first unit in
 * alphabetical order: `a → b → a`. (Enumerating them is exponential in the worst case; a
 * graph of a dozen units with few cycles, kept from growing by the ratchet, is far from it.)
 */
export function elementaryCycles(edges: Iterable<{ from: string; to: string }>, limit = 10_000): string[] {
  const next = new Map<string, string[]>();
  for (const { from, to } of edges) next.set(from, [...(next.get(from) ?? []), to]);
  const nodes = [...new Set([...next.keys(), ...[...next.values()].flat()])].sort();
  const cycles: string[] = [];
  for (const start of nodes) {
    // only through units after `start`: the cycle is found once, from its first unit
    const visit = (node: string, trail: string[]) => {
      for (const to of next.get(node) ?? []) {
        if (to === start) cycles.push([...trail, start].join(' → '));
        else if (to > start && !trail.includes(to)) visit(to, [...trail, to]);
        if (cycles.length > limit) throw new Error(`more than ${limit} import cycles`);
      }
    };
    visit(start, [start]);
  }
  return cycles.sort();
}

/**
 * A ratchet: what is found against the list of what is known. Anything new is a problem, and so
 * is anything listed that is no longer found (the list can only shrink).
 */
export function ratchet(found: Iterable<string>, known: readonly string[], what: string, rule: string): string[] {
  const foundSet = new Set(found);
  const knownSet = new Set(known);
  return [
    ...[...foundSet].filter((x) => !knownSet.has(x)).map((x) => `new ${what}: ${x} (${rule})`),
    ...[...knownSet].filter((x) => !foundSet.has(x)).map((x) => `listed ${what} no longer exists: ${x} — remove it from the list`),
  ];
}
