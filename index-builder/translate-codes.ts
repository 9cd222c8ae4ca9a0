// Rewrites the previous positions in new word codes (index-builder/append.ts),
// on a thread of its own: it is the longest step of a rebuild that adds
// articles (about half a second over the 36 million words of 100,000
// articles), and nothing needs its result until positions.bin is written, so
// the build goes on encoding and writing the other files meanwhile.
import { Worker } from 'node:worker_threads';

/**
 * Every code of `positions` as `codeOfOld` maps it, into `out`, and where
 * each article starts there into `posOffsets`; returns the bytes written.
 * Self-contained (it runs in a worker from its own source text), inline and
 * unrolled: a helper writing through a closure made it about a quarter slower.
 */
export function translateCodes(positions: Uint8Array, offsets: Uint32Array, codeOfOld: Uint32Array, out: Uint8Array, posOffsets: Uint32Array): number {
  let o = 0;
  const count = offsets.length - 1;
  for (let d = 0, i = 0; d < count; d++) {
    posOffsets[d] = o;
    for (const end = offsets[d + 1]; i < end; ) {
      let b = positions[i++];
      let code = b & 0x7f;
      if (b >= 0x80) {
        b = positions[i++];
        code |= (b & 0x7f) << 7;
        for (let shift = 14; b >= 0x80; shift += 7) {
          b = positions[i++];
          code |= (b & 0x7f) << shift;
        }
      }
      let to = codeOfOld[code];
      while (to >= 0x80) {
        out[o++] = (to & 0x7f) | 0x80;
        to >>>= 7;
      }
      out[o++] = to;
    }
  }
  return o;
}

/** A plain script, not TypeScript: the worker needs no loader, so it starts in a few milliseconds. */
const WORKER_SOURCE = `
const { parentPort, workerData: w } = require('node:worker_threads');
const translateCodes = ${translateCodes.toString()};
parentPort.postMessage(translateCodes(w.positions, w.offsets, w.codeOfOld, w.out, w.posOffsets));
`;

/**
 * translateCodes on another thread, into `out` and `posOffsets` (which must
 * be views of SharedArrayBuffers); resolves to the bytes written. When the
 * worker fails, the translation is done on this thread instead: the promise
 * never rejects.
 */
export function translateCodesAside(positions: Uint8Array, offsets: Uint32Array, codeOfOld: Uint32Array, out: Uint8Array, posOffsets: Uint32Array): Promise<number> {
  const here = () => translateCodes(positions, offsets, codeOfOld, out, posOffsets);
  return new Promise<number>((resolve) => {
    let worker: Worker;
    try {
      const shared = new Uint8Array(new SharedArrayBuffer(positions.length));
      shared.set(positions);
      worker = new Worker(WORKER_SOURCE, { eval: true, workerData: { positions: shared, offsets, codeOfOld, out, posOffsets } });
    } catch {
      resolve(here());
      return;
    }
    let settled = false;
    const settle = (written: number | null) => {
      if (settled) return;
      settled = true;
      resolve(written ?? here());
    };
    worker.once('message', (written: number) => settle(written));
    worker.once('error', () => settle(null));
    worker.once('exit', () => settle(null));
  });
}
