// One engine per server process, loaded on first use from SEARCH_INDEX_DIR and
// replaced when a new index is swapped in there (`npm run dev` rebuilds it on
// every change to the articles), so the server never needs a restart for it.
import { stat } from 'node:fs/promises';
import path from 'node:path';
import { FileStore } from './article-store';
import type { SearchEngine } from './engine';
import { MANIFEST_FILE } from './layout';
import { IndexLoadError, loadEngine } from './load';

export const DEFAULT_INDEX_DIR = 'data/index';
/** How often, at most, a process looks for a new index: one stat a second costs nothing under load. */
export const RELOAD_CHECK_MS = 1000;
/** A load is retried this many times when the index is swapped again while it is being read. */
const LOAD_ATTEMPTS = 3;
/**
 * A new index that failed to load is tried again after this long, then twice
 * as long each time up to RETRY_MAX_MS: a file put back (or a slow copy that
 * finishes) is picked up without a new manifest, and a broken index is not
 * read every second.
 */
export const RETRY_FIRST_MS = 5_000;
export const RETRY_MAX_MS = 300_000;

/** What a process serves, for `/api/health` and the logs. */
export interface EngineStatus {
  /** The index being served, or null before the first load. */
  serving: { dir: string; articles: number; builtAt: string | null; loadedAt: string } | null;
  /** The last load that failed and has not been followed by a good one. */
  lastError: { message: string; at: string; retryInMs: number } | null;
}

export function indexDir(): string {
  // The index is shipped by outputFileTracingIncludes (next.config.mjs); without
  // the ignore, Turbopack would trace the whole project into every function.
  return path.resolve(/*turbopackIgnore: true*/ process.cwd(), process.env.SEARCH_INDEX_DIR || DEFAULT_INDEX_DIR);
}

/**
 * Which index is at `dir`, or null when there is none. The builder swaps in a
 * whole new directory whose manifest is written last, so every new index has a
 * new manifest file: another inode, time or size means another index.
 */
async function identify(dir: string): Promise<string | null> {
  try {
    const s = await stat(path.join(dir, MANIFEST_FILE));
    return `${dir}\0${s.ino}\0${s.size}\0${s.mtimeMs}`;
  } catch {
    return null;
  }
}

/** The file an engine reads articles from, when it reads them from a file. */
function storeOf(engine: SearchEngine): FileStore | null {
  return engine.store instanceof FileStore ? engine.store : null;
}

// A replaced engine may still be in use: an export streams its matches long
// after the request began. So its article file is closed only once nothing
// can reach the engine any more; until then it reads the old file, which
// stays readable after the swap deletes its name.
const closeWhenUnreachable = new FinalizationRegistry<FileStore>((store) => store.close());

interface Loaded {
  engine: SearchEngine;
  /** What `identify` said of the index this engine was read from. */
  id: string | null;
  dir: string;
  loadedAt: Date;
}

interface Failure {
  id: string | null;
  message: string;
  /** On the `now` clock. */
  at: number;
  wallAt: Date;
  retryInMs: number;
}

export interface EngineSourceOptions {
  dir?: () => string;
  checkEveryMs?: number;
  /** A monotonic clock in ms. */
  now?: () => number;
  load?: (dir: string) => Promise<SearchEngine>;
  log?: (line: string) => void;
}

/** Hands out the engine of the index at `dir()`, and switches to a new one when the index there is replaced. */
export class EngineSource {
  private readonly dir: () => string;
  private readonly checkEveryMs: number;
  private readonly now: () => number;
  private readonly load: (dir: string) => Promise<SearchEngine>;
  private readonly log: (line: string) => void;

  private current: Loaded | null = null;
  private first: Promise<SearchEngine> | null = null;
  private lastCheck = -Infinity;
  private checking: Promise<void> | null = null;
  /** The index that failed to load: tried again after a backoff, or at once when another one replaces it. */
  private failed: Failure | null = null;

  constructor(options: EngineSourceOptions = {}) {
    this.dir = options.dir ?? indexDir;
    this.checkEveryMs = options.checkEveryMs ?? RELOAD_CHECK_MS;
    this.now = options.now ?? (() => performance.now());
    this.load = options.load ?? loadEngine;
    this.log = options.log ?? ((line) => console.error(line));
  }

  get(): Promise<SearchEngine> {
    const current = this.current;
    if (!current) return this.loadFirst();
    const now = this.now();
    if (!this.checking && now - this.lastCheck >= this.checkEveryMs) {
      this.lastCheck = now;
      this.checking = this.reloadIfReplaced(current).finally(() => {
        this.checking = null;
      });
    }
    return Promise.resolve(current.engine);
  }

  status(): EngineStatus {
    const c = this.current;
    const f = this.failed;
    return {
      serving: c ? { dir: c.dir, articles: c.engine.size, builtAt: c.engine.builtAt, loadedAt: c.loadedAt.toISOString() } : null,
      lastError: f ? { message: f.message, at: f.wallAt.toISOString(), retryInMs: Math.max(0, f.at + f.retryInMs - this.now()) } : null,
    };
  }

  /** Notes a failed load: the first failure of an index is logged, a retry waits longer each time. */
  private fail(id: string | null, e: unknown, what: string): void {
    const message = (e as Error).message;
    const again = this.failed !== null && this.failed.id === id;
    const retryInMs = again ? Math.min(this.failed!.retryInMs * 2, RETRY_MAX_MS) : RETRY_FIRST_MS;
    if (!again || this.failed!.message !== message) this.log(`${what}: ${message}`);
    this.failed = { id, message, at: this.now(), wallAt: new Date(), retryInMs };
  }

  /** Whether the index `id` failed to load and its next retry is not due yet. */
  private waiting(id: string | null): boolean {
    const f = this.failed;
    return f !== null && f.id === id && this.now() - f.at < f.retryInMs;
  }

  /** Resolves when a check (and the reload it started) has finished. */
  async settled(): Promise<void> {
    await this.checking;
  }

  private loadFirst(): Promise<SearchEngine> {
    if (!this.first) {
      this.first = (async () => {
        const dir = this.dir();
        const id = await identify(dir);
        let loaded: Loaded | null;
        try {
          loaded = await this.loadConsistent(dir, id);
          if (!loaded) throw new IndexLoadError(`the search index at ${dir} kept being replaced while it was read: try again`);
        } catch (e) {
          this.failed = { id, message: (e as Error).message, at: this.now(), wallAt: new Date(), retryInMs: 0 };
          throw e;
        }
        this.current = loaded;
        this.failed = null;
        this.lastCheck = this.now();
        return loaded.engine;
      })().finally(() => {
        // Once loaded, `current` serves; kept, the promise would hold the first engine forever.
        // A failed load is retried on the next request (the index may be built meanwhile).
        this.first = null;
      });
    }
    return this.first;
  }

  private async reloadIfReplaced(current: Loaded): Promise<void> {
    const dir = this.dir();
    const id = await identify(dir);
    // No index there for now (between the builder's two renames, or deleted): keep serving this one.
    if (id === null || id === current.id || this.waiting(id)) return;
    let loaded: Loaded | null;
    try {
      loaded = await this.loadConsistent(dir, id);
    } catch (e) {
      this.fail(id, e, `search: the new index at ${dir} did not load, still serving the previous one`);
      return;
    }
    if (!loaded) return; // replaced again meanwhile: the next check loads the newest
    this.current = loaded;
    this.failed = null;
    const store = storeOf(current.engine);
    if (store) closeWhenUnreachable.register(current.engine, store);
    this.log(`search: now serving the new index at ${dir} (${loaded.engine.size} articles)`);
  }

  /**
   * Loads the index identified as `id`, and loads again when it was replaced
   * meanwhile: files read across a swap could come from two indexes. Null when
   * it never held still.
   */
  private async loadConsistent(dir: string, id: string | null): Promise<Loaded | null> {
    for (let attempt = 0; attempt < LOAD_ATTEMPTS; attempt++) {
      const engine = await this.load(dir);
      const after = await identify(dir);
      if (after !== null && after === id) return { engine, id, dir, loadedAt: new Date() };
      storeOf(engine)?.close();
      id = after;
    }
    return null;
  }
}

// One per process: the bundler may give the instrumentation hook (which
// starts the load as the server starts) and each route a copy of this module.
const SOURCE = Symbol.for('kavosh.engineSource');
const source = ((globalThis as Record<symbol, unknown>)[SOURCE] ??= new EngineSource()) as EngineSource;

export function getEngine(): Promise<SearchEngine> {
  return source.get();
}

/** What this process serves: `/api/health`. */
export function engineStatus(): EngineStatus {
  return source.status();
}
