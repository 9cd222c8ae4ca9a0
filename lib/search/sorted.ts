// Binary search over sorted arrays: the vocabulary (code-unit order, as
// compareTerms sorts it) and posting lists (ids ascending).

/** Index of the first element >= key. */
export function lowerBound<T extends string | number>(sorted: ArrayLike<T>, key: T): number {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (sorted[mid] < key) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** Where `key` is, or -1. */
export function sortedIndexOf<T extends string | number>(sorted: ArrayLike<T>, key: T): number {
  const at = lowerBound(sorted, key);
  return at < sorted.length && sorted[at] === key ? at : -1;
}
