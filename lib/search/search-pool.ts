// Expensive searches on other cores. A search is synchronous: on the server's
// one JavaScript thread, «در» over 100,000 articles holds every cheap request
// that arrives while it runs, and no order of turns (scheduler.ts) can change
// that. Worker threads each load their own engine from the same index folder
// (and reload it as the main thread does), take one search at a time, and
// answer with the same SearchResponse; the main thread keeps the cheap ones.
// A worker that dies fails only the search it was running and is replaced.
// Waiting searches are taken cheapest first: a rare word whose compound
// halves make it just expensive («جداکننده») would otherwise wait behind
// every «در» queued before it; one that has waited MAX_AGE_MS goes next.
import { Worker } from 'node:worker_threads';
import type { SearchResponse } from '../types';
import { IndexLoadError } from './index-load-error';
import { ParamError, type SearchParams } from './params';
import { QueryTooCostlyError } from './query/cost';
import { ClientGoneError, MAX_QUEUED, MAX_WAIT_MS, SchedulerBusyError } from './scheduler';

/** What a worker is sent: a search, or a request to load the index now. */
export type ToWorker = { id: number; params: SearchParams } | { id: number; warm: true };

/** An error as it crosses the thread boundary: enough to rebuild the classes the routes map to statuses. */
export interface WireError {
  name: string;
  message: string;
  code?: string;
  param?: string;
  cost?: number;
  limit?: number;
}

export type FromWorker = { id: number; answer: SearchResponse } | { id: number; warmed: true } | { id: number; error: WireError };

export function toWire(e: unknown): WireError {
  if (!(e instanceof Error)) return { name: 'Error', message: String(e) };
  const x = e as Error & Partial<WireError>;
  return { name: x.name, message: x.message, code: typeof x.code === 'string' ? x.code : undefined, param: x.param, cost: x.cost, limit: x.limit };
}

export function fromWire(w: WireError): Error {
  if (w.name === 'QueryTooCostlyError' && w.cost !== undefined && w.limit !== undefined) return new QueryTooCostlyError(w.cost, w.limit);
  if (w.param !== undefined) return new ParamError(w.param, w.message);
  if (w.code === 'index_unavailable') return new IndexLoadError(w.message);
  const e = new Error(w.message);
  e.name = w.name;
  return e;
}

export interface SearchPoolOptions {
  /** The worker's script (an ES module). */
  script: string | URL;
  size: number;
  maxQueued?: number;
  maxWaitMs?: number;
  /** How long a replacement waits after a worker died, so a worker that cannot start does not spin. */
  respawnMs?: number;
  /** A waiting search this old goes before cheaper ones (MAX_AGE_MS). */
  maxAgeMs?: number;
  log?: (line: string) => void;
}

/** A waiting search older than this is taken before cheaper ones, so the most expensive are delayed, not starved. */
export const MAX_AGE_MS = 2000;

interface Job {
  message: ToWorker;
  cost: number;
  since: number;
  resolve: (answer: SearchResponse) => void;
  reject: (e: unknown) => void;
  signal?: AbortSignal;
  onAbort?: () => void;
}

interface Slot {
  worker: Worker | null;
  busy: Job | null;
  started: number;
}

export class SearchPool {
  readonly size: number;
  private readonly script: string | URL;
  private readonly maxQueued: number;
  private readonly maxWaitMs: number;
  private readonly respawnMs: number;
  private readonly maxAgeMs: number;
  private readonly log: (line: string) => void;
  private readonly slots: Slot[] = [];
  private readonly queue: Job[] = [];
  private nextId = 1;
  private closed = false;
  /** Searches' durations in a worker: an exponential mean in ms, for the expected wait. */
  private meanMs = 100;
  readonly stats = { searched: 0, refused: 0, dropped: 0, died: 0 };

  constructor(options: SearchPoolOptions) {
    if (!(options.size >= 1)) throw new RangeError(`a search pool needs at least one worker, not ${options.size}`);
    this.size = options.size;
    this.script = options.script;
    this.maxQueued = options.maxQueued ?? MAX_QUEUED;
    this.maxWaitMs = options.maxWaitMs ?? MAX_WAIT_MS;
    this.respawnMs = options.respawnMs ?? 1000;
    this.maxAgeMs = options.maxAgeMs ?? MAX_AGE_MS;
    this.log = options.log ?? ((line) => console.error(line));
    for (let i = 0; i < this.size; i++) {
      const slot: Slot = { worker: null, busy: null, started: 0 };
      this.slots.push(slot);
      this.spawn(slot);
    }
  }

  get queued(): number {
    return this.queue.length;
  }

  /** Loads the index in every worker now, so that the first expensive search does not pay for it. */
  warm(): Promise<void[]> {
    return Promise.all(this.slots.map(() => this.submit({ id: this.nextId++, warm: true }, 0).then(() => undefined)));
  }

  /** `cost` (query/cost.ts) orders the waiting searches, cheapest first. */
  search(params: SearchParams, cost: number, signal?: AbortSignal): Promise<SearchResponse> {
    return this.submit({ id: this.nextId++, params }, cost, signal);
  }

  async close(): Promise<void> {
    this.closed = true;
    for (const job of this.queue.splice(0)) job.reject(new Error('the search pool was closed'));
    await Promise.all(this.slots.map((s) => s.worker?.terminate()));
  }

  private submit(message: ToWorker, cost: number, signal?: AbortSignal): Promise<SearchResponse> {
    if (this.closed) return Promise.reject(new Error('the search pool was closed'));
    if (signal?.aborted) {
      this.stats.dropped++;
      return Promise.reject(new ClientGoneError());
    }
    const wait = (this.queue.length / this.size) * this.meanMs;
    if (this.queue.length >= this.maxQueued || (this.queue.length > 0 && wait > this.maxWaitMs)) {
      this.stats.refused++;
      return Promise.reject(new SchedulerBusyError(Math.max(1, Math.ceil(wait / 1000)), this.queue.length));
    }
    return new Promise<SearchResponse>((resolve, reject) => {
      const job: Job = { message, cost, since: performance.now(), resolve, reject, signal };
      if (signal) {
        job.onAbort = () => {
          const i = this.queue.indexOf(job);
          if (i < 0) return; // already running: it finishes, and nobody reads it
          this.queue.splice(i, 1);
          this.stats.dropped++;
          reject(new ClientGoneError());
        };
        signal.addEventListener('abort', job.onAbort, { once: true });
      }
      // After every job of its cost or less: cheapest first, and in arrival order among equals.
      let at = this.queue.length;
      while (at > 0 && this.queue[at - 1]!.cost > cost) at--;
      this.queue.splice(at, 0, job);
      this.dispatch();
    });
  }

  private dispatch(): void {
    for (const slot of this.slots) {
      if (this.queue.length === 0) return;
      if (slot.busy || !slot.worker) continue;
      const job = this.takeNext();
      if (job.signal && job.onAbort) job.signal.removeEventListener('abort', job.onAbort);
      slot.busy = job;
      slot.started = performance.now();
      slot.worker.postMessage(job.message);
    }
  }

  private takeNext(): Job {
    const now = performance.now();
    let oldest = 0;
    for (let i = 1; i < this.queue.length; i++) if (this.queue[i]!.since < this.queue[oldest]!.since) oldest = i;
    const i = now - this.queue[oldest]!.since >= this.maxAgeMs ? oldest : 0;
    return this.queue.splice(i, 1)[0]!;
  }

  private spawn(slot: Slot): void {
    if (this.closed) return;
    const worker = new Worker(this.script);
    slot.worker = worker;
    worker.unref(); // an idle pool does not keep the process alive
    worker.on('message', (m: FromWorker) => {
      const job = slot.busy;
      if (!job || job.message.id !== m.id) return;
      slot.busy = null;
      if ('error' in m) job.reject(fromWire(m.error));
      else {
        if ('answer' in m) {
          this.meanMs = 0.8 * this.meanMs + 0.2 * (performance.now() - slot.started);
          this.stats.searched++;
        }
        job.resolve('answer' in m ? m.answer : (undefined as unknown as SearchResponse));
      }
      this.dispatch();
    });
    const died = (why: string) => {
      if (slot.worker !== worker) return;
      slot.worker = null;
      this.stats.died++;
      const job = slot.busy;
      slot.busy = null;
      job?.reject(new Error(`the search worker stopped (${why}) while it ran this search`));
      if (this.closed) return;
      this.log(`kavosh: a search worker stopped (${why}); another starts in ${this.respawnMs} ms`);
      setTimeout(() => {
        this.spawn(slot);
        this.dispatch();
      }, this.respawnMs).unref();
    };
    worker.on('error', (e) => died(e.message));
    worker.on('exit', (code) => died(`exit code ${code}`));
  }
}
