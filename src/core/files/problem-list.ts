/**
 * The problems an import finds in a file, kept as its answer lists them (domain.md §4: every
 * problem located by row, column and value). A file can hold millions of problems (a header of
 * five million unknown columns); the answer lists the first ones and counts the rest, so only
 * those are kept: memory stays the same whatever the file.
 */

/** Problems listed in an answer; the rest are counted ("and N more"). */
export const MAX_LISTED_PROBLEMS = 100;

type Kept<T> = { problem: T; row: number; order: number; seq: number };

const before = <T>(a: Kept<T>, b: Kept<T>) => a.row - b.row || a.order - b.order || a.seq - b.seq;

/**
 * The first `max` problems in reading order — by row, then by `order` (a column's place in the
 * file, say), then as they were found — and the count of all. Adding is O(1) for a problem after
 * the ones kept (the usual case: rows are read in order) and O(max) otherwise.
 * @example
 *   const list = new ProblemList<{ row: number; code: string }>(2);
 *   list.add({ row: 3, code: 'a' }); list.add({ row: 1, code: 'b' }); list.add({ row: 2, code: 'c' });
 *   list.count // 3
 *   list.listed() // [{ row: 1, code: 'b' }, { row: 2, code: 'c' }]
 *   list.summary() // { count: 3, listed: 2, more: 1 }
 */
export class ProblemList<T extends { row?: number }> {
  /** Every problem added, listed or not. */
  count = 0;
  private kept: Kept<T>[] = [];

  constructor(readonly max = MAX_LISTED_PROBLEMS) {}

  /** Records a problem; `order` places it among the problems of its row (lower first). */
  add(problem: T, order = 0): void {
    const entry: Kept<T> = { problem, row: problem.row ?? 0, order, seq: this.count++ };
    const kept = this.kept;
    if (kept.length >= this.max) {
      if (this.max === 0 || before(entry, kept[kept.length - 1]!) >= 0) return;
      kept.pop();
    }
    let lo = 0;
    let hi = kept.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (before(kept[mid]!, entry) <= 0) lo = mid + 1;
      else hi = mid;
    }
    kept.splice(lo, 0, entry);
  }

  /** Forgets every problem (a finding that makes the others moot replaces them). */
  clear(): void {
    this.kept = [];
    this.count = 0;
  }

  /** The problems kept, in reading order. */
  listed(): T[] {
    return this.kept.map((k) => k.problem);
  }

  /**
   * The count for an answer, with how many are listed and how many more there are when some
   * are left out (the `import_failed` message says "and N more").
   */
  summary(): { count: number; listed?: number; more?: number } {
    const listed = this.kept.length;
    return this.count > listed ? { count: this.count, listed, more: this.count - listed } : { count: this.count };
  }
}
