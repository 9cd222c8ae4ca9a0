// Keeps expensive searches from starving cheap ones on the server's one
// JavaScript thread. A search runs synchronously: while «در» over 100,000
// articles is being matched, ranked and cut into snippets nothing else
// moves, and with several expensive requests queued in Node's own order a
// rare-word search waits behind all of them. So:
//   - a cheap request runs at once, as if there were no scheduler;
//   - expensive requests take turns, one at a time, each turn started from a
//     fresh macrotask so that requests arrived meanwhile are read first;
//   - a turn waits while cheap requests are in flight (they finish in a few
//     milliseconds), but never longer than `maxDeferMs`, so an expensive
//     request is delayed, not starved;
//   - an expensive request that would wait longer than `maxWaitMs` (the
//     queue ahead of it times the recent turns' mean), or find `maxQueued`
//     ahead of it, is refused with SchedulerBusyError (HTTP 503 with
//     Retry-After), not queued for ever;
//   - a request whose client has gone (its AbortSignal) is dropped from the
//     queue and never computed.
// What counts as expensive is the query's cost before it runs (query/cost.ts,
// postings to read), which the engine prices without matching.

export interface SchedulerOptions {
  /** A job of this cost or more is expensive. */
  expensiveCost?: number;
  /** Expensive jobs allowed to wait at once; the next is refused. */
  maxQueued?: number;
  /** The longest an expensive job is expected to wait before it is refused instead. */
  maxWaitMs?: number;
  /** The longest an expensive turn yields to cheap requests in flight. */
  maxDeferMs?: number;
  /** Off: every job runs at once (the baseline bench:load compares against). */
  enabled?: boolean;
}

/**
 * In expectedWork's units (query/cost.ts). Over the bench mix at 100,000
 * articles, both match modes, the searches below it take 1.4 ms at the median
 * and are 14 % of the mix's engine time; those above it 40 ms.
 */
export const EXPENSIVE_COST = 20_000;
export const MAX_QUEUED = 256;
export const MAX_WAIT_MS = 10_000;
export const MAX_DEFER_MS = 100;

export class SchedulerBusyError extends Error {
  readonly code = 'busy';
  constructor(
    /** Seconds after which a retry is likely to be taken. */
    readonly retryAfter: number,
    readonly queued: number,
  ) {
    super(`the server is busy with ${queued} expensive searches; retry in ${retryAfter} s`);
    this.name = 'SchedulerBusyError';
  }
}

export class ClientGoneError extends Error {
  constructor() {
    super('the client went away before its search ran');
    this.name = 'ClientGoneError';
  }
}

interface Waiting {
  job: () => unknown;
  resolve: (value: unknown) => void;
  reject: (error: unknown) => void;
  signal?: AbortSignal;
  onAbort?: () => void;
  since: number;
}

export class Scheduler {
  readonly expensiveCost: number;
  readonly maxQueued: number;
  readonly maxWaitMs: number;
  readonly maxDeferMs: number;
  readonly enabled: boolean;
  private readonly queue: Waiting[] = [];
  private running = false;
  private cheapInFlight = 0;
  /** Expensive turns' durations, for Retry-After: an exponential mean in ms. */
  private meanTurnMs = 50;
  /** How long turns have yielded to cheap requests: an exponential mean in ms. */
  private meanDeferMs = 0;
  /** Counters for /api/health and the load bench. */
  readonly stats = { cheap: 0, expensive: 0, refused: 0, dropped: 0 };

  constructor(options: SchedulerOptions = {}) {
    this.expensiveCost = options.expensiveCost ?? EXPENSIVE_COST;
    this.maxQueued = options.maxQueued ?? MAX_QUEUED;
    this.maxWaitMs = options.maxWaitMs ?? MAX_WAIT_MS;
    this.maxDeferMs = options.maxDeferMs ?? MAX_DEFER_MS;
    this.enabled = options.enabled ?? true;
  }

  get queued(): number {
    return this.queue.length;
  }

  /**
   * Runs `job` now when it is cheap (or the scheduler is off), else in its
   * turn. Cheap jobs may be async: they count as in flight until settled, and
   * expensive turns wait for them (up to maxDeferMs).
   */
  run<T>(cost: number, job: () => T | Promise<T>, signal?: AbortSignal): Promise<T> {
    if (signal?.aborted) {
      this.stats.dropped++;
      return Promise.reject(new ClientGoneError());
    }
    if (!this.enabled || cost < this.expensiveCost) {
      this.stats.cheap++;
      return this.runCheap(job);
    }
    const wait = (this.queue.length + (this.running ? 1 : 0)) * (this.meanTurnMs + this.meanDeferMs);
    if (this.queue.length >= this.maxQueued || (this.queue.length > 0 && wait > this.maxWaitMs)) {
      this.stats.refused++;
      return Promise.reject(new SchedulerBusyError(Math.max(1, Math.ceil(wait / 1000)), this.queue.length));
    }
    return new Promise<T>((resolve, reject) => {
      const waiting: Waiting = { job, resolve: resolve as (v: unknown) => void, reject, signal, since: performance.now() };
      if (signal) {
        waiting.onAbort = () => {
          const i = this.queue.indexOf(waiting);
          if (i < 0) return;
          this.queue.splice(i, 1);
          this.stats.dropped++;
          reject(new ClientGoneError());
        };
        signal.addEventListener('abort', waiting.onAbort, { once: true });
      }
      this.queue.push(waiting);
      this.pump();
    });
  }

  private async runCheap<T>(job: () => T | Promise<T>): Promise<T> {
    this.cheapInFlight++;
    try {
      return await job();
    } finally {
      // A search's answer is serialized and written in the loop's next turns:
      // the request is in flight until then, not only while the engine runs.
      setImmediate(() => this.cheapInFlight--);
    }
  }

  private pump(): void {
    if (this.running || this.queue.length === 0) return;
    this.running = true;
    setImmediate(() => this.turn());
  }

  private turn(): void {
    const next = this.queue[0];
    if (!next) {
      this.running = false;
      return;
    }
    if (this.cheapInFlight > 0 && performance.now() - next.since < this.maxDeferMs) {
      setTimeout(() => this.turn(), 1);
      return;
    }
    this.queue.shift();
    if (next.signal && next.onAbort) next.signal.removeEventListener('abort', next.onAbort);
    const started = performance.now();
    this.meanDeferMs = 0.8 * this.meanDeferMs + 0.2 * Math.min(this.maxDeferMs, started - next.since);
    try {
      next.resolve(next.job());
      this.stats.expensive++;
    } catch (e) {
      next.reject(e);
    }
    this.meanTurnMs = 0.8 * this.meanTurnMs + 0.2 * (performance.now() - started);
    this.running = false;
    this.pump();
  }
}

/**
 * The process's scheduler, off unless KAVOSH_SCHEDULER=on: at 100k with 46 cheap and 4 expensive clients it
 * lowered the cheap p50 (52 against 197 ms) but raised their p99 (1.86 s against 0.36 s) and cut the expensive
 * searches' rate (1.9 against 12.6 a second), so it stays opt-in until it does better (bench:load, phase 3).
 */
export function serverScheduler(): Scheduler {
  const g = globalThis as { __kavoshScheduler?: Scheduler };
  const mode = process.env.KAVOSH_SCHEDULER;
  return (g.__kavoshScheduler ??= new Scheduler({ enabled: mode === 'on' || mode === 'priority', maxDeferMs: mode === 'priority' ? 0 : MAX_DEFER_MS }));
}
