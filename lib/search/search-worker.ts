// The entry of a search worker (search-pool.ts): its own engine, loaded from
// SEARCH_INDEX_DIR like the main thread's and reloaded when the index there
// is replaced, answering one search at a time. `npm run build` bundles it
// (scripts/bundle-worker.ts) next to the app, since Next.js does not.
import { readlinkSync } from 'node:fs';
import os from 'node:os';
import { parentPort } from 'node:worker_threads';
import { getEngine } from './instance';
import { toWire, type FromWorker, type ToWorker } from './search-pool';

if (!parentPort) throw new Error('search-worker.ts runs in a worker thread (search-pool.ts), not on its own');
const port = parentPort;

/**
 * On Linux a thread has its own nice value: this one yields the cores to the
 * main thread's cheap searches (and to anything else the machine runs) and
 * takes what they leave, so a core shared with them still answers them first.
 * KAVOSH_WORKER_NICE (default 10; 0 keeps the main thread's priority).
 */
export const WORKER_NICE = 10;
try {
  const nice = Number(process.env.KAVOSH_WORKER_NICE ?? WORKER_NICE);
  const tid = Number(readlinkSync('/proc/thread-self').split('/').pop());
  if (nice > 0 && Number.isInteger(tid)) os.setPriority(tid, Math.min(19, nice));
} catch {
  // Not Linux, or not allowed: the worker runs at the process's priority.
}

port.on('message', async (m: ToWorker) => {
  let reply: FromWorker;
  try {
    const engine = await getEngine();
    reply = 'warm' in m ? { id: m.id, warmed: true } : { id: m.id, answer: engine.search(m.params) };
  } catch (e) {
    reply = { id: m.id, error: toWire(e) };
  }
  port.postMessage(reply);
});
