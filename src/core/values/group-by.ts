/**
 * Items grouped by a key, in their order: `Map.groupBy`, which Node 20 lacks (it arrived in 21).
 *
 * @example groupBy([{ g: 'a', n: 1 }, { g: 'b', n: 2 }, { g: 'a', n: 3 }], (x) => x.g).get('a'); // → [{ g: 'a', n: 1 }, { g: 'a', n: 3 }]
 */
export function groupBy<T, K>(items: Iterable<T>, keyOf: (item: T) => K): Map<K, T[]> {
  const groups = new Map<K, T[]>();
  for (const item of items) {
    const key = keyOf(item);
    const group = groups.get(key);
    if (group) group.push(item);
    else groups.set(key, [item]);
  }
  return groups;
}
