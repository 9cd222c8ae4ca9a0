// Sorting uint32 arrays by value, by hand: V8's TypedArray.prototype.sort
// goes through a generic merge sort over boxed numbers, and every hash above
// 2^30 is a heap number, so sorting the 36 million 5-gram hashes of 100,000
// articles that way spent more time in the garbage collector than in sorting.
// An LSD radix sort, a byte per pass, moves plain integers only.

const counts = new Uint32Array(4 * 256);

/**
 * Sorts `values` ascending in place; `payload` (same length), if given, is
 * moved with them (a stable sort: equal values keep the payload's order).
 * `scratch` buffers may be passed to avoid allocating.
 */
export function radixSort(values: Uint32Array, payload?: Uint32Array, scratch?: { values: Uint32Array; payload?: Uint32Array }): void {
  const n = values.length;
  if (n < 2) return;
  if (n <= 32) {
    insertionSort(values, payload);
    return;
  }
  counts.fill(0);
  for (let i = 0; i < n; i++) {
    const v = values[i];
    counts[v & 255]++;
    counts[256 + ((v >>> 8) & 255)]++;
    counts[512 + ((v >>> 16) & 255)]++;
    counts[768 + (v >>> 24)]++;
  }
  let from = values, fromPayload = payload;
  let to = scratch && scratch.values.length >= n ? scratch.values.subarray(0, n) : new Uint32Array(n);
  let toPayload = payload ? (scratch?.payload && scratch.payload.length >= n ? scratch.payload.subarray(0, n) : new Uint32Array(n)) : undefined;
  for (let pass = 0; pass < 4; pass++) {
    const base = pass * 256, shift = pass * 8;
    // A byte that is the same in every value needs no pass.
    if (counts[base + ((from[0] >>> shift) & 255)] === n) continue;
    let sum = 0;
    for (let b = 0; b < 256; b++) {
      const c = counts[base + b];
      counts[base + b] = sum;
      sum += c;
    }
    for (let i = 0; i < n; i++) {
      const v = from[i];
      const at = counts[base + ((v >>> shift) & 255)]++;
      to[at] = v;
      if (fromPayload) toPayload![at] = fromPayload[i];
    }
    [from, to] = [to, from];
    if (fromPayload) [fromPayload, toPayload] = [toPayload!, fromPayload];
  }
  if (from !== values) {
    values.set(from);
    if (payload) payload.set(fromPayload!);
  }
}

function insertionSort(values: Uint32Array, payload?: Uint32Array): void {
  for (let i = 1; i < values.length; i++) {
    const v = values[i];
    const p = payload ? payload[i] : 0;
    let j = i - 1;
    while (j >= 0 && values[j] > v) {
      values[j + 1] = values[j];
      if (payload) payload[j + 1] = payload[j];
      j--;
    }
    values[j + 1] = v;
    if (payload) payload[j + 1] = p;
  }
}
