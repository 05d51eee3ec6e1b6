// The practical floor for `kedu score`: a minimal hand-written scorer (plain JS, no Kedu code)
// for the benchmark's scorecard shape. Parses the CSV (no quoting: the benchmark writes none),
// computes each person's total in a tight loop and prints `person,total` lines.
// Usage: node bench/score-floor.mjs card.json people.csv
import { readFileSync } from 'node:fs';

const [cardPath, csvPath] = process.argv.slice(2);
const card = JSON.parse(readFileSync(cardPath, 'utf8'));
const lines = readFileSync(csvPath, 'utf8').split('\n');
const header = lines[0].split(',');
const col = Object.fromEntries(header.map((h, i) => [h, i]));

// the benchmark's two formulas, written out by hand
const formulas = {
  周转率: (v) => v[col.销售成本] / ((v[col.期初库存] + v[col.期末库存]) / 2),
  毛利率: (v) => (v[col.收入] - v[col.成本]) / v[col.收入],
};
const slack = (t) => 1e-12 * Math.max(1, Math.abs(t));
const inds = card.indicators.map((ind) => ({ ...ind, at: col[ind.key], f: formulas[ind.key] }));

function multiplier(ind, r) {
  const rule = ind.rule;
  if (rule.type === 'tiers') {
    let m = null;
    for (const t of rule.tiers) {
      if (t.atLeast !== undefined ? r >= t.atLeast - slack(t.atLeast) : r > t.above + slack(t.above)) m = t.multiplier;
    }
    return m ?? (rule.below === 'zero' ? 0 : r);
  }
  if (rule.type === 'linear') {
    const p = rule.points;
    if (r <= p[0][0]) return p[0][1];
    if (r >= p[p.length - 1][0]) return p[p.length - 1][1];
    for (let i = 1; i < p.length; i++) {
      if (r <= p[i][0]) return p[i - 1][1] + ((r - p[i - 1][0]) * (p[i][1] - p[i - 1][1])) / (p[i][0] - p[i - 1][0]);
    }
  }
  return r;
}

const out = [];
const values = new Array(header.length);
for (let l = 1; l < lines.length; l++) {
  const line = lines[l];
  if (line === '') continue;
  const cells = line.split(',');
  for (let i = 1; i < cells.length; i++) values[i] = Number(cells[i]);
  let subtotal = 0;
  let factor = 1;
  let capTotal = Infinity;
  let zero = false;
  for (const ind of inds) {
    const actual = ind.f ? ind.f(values) : values[ind.at];
    let r;
    let m;
    if (ind.rule.type === 'manual') {
      const [s0, s1] = ind.rule.scale ?? [1, 5];
      const [m0, m1] = ind.rule.mapTo ?? [0.2, 1];
      r = m = m0 + ((actual - s0) * (m1 - m0)) / (s1 - s0);
    } else {
      r = ind.direction === 'lower' ? (ind.achievement === 'inverse' ? ind.target / actual : 2 - actual / ind.target) : actual / ind.target;
      m = multiplier(ind, r);
    }
    m = Math.min(Math.max(m, ind.floor ?? 0), ind.cap ?? Infinity);
    subtotal += ind.weight * m;
    if (ind.veto && r < ind.veto.below - slack(ind.veto.below)) {
      const e = ind.veto.effect;
      if (e === 'zero') zero = true;
      else if (e.multiply !== undefined) factor *= e.multiply;
      else capTotal = Math.min(capTotal, e.capTotal);
    }
  }
  let total = zero ? 0 : Math.min(subtotal * factor, capTotal);
  if (card.maxTotal !== undefined) total = Math.min(total, card.maxTotal);
  out.push(`${cells[0]},${total}`);
}
process.stdout.write(`${out.join('\n')}\n`);
