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
import { BENCH_CARD, median, random, round } from './support.ts';

const ROOT = path.resolve(import.meta.dirname, '..');
const PEOPLE = 10_000;
const RUNS = 5;
const TARGET_RATIO = 3;

const card = { format: 'kedu.scorecard/v1', name: 'bench', ...BENCH_CARD };
const COLUMNS = ['person', '销售额', '新客户', '回款率', '费用率', '销售成本', '期初库存', '期末库存', '收入', '成本', '投诉率', '能力'];

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
  console.log(JSON.stringify({ benchmark: 'score-cli', people: PEOPLE, cliMs: round(cliMs), floorMs: round(floorMs), ratio: Math.round((cliMs / floorMs) * 100) / 100, target: TARGET_RATIO }));
} finally {
  fs.rmSync(dir, { recursive: true, force: true });
}
