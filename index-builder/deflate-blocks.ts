// Deflates the articles' blocks on worker threads. At 100,000 articles zlib
// took 9.4 s of the main thread, a sixth of a full build, while the other
// core sat idle after the analysis: here this thread joins the JSON lines
// into blocks and the workers compress them, a batch at a time. Deflate is
// deterministic, so the bytes are those of lib/search/article-blocks.ts.
import os from 'node:os';
import { Worker } from 'node:worker_threads';
import { BLOCK_LEVEL, type ArticleBlocks, type BlockReuse, blockSources, blocksOf, deflateBlock } from '../lib/search/article-blocks';

/** A plain script, not TypeScript: the worker needs no loader, so it starts in a few milliseconds. */
const WORKER_SOURCE = `
const { parentPort, workerData } = require('node:worker_threads');
const { deflateRawSync } = require('node:zlib');
parentPort.on('message', ({ id, raws }) => {
  parentPort.postMessage({ id, blocks: raws.map((raw) => deflateRawSync(raw, { level: workerData.level })) });
});
`;

/** About 3.5 MB of text a message at blocks of 4 articles. */
const BATCH_BLOCKS = 256;
/** Batches sent and not yet back, per worker: bounds the text held in the workers' queues. */
const IN_FLIGHT = 4;

interface Pending {
  resolve(blocks: Buffer[] | null): void;
}

/** Worker threads that deflate batches of blocks; a batch whose worker fails comes back null. */
class DeflatePool {
  private readonly workers: Worker[] = [];
  private readonly pending = new Map<number, Pending>();
  private nextId = 0;
  private turn = 0;

  constructor(threads: number) {
    for (let i = 0; i < threads; i++) {
      const worker = new Worker(WORKER_SOURCE, { eval: true, workerData: { level: BLOCK_LEVEL } });
      worker.on('message', ({ id, blocks }: { id: number; blocks: Uint8Array[] }) => {
        const p = this.pending.get(id);
        this.pending.delete(id);
        // Structured cloning turns Buffers into plain Uint8Arrays.
        p?.resolve(blocks.map((b) => Buffer.from(b.buffer, b.byteOffset, b.byteLength)));
      });
      // A failed worker takes its batches with it: they are deflated here instead.
      const fail = () => {
        for (const [id, p] of this.pending) {
          if (id % threads !== i) continue;
          this.pending.delete(id);
          p.resolve(null);
        }
      };
      worker.on('error', fail);
      worker.on('exit', fail);
      this.workers.push(worker);
    }
  }

  deflate(raws: Buffer[]): Promise<Buffer[] | null> {
    const id = this.nextId++;
    const worker = this.workers[id % this.workers.length];
    return new Promise((resolve) => {
      this.pending.set(id, { resolve });
      try {
        worker.postMessage({ id, raws });
      } catch {
        this.pending.delete(id);
        resolve(null);
      }
    });
  }

  async close(): Promise<void> {
    await Promise.all(this.workers.map((w) => w.terminate()));
  }
}

/** Below this many articles a thread costs more to start than it saves (as for the analysis). */
const MIN_ARTICLES_FOR_THREADS = 2000;

/** Worker threads for deflating: one per core beside this thread's, at least one; none for a small archive. */
function deflateThreads(articleCount: number): number {
  return articleCount < MIN_ARTICLES_FOR_THREADS ? 0 : Math.max(1, Math.min(4, os.availableParallelism() - 1));
}

/**
 * encodeArticleBlocks for `articleCount` articles given by `lineOf`, with the
 * deflating on `threads` worker threads (none: on this thread). Blocks `reuse`
 * gives are kept as they are.
 */
export async function encodeArticleBlocksAside(
  articleCount: number,
  lineOf: (docId: number) => string,
  reuse?: BlockReuse,
  threads = deflateThreads(articleCount),
): Promise<ArticleBlocks> {
  const blocks: Buffer[] = [];
  if (threads <= 0) {
    for (const source of blockSources(articleCount, lineOf, reuse)) blocks.push('kept' in source ? source.kept : deflateBlock(source.raw));
    return blocksOf(blocks, articleCount);
  }
  const pool = new DeflatePool(threads);
  try {
    const inFlight = new Set<Promise<void>>();
    let raws: Buffer[] = [];
    let places: number[] = [];
    const send = async () => {
      const batch = raws;
      const at = places;
      raws = [];
      places = [];
      const done = pool.deflate(batch).then((deflated) => {
        const out = deflated ?? batch.map(deflateBlock);
        at.forEach((b, k) => (blocks[b] = out[k]));
      });
      const tracked = done.then(() => void inFlight.delete(tracked));
      inFlight.add(tracked);
      if (inFlight.size >= IN_FLIGHT * threads) await Promise.race(inFlight);
    };
    for (const source of blockSources(articleCount, lineOf, reuse)) {
      if ('kept' in source) {
        blocks.push(source.kept);
        continue;
      }
      places.push(blocks.length);
      blocks.push(source.raw); // replaced by its deflated bytes when its batch comes back
      raws.push(source.raw);
      if (raws.length === BATCH_BLOCKS) await send();
    }
    if (raws.length > 0) await send();
    await Promise.all(inFlight);
  } finally {
    await pool.close();
  }
  return blocksOf(blocks, articleCount);
}
