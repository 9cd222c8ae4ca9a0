// A worker thread of the analysis pool (analyze-pool.ts): it runs the same
// ArticleAnalyzer over batches of articles, into a term table of its own.
// The main thread cannot read that table, so each reply carries the terms the
// table gained since the last reply; the ids in a reply are this worker's, and
// the main thread maps them to its own table.
import { parentPort } from 'node:worker_threads';
import type { Article } from '../lib/types';
import { ArticleAnalyzer } from '../lib/search/index-data';
import { type WorkerBatch, type WorkerReply, storySignatureOf } from './analyze-pool';

const port = parentPort;
if (!port) throw new Error('analyze-worker.ts runs as a worker thread of analyze-pool.ts');

const analyzer = new ArticleAnalyzer();
let termsSent = 0;

port.on('message', ({ batch, texts, stories }: WorkerBatch) => {
  const results = texts.map(
    // The analyzer reads the title and body only; the rest of an article stays on the main thread.
    (text) => analyzer.analyze(text as Article),
  );
  const n = results.length;
  const termOffsets = new Uint32Array(n + 1);
  const wordOffsets = new Uint32Array(n + 1);
  const lengths = new Uint32Array(n);
  const titleLengths = new Uint32Array(n);
  results.forEach((r, k) => {
    termOffsets[k + 1] = termOffsets[k] + r.terms.length;
    wordOffsets[k + 1] = wordOffsets[k] + r.words.length;
    lengths[k] = r.length;
    titleLengths[k] = r.titleLength;
  });
  // One buffer per field for the whole batch: a few transfers per message instead of three per article.
  const terms = new Uint32Array(termOffsets[n]);
  const packed = new Uint8Array(termOffsets[n]);
  const words = new Uint32Array(wordOffsets[n]);
  results.forEach((r, k) => {
    terms.set(r.terms, termOffsets[k]);
    packed.set(r.packed, termOffsets[k]);
    words.set(r.words, wordOffsets[k]);
  });
  const newTerms = analyzer.table.terms.slice(termsSent);
  termsSent = analyzer.table.terms.length;
  const reply: WorkerReply = { type: 'batch', batch, newTerms, termOffsets, terms, packed, wordOffsets, words, lengths, titleLengths };
  const buffers = [termOffsets, terms, packed, wordOffsets, words, lengths, titleLengths];
  if (stories) {
    // The story signatures here too: their 5-gram hashes read the words' text, which this table has.
    const signed = results.map((r) => storySignatureOf(r, analyzer.table.terms, stories));
    const shingleOffsets = new Uint32Array(n + 1);
    const keyOffsets = new Uint32Array(n + 1);
    signed.forEach((s, k) => {
      shingleOffsets[k + 1] = shingleOffsets[k] + s.shingles.length;
      keyOffsets[k + 1] = keyOffsets[k] + s.keys.length;
    });
    const shingles = new Uint32Array(shingleOffsets[n]);
    const keys = new Uint32Array(keyOffsets[n]);
    signed.forEach((s, k) => {
      shingles.set(s.shingles, shingleOffsets[k]);
      keys.set(s.keys, keyOffsets[k]);
    });
    Object.assign(reply, { shingleOffsets, shingles, keyOffsets, keys });
    buffers.push(shingleOffsets, shingles, keyOffsets, keys);
  }
  port.postMessage(reply, buffers.map((a) => a.buffer));
});

// Loaded and listening: the pool tells a worker that could not start (and falls back) from one that crashed.
port.postMessage({ type: 'ready' } satisfies WorkerReply);
