/**
 * Layers that hold (docs/architecture.md, "Layers and where code goes"; conventions 12 and 15):
 * every import of every .ts/.tsx file under src/ is checked against the rules of its layer.
 * Rules that do not hold yet are ratchets: today's violations are listed below, anything new
 * fails, and a listed one that is gone fails too until it is removed from the list.
 */
import fs from 'node:fs';
import path from 'node:path';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';
import { elementaryCycles, type Import, importsOf, isTestFile, layerOf, ratchet, scanImports, type Target, targetOf, unitEdges, type Violation } from './import-graph.ts';

/** Packages core may use: pure, no I/O. Core uses none today; add one only with a reason. */
const CORE_PACKAGES: readonly string[] = [];
/** Packages the tests of core and contracts may use besides: the test runner, properties, oracles and fixtures. */
const TEST_PACKAGES = ['vitest', 'fast-check', 'csv-parse', 'exceljs'];
/** Packages of the server (database, HTTP, logs, CLI): never in the web app. */
const SERVER_PACKAGES = ['pg', 'pg-boss', 'pg-copy-streams', 'drizzle-orm', 'drizzle-kit', 'fastify', 'fastify-type-provider-zod', '@electric-sql/pglite', '@electric-sql/pglite-socket', '@node-rs/argon2', 'pino', 'pino-pretty', 'commander', 'iconv-lite', 'exceljs'];
const FRAMEWORK_PACKAGES = [...SERVER_PACKAGES, 'react', 'react-dom', 'antd', '@ant-design/icons', '@tanstack/react-query', 'react-router', 'react-i18next', 'i18next', 'echarts'];

type Rule = { name: string; applies: (file: string) => boolean; breaks: (target: Target) => boolean; says: string };

const inCore = (f: string) => layerOf(f) === 'core';
const isFileOutside = (t: Target, ...under: string[]) => t.kind === 'file' && !under.some((dir) => t.path.startsWith(`${dir}/`));
const isPackage = (t: Target, allowed: readonly string[]) => t.kind === 'package' && !allowed.includes(t.name);

const RULES: Rule[] = [
  { name: 'core-inward', applies: inCore, breaks: (t) => isFileOutside(t, 'src/core'), says: 'core imports nothing from src/server, src/web, src/cli or src/contracts' },
  { name: 'core-no-io', applies: (f) => inCore(f) && !isTestFile(f), breaks: (t) => t.kind === 'builtin', says: 'core does no I/O: no Node built-ins (its tests may read fixtures)' },
  { name: 'core-packages', applies: (f) => inCore(f) && !isTestFile(f), breaks: (t) => isPackage(t, CORE_PACKAGES) || (t.kind === 'package' && FRAMEWORK_PACKAGES.includes(t.name)), says: 'core uses only the pure packages of CORE_PACKAGES: no database, HTTP, React or UI package' },
  { name: 'core-test-packages', applies: (f) => inCore(f) && isTestFile(f), breaks: (t) => isPackage(t, [...CORE_PACKAGES, ...TEST_PACKAGES]), says: 'the tests of core use only CORE_PACKAGES and TEST_PACKAGES' },
  { name: 'contracts-inward', applies: (f) => layerOf(f) === 'contracts', breaks: (t) => isFileOutside(t, 'src/core', 'src/contracts'), says: 'contracts import only zod, src/core and other contracts' },
  { name: 'contracts-zod', applies: (f) => layerOf(f) === 'contracts' && !isTestFile(f), breaks: (t) => t.kind === 'builtin' || isPackage(t, ['zod']), says: 'contracts import only zod, src/core and other contracts' },
  { name: 'contracts-test-packages', applies: (f) => layerOf(f) === 'contracts' && isTestFile(f), breaks: (t) => isPackage(t, ['zod', ...TEST_PACKAGES]), says: 'the tests of contracts use only zod and TEST_PACKAGES' },
  { name: 'web-no-server', applies: (f) => layerOf(f) === 'web', breaks: (t) => t.kind === 'file' && /^src\/(server|cli)\//.test(t.path), says: 'the web app does not import src/server or src/cli (it calls the API)' },
  { name: 'web-no-node', applies: (f) => layerOf(f) === 'web', breaks: (t) => t.kind === 'builtin' || (t.kind === 'package' && SERVER_PACKAGES.includes(t.name)), says: 'the web app runs in a browser: no Node built-ins, no server package' },
  {
    name: 'db-below-modules',
    applies: (f) => /^src\/server\/(db|jobs)\//.test(f) && !isTestFile(f),
    breaks: (t) => t.kind === 'file' && /^src\/server\/(modules|http)\//.test(t.path),
    says: 'the database layer (src/server/db, with the dataset tables it names) and the job queue (src/server/jobs) import no module and no HTTP code: modules build on them',
  },
  { name: 'files-on-core', applies: (f) => layerOf(f) === 'server/files', breaks: (t) => isFileOutside(t, 'src/core', 'src/server/files'), says: 'the file readers of src/server/files depend on core only (no module, database or HTTP)' },
];

/** Every import that breaks a rule. */
function layerViolations(imports: readonly Import[], rules = RULES): Violation[] {
  const found: Violation[] = [];
  for (const imp of imports) {
    const target = targetOf(imp);
    for (const rule of rules) if (rule.applies(imp.file) && rule.breaks(target)) found.push({ file: imp.file, specifier: imp.specifier, rule: `${rule.name}: ${rule.says}` });
  }
  return found;
}

const key = (v: Violation) => `${v.file} → ${v.specifier}`;

// Layer rules broken today, as `file → import`. The list can only shrink.
const KNOWN_LAYER_VIOLATIONS = [
  // the built-in templates are checked against the sample files, read by the server's file readers
  'src/core/datasets/builtin-templates.test.ts → ../../server/files/spreadsheet.ts',
  'src/core/datasets/builtin-templates.test.ts → ../../server/files/table-stream.ts',
];

// A module reaches another only through its public file src/server/modules/<b>/index.ts
// (convention 12). Every module that others use has one now, and no cross-module import
// bypasses it; a new one fails here. Test files are not counted (nothing imports them).
// cross-module dependencies bypassing a public file today: 0
const KNOWN_BYPASSING_MODULE_EDGES: string[] = [];

// No two modules import each other, directly or through others (convention 12).
// module import cycles today: 0 (the data → actuals loop went with issue 12 §2)
const KNOWN_MODULE_CYCLES: string[] = [];

// The same for the features of the web app (src/web/features/<feature>).
// web feature import cycles today: 0
const KNOWN_FEATURE_CYCLES: string[] = [];

// Inside a module, SQL lives in *.queries.ts; services, jobs, routes and the other use-case files
// hold the logic and call query functions (convention 11). A module file — not a test, not a
// *.queries.ts — with a value import of drizzle-orm or of the schema's tables runs SQL itself
// (`import type`, e.g. a `type SQL` parameter or a row type, does not). The list only shrinks.
// module files running SQL outside *.queries.ts today: 0 (before: 34 files imported drizzle-orm or
// the schema when this rule replaced the services-only one — 33 for values, cycle-guard.ts a type
// only; the services-only list had started at 33 of 36 services). Every entry to come off stays off.
const KNOWN_SQL_OUTSIDE_QUERIES: string[] = [];

/** drizzle-orm, or the schema's tables: what a file imports to run SQL. */
const isSqlImport = (specifier: string) => specifier === 'drizzle-orm' || /\/db\/schema\/index\.ts$/.test(specifier);

/**
 * How many of a file's imports of each module are type-only: `import type …`, `export type … from`,
 * or `import { type A, type B }` (every name a type). They bring no value, so no query builder.
 */
function typeOnlyImports(file: string, text: string): Map<string, number> {
  const counts = new Map<string, number>();
  const source = ts.createSourceFile(file, text, ts.ScriptTarget.Latest, false, ts.ScriptKind.TS);
  for (const node of source.statements) {
    let typeOnly = false;
    if (ts.isImportDeclaration(node) && node.importClause) {
      const { isTypeOnly, name, namedBindings } = node.importClause;
      typeOnly = isTypeOnly || (!name && namedBindings !== undefined && ts.isNamedImports(namedBindings) && namedBindings.elements.length > 0 && namedBindings.elements.every((e) => e.isTypeOnly));
    } else if (ts.isExportDeclaration(node) && node.moduleSpecifier) {
      typeOnly = node.isTypeOnly || (node.exportClause !== undefined && ts.isNamedExports(node.exportClause) && node.exportClause.elements.length > 0 && node.exportClause.elements.every((e) => e.isTypeOnly));
    }
    const specifier = (ts.isImportDeclaration(node) || ts.isExportDeclaration(node)) && node.moduleSpecifier && ts.isStringLiteral(node.moduleSpecifier) ? node.moduleSpecifier.text : null;
    if (typeOnly && specifier) counts.set(specifier, (counts.get(specifier) ?? 0) + 1);
  }
  return counts;
}

/** Does the file import drizzle-orm or the schema's tables as a value (any import of them that is not type-only)? */
function importsSqlValues(file: string, text: string): boolean {
  const all = new Map<string, number>();
  for (const i of importsOf(file, text)) if (!i.reference && isSqlImport(i.specifier)) all.set(i.specifier, (all.get(i.specifier) ?? 0) + 1);
  const typeOnly = all.size > 0 ? typeOnlyImports(file, text) : new Map<string, number>();
  return [...all].some(([specifier, n]) => n > (typeOnly.get(specifier) ?? 0));
}

/** The files of the modules that run SQL outside a *.queries.ts: tests left out. */
function modulesRunningSql(sources: readonly { file: string; text: string }[]): string[] {
  const applies = (file: string) => file.startsWith(`${MODULES}/`) && !isTestFile(file) && !file.endsWith('.queries.ts');
  return sources.filter((s) => applies(s.file) && importsSqlValues(s.file, s.text)).map((s) => s.file).sort();
}

const root = path.resolve(import.meta.dirname, '../..');
const MODULES = 'src/server/modules';
const FEATURES = 'src/web/features';

describe('layer boundaries', () => {
  const imports = scanImports(root);

  it('reads the imports of every source file', () => {
    const files = new Set(imports.map((i) => i.file));
    expect(files.size).toBeGreaterThan(300);
    expect(imports).toContainEqual({ file: 'src/server/files/table-stream.ts', specifier: 'node:fs/promises' });
  });

  it('keeps each layer to what it may import', () => {
    const violations = layerViolations(imports);
    const found = new Set(violations.map(key));
    const problems = [
      ...violations.filter((v) => !KNOWN_LAYER_VIOLATIONS.includes(key(v))).map((v) => `${v.file} imports '${v.specifier}' — ${v.rule}`),
      ...KNOWN_LAYER_VIOLATIONS.filter((k) => !found.has(k)).map((k) => `listed layer violation no longer exists: ${k} — remove it from the list`),
    ];
    expect(problems, problems.join('\n')).toEqual([]);
  });

  it('server modules: no new import that bypasses a public file, and no new cycle', () => {
    const edges = unitEdges(imports, MODULES);
    const bypassing = [...edges].filter(([, e]) => e.bypassing).map(([k]) => k);
    const problems = [
      ...ratchet(bypassing, KNOWN_BYPASSING_MODULE_EDGES, 'cross-module import bypassing a public file', `import src/server/modules/<b>/index.ts instead`),
      ...ratchet(elementaryCycles(edges.values()), KNOWN_MODULE_CYCLES, 'module import cycle', 'no two modules import each other'),
    ];
    expect(problems, problems.join('\n')).toEqual([]);
  });

  it('server modules: SQL only in *.queries.ts (no new module file running SQL)', () => {
    // only the files that import drizzle-orm or the schema at all are read again, to tell types from values
    const candidates = [...new Set(imports.filter((i) => i.file.startsWith(`${MODULES}/`) && isSqlImport(i.specifier)).map((i) => i.file))];
    expect(candidates.length).toBeGreaterThan(30);
    const sources = candidates.map((file) => ({ file, text: fs.readFileSync(path.join(root, file), 'utf8') }));
    const problems = ratchet(modulesRunningSql(sources), KNOWN_SQL_OUTSIDE_QUERIES, 'module file running SQL', 'move its queries to a *.queries.ts of the module (of its sub-folder in cycles/) and call them');
    expect(problems, problems.join('\n')).toEqual([]);
  });

  it('web features: no new import cycle', () => {
    const problems = ratchet(elementaryCycles(unitEdges(imports, FEATURES).values()), KNOWN_FEATURE_CYCLES, 'web feature import cycle', 'no two features import each other');
    expect(problems, problems.join('\n')).toEqual([]);
  });
});

describe('the boundary checker itself', () => {
  const file = (name: string, text: string) => importsOf(name, text);

  it('reports synthetic violations of every layer, and not their allowed imports', () => {
    const imports = [
      ...file('src/core/x/pure.ts', "/// <reference types=\"node\" />\nimport fs from 'node:fs';\nimport { db } from '../../server/db/client.ts';\nimport { z } from 'zod';\nimport { Button } from 'antd';\nimport { ok } from '../y/ok.ts';"),
      ...file('src/core/x/pure.test.ts', "import fs from 'node:fs';\nimport { it } from 'vitest';\nimport pg from 'pg';"),
      ...file('src/contracts/c.ts', "import { z } from 'zod';\nimport { sql } from 'drizzle-orm';\nimport { t } from '../server/errors.ts';\nimport type { G } from '../core/goals/types.ts';"),
      ...file('src/web/features/a/Page.tsx', "import type { X } from '../../../server/app.ts';\nimport os from 'os';\nimport { useQuery } from '@tanstack/react-query';\nconst lazy = () => import('../../../cli/kedu.ts');"),
      ...file('src/server/files/reader.ts', "import { open } from 'node:fs/promises';\nimport { AppError } from '../errors.ts';"),
    ];
    expect(layerViolations(imports).map((v) => `${v.file} → ${v.specifier} [${v.rule.split(':')[0]}]`)).toEqual([
      'src/core/x/pure.ts → node:fs [core-no-io]',
      'src/core/x/pure.ts → ../../server/db/client.ts [core-inward]',
      'src/core/x/pure.ts → zod [core-packages]',
      'src/core/x/pure.ts → antd [core-packages]',
      'src/core/x/pure.ts → node [core-no-io]',
      'src/core/x/pure.test.ts → pg [core-test-packages]',
      'src/contracts/c.ts → drizzle-orm [contracts-zod]',
      'src/contracts/c.ts → ../server/errors.ts [contracts-inward]',
      'src/web/features/a/Page.tsx → ../../../server/app.ts [web-no-server]',
      'src/web/features/a/Page.tsx → os [web-no-node]',
      'src/web/features/a/Page.tsx → ../../../cli/kedu.ts [web-no-server]',
      'src/server/files/reader.ts → ../errors.ts [files-on-core]',
    ]);
  });

  it('finds module files that run SQL outside *.queries.ts, and not queries files, tests or type-only imports', () => {
    const sources = [
      { file: 'src/server/modules/a/a.service.ts', text: "import { eq } from 'drizzle-orm';\nimport type { Db } from '../../db/client.ts';" },
      { file: 'src/server/modules/a/a-report.ts', text: "import { type SQL, sql } from 'drizzle-orm';" },
      { file: 'src/server/modules/a/refresh.job.ts', text: "import { goals } from '../../db/schema/index.ts';" },
      { file: 'src/server/modules/b/sub/b.routes.ts', text: "import type { CycleState } from '../../../db/schema/index.ts';\nimport { cycles } from '../../../db/schema/index.ts';" },
      { file: 'src/server/modules/a/a.queries.ts', text: "import { and, eq, sql } from 'drizzle-orm';\nimport { goals } from '../../db/schema/index.ts';" },
      { file: 'src/server/modules/a/a-scope.ts', text: "import type { SQL } from 'drizzle-orm';\nimport { type datasets } from '../../db/schema/index.ts';\nexport type { SQL } from 'drizzle-orm';" },
      { file: 'src/server/modules/a/a.int.test.ts', text: "import { sql } from 'drizzle-orm';" },
      { file: 'src/server/db/backup.ts', text: "import { sql } from 'drizzle-orm';" },
    ];
    expect(modulesRunningSql(sources)).toEqual(['src/server/modules/a/a-report.ts', 'src/server/modules/a/a.service.ts', 'src/server/modules/a/refresh.job.ts', 'src/server/modules/b/sub/b.routes.ts']);
    expect(ratchet(['src/server/modules/a/a-report.ts'], ['src/server/modules/a/gone.ts'], 'module file running SQL', 'rule')).toEqual([
      'new module file running SQL: src/server/modules/a/a-report.ts (rule)',
      'listed module file running SQL no longer exists: src/server/modules/a/gone.ts — remove it from the list',
    ]);
  });

  it('finds a new module cycle and a bypassing import, and a listed one that is gone', () => {
    const imports = [
      ...file('src/server/modules/a/a.service.ts', "import { b } from '../b/index.ts';"),
      ...file('src/server/modules/b/b.service.ts', "import { c } from '../c/c.queries.ts';"),
      ...file('src/server/modules/c/index.ts', "import { a } from '../a/a.service.ts';"),
      ...file('src/server/modules/c/c.test.ts', "import { d } from '../d/d.service.ts';"),
    ];
    const edges = unitEdges(imports, MODULES);
    expect([...edges.keys()]).toEqual(['a → b', 'b → c', 'c → a']);
    expect([...edges].filter(([, e]) => e.bypassing).map(([k]) => k)).toEqual(['b → c', 'c → a']);
    expect(elementaryCycles(edges.values())).toEqual(['a → b → c → a']);
    expect(elementaryCycles([{ from: 'x', to: 'y' }, { from: 'y', to: 'x' }, { from: 'y', to: 'z' }, { from: 'z', to: 'y' }, { from: 'z', to: 'x' }])).toEqual(['x → y → x', 'x → y → z → x', 'y → z → y']);
    expect(ratchet(['a → b → c → a'], ['b → c → b'], 'module import cycle', 'rule')).toEqual([
      'new module import cycle: a → b → c → a (rule)',
      'listed module import cycle no longer exists: b → c → b — remove it from the list',
    ]);
  });
});
