// Binary search over sorted arrays: the vocabulary (code-unit order, as
// compareTerms sorts it) and posting lists (ids ascending).

/** Index of the first element >= key (at or after `from`, when the caller knows none before it is). */
export function lowerBound<T extends string | number>(sorted: ArrayLike<T>, key: T, from = 0): number {
  let lo = from;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (sorted[mid] < key) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** The ids of the sorted terms that begin with `head`, as a range [from, to). */
export function prefixRange(sorted: ArrayLike<string>, head: string): [from: number, to: number] {
  return [lowerBound(sorted, head), lowerBound(sorted, head + '\uffff')];
}

/** Where `key` is, or -1. */
export function sortedIndexOf<T extends string | number>(sorted: ArrayLike<T>, key: T): number {
  const at = lowerBound(sorted, key);
  return at < sorted.length && sorted[at] === key ? at : -1;
}
