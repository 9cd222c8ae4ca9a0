// The first k of many matches in order, without sorting them all: a common
// word matches most of an archive, and a page needs ten.

/** The k-th largest value of `values` (1-based k), by quickselect; reorders `values`. */
export function kthLargest(values: Float64Array, k: number): number {
  let lo = 0;
  let hi = values.length - 1;
  const want = k - 1;
  while (lo < hi) {
    const pivot = values[(lo + hi) >>> 1];
    let i = lo;
    let j = hi;
    while (i <= j) {
      while (values[i] > pivot) i++;
      while (values[j] < pivot) j--;
      if (i <= j) {
        const t = values[i];
        values[i] = values[j];
        values[j] = t;
        i++;
        j--;
      }
    }
    if (want <= j) hi = j;
    else if (want >= i) lo = i;
    else return values[want];
  }
  return values[want];
}

/**
 * The first `k` ids in the order of their keys (`keys[id]`, higher first),
 * ties broken by `tie`: the same as sorting every id and slicing, in
 * O(n + k log k). Keys are an array, not a function: this runs over every
 * match of a common word.
 */
export function topK(ids: readonly number[], k: number, keys: ArrayLike<number>, tie: (a: number, b: number) => number): number[] {
  const compare = (a: number, b: number) => keys[b] - keys[a] || tie(a, b);
  if (k <= 0) return [];
  if (ids.length <= k * 4) return [...ids].sort(compare).slice(0, k);
  const values = new Float64Array(ids.length);
  for (let i = 0; i < ids.length; i++) values[i] = keys[ids[i]];
  const threshold = kthLargest(values, k);
  const head: number[] = [];
  for (let i = 0; i < ids.length; i++) if (keys[ids[i]] >= threshold) head.push(ids[i]);
  return head.sort(compare).slice(0, k);
}

/**
 * The `k` best of `ids` by `keys` (higher first), unordered, in the order of
 * `ids`; ties at the k-th value are all kept, up to 2k in all. Cheaper than
 * topK when the order among them does not matter (which to check for proximity).
 */
export function bestUnordered(ids: readonly number[], k: number, keys: ArrayLike<number>): number[] {
  if (ids.length <= k) return [...ids];
  const values = new Float64Array(ids.length);
  for (let i = 0; i < ids.length; i++) values[i] = keys[ids[i]];
  const threshold = kthLargest(values, k);
  const best: number[] = [];
  for (let i = 0; i < ids.length && best.length < k * 2; i++) if (keys[ids[i]] >= threshold) best.push(ids[i]);
  return best;
}
