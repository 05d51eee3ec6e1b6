/**
 * `kedu score` on 10,000 people × 8 indicators, as a whole process (`node bin/kedu.js score …
 * --format json`), against the practical floor: bench/score-floor.mjs, a minimal hand-written
 * scorer run the same way. Checks that both give the same total for everyone (to 1e-9) and
 * prints one JSON line. Run through bench/run.ts.
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

const ROOT = path.resolve(import.meta.dirname, '..');
const PEOPLE = 10_000;
const RUNS = 5;
const TARGET_RATIO = 3;

/** Mixed rules: proportional, tiers, linear, manual, lower-is-better (mirror and inverse); 2 formulas; 3 vetoes. */
const card = {
  format: 'kedu.scorecard/v1',
  name: 'bench',
  indicators: [
    { key: '销售额', name: '销售额', purpose: 'p', direction: 'higher', weight: 25, target: 1_000_000, rule: { type: 'proportional' }, cap: 1.2, veto: { below: 0.8, effect: { multiply: 0.5 } } },
    { key: '新客户', name: '新客户', purpose: 'p', direction: 'higher', weight: 15, target: 10, rule: { type: 'tiers', tiers: [{ atLeast: 0.8, multiplier: 1.1 }, { above: 1, multiplier: 1.3 }], below: 'proportional' } },
    { key: '回款率', name: '回款率', purpose: 'p', direction: 'higher', weight: 10, target: 0.95, rule: { type: 'linear', points: [[0.8, 0], [0.9, 0.6], [1, 1]] }, veto: { below: 0.7, effect: 'zero' } },
    { key: '费用率', name: '费用率', purpose: 'p', direction: 'lower', achievement: 'mirror', weight: 10, target: 0.05, rule: { type: 'proportional' }, cap: 1.2 },
    { key: '周转率', name: '周转率', purpose: 'p', direction: 'higher', formula: '销售成本÷((期初库存+期末库存)/2)', weight: 10, target: 4, rule: { type: 'proportional' }, cap: 1.2 },
    { key: '毛利率', name: '毛利率', purpose: 'p', direction: 'higher', formula: '(收入-成本)/收入', weight: 10, target: 0.3, rule: { type: 'proportional' }, cap: 1.2, veto: { below: 0.5, effect: { capTotal: 60 } } },
    { key: '投诉率', name: '投诉率', purpose: 'p', direction: 'lower', achievement: 'inverse', weight: 5, target: 0.02, rule: { type: 'proportional' }, cap: 1.5 },
    { key: '能力', name: '能力', purpose: 'p', direction: 'higher', weight: 15, rule: { type: 'manual', scale: [1, 5] } },
  ],
  grades: [
    { min: 95, grade: 'S' },
    { min: 85, grade: 'A' },
    { min: 70, grade: 'B' },
    { min: 0, grade: 'C' },
  ],
  maxTotal: 120,
};
const COLUMNS = ['person', '销售额', '新客户', '回款率', '费用率', '销售成本', '期初库存', '期末库存', '收入', '成本', '投诉率', '能力'];

/** A small seeded generator (mulberry32): the same file every run. */
function random(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function peopleCsv(): string {
  const rnd = random(42);
  const between = (lo: number, hi: number, decimals: number) => (lo + rnd() * (hi - lo)).toFixed(decimals);
  const lines = [COLUMNS.join(',')];
  for (let i = 0; i < PEOPLE; i++) {
    lines.push(
      [
        `P${String(i).padStart(5, '0')}`,
        between(500_000, 1_500_000, 0),
        String(Math.floor(rnd() * 16)),
        between(0.6, 1, 4),
        between(0.02, 0.09, 4),
        between(400_000, 1_200_000, 0),
        between(100_000, 300_000, 0),
        between(100_000, 300_000, 0),
        between(800_000, 2_000_000, 0),
        between(400_000, 1_700_000, 0),
        between(0.005, 0.05, 4),
        String(1 + Math.floor(rnd() * 5)),
      ].join(','),
    );
  }
  return `${lines.join('\n')}\n`;
}

/** Runs a process with stdout to a file (or /dev/null); returns the wall time in ms. */
function timed(args: string[], stdoutFile: string): number {
  const fd = fs.openSync(stdoutFile, 'w');
  try {
    const start = performance.now();
    const r = spawnSync(process.execPath, args, { cwd: ROOT, stdio: ['ignore', fd, 'pipe'], env: { ...process.env, LANG: 'en_US.UTF-8' } });
    const ms = performance.now() - start;
    if (r.status !== 0) throw new Error(`${args.join(' ')} exited ${r.status}: ${r.stderr}`);
    return ms;
  } finally {
    fs.closeSync(fd);
  }
}

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)];
}

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'kedu-bench-score-'));
try {
  const cardPath = path.join(dir, 'card.json');
  const csvPath = path.join(dir, 'people.csv');
  fs.writeFileSync(cardPath, JSON.stringify(card, null, 2));
  fs.writeFileSync(csvPath, peopleCsv());
  const cli = [path.join(ROOT, 'bin/kedu.js'), 'score', cardPath, '--actuals', csvPath, '--format', 'json'];
  const floor = [path.join(ROOT, 'bench/score-floor.mjs'), cardPath, csvPath];

  // the two must agree on every total before their times mean anything
  const cliOut = path.join(dir, 'cli.json');
  const floorOut = path.join(dir, 'floor.csv');
  timed(cli, cliOut);
  timed(floor, floorOut);
  const results = (JSON.parse(fs.readFileSync(cliOut, 'utf8')) as { results: { person: string; status: string; total: number | null }[] }).results;
  const floorTotals = fs.readFileSync(floorOut, 'utf8').trimEnd().split('\n').map((l) => l.split(','));
  if (results.length !== PEOPLE || floorTotals.length !== PEOPLE) throw new Error(`expected ${PEOPLE} results, got ${results.length} (cli) and ${floorTotals.length} (floor)`);
  results.forEach((r, i) => {
    const [person, total] = floorTotals[i];
    if (r.person !== person || r.status !== 'complete' || r.total === null || Math.abs(r.total - Number(total)) > 1e-9) {
      throw new Error(`row ${i + 2}: cli ${r.person} ${r.status} ${r.total} ≠ floor ${person} ${total}`);
    }
  });

  const cliMs = median(Array.from({ length: RUNS }, () => timed(cli, '/dev/null')));
  const floorMs = median(Array.from({ length: RUNS }, () => timed(floor, '/dev/null')));
  const round = (x: number) => Math.round(x * 10) / 10;
  console.log(JSON.stringify({ benchmark: 'score-cli', people: PEOPLE, cliMs: round(cliMs), floorMs: round(floorMs), ratio: Math.round((cliMs / floorMs) * 100) / 100, target: TARGET_RATIO }));
} finally {
  fs.rmSync(dir, { recursive: true, force: true });
}
