// One engine per server process, loaded on first use from SEARCH_INDEX_DIR and
// replaced when a new index is swapped in there (`npm run dev` rebuilds it on
// every change to the articles), so the server never needs a restart for it.
import { stat } from 'node:fs/promises';
import path from 'node:path';
import { FileStore } from './article-store';
import type { SearchEngine } from './engine';
import { MANIFEST_FILE } from './layout';
import { loadEngine } from './load';

export const DEFAULT_INDEX_DIR = 'data/index';
/** How often, at most, a process looks for a new index: one stat a second costs nothing under load. */
export const RELOAD_CHECK_MS = 1000;
/** A load is retried this many times when the index is swapped again while it is being read. */
const LOAD_ATTEMPTS = 3;

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
  /** The index that failed to load: not tried again until another one replaces it. */
  private failed: string | null = null;

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

  /** Resolves when a check (and the reload it started) has finished. */
  async settled(): Promise<void> {
    await this.checking;
  }

  private loadFirst(): Promise<SearchEngine> {
    if (!this.first) {
      this.first = (async () => {
        const dir = this.dir();
        const loaded = await this.loadConsistent(dir, await identify(dir));
        if (!loaded) throw new Error(`the search index at ${dir} kept being replaced while it was read: try again`);
        this.current = loaded;
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
    if (id === null || id === current.id || id === this.failed) return;
    let loaded: Loaded | null;
    try {
      loaded = await this.loadConsistent(dir, id);
    } catch (e) {
      this.failed = id;
      this.log(`search: the new index at ${dir} did not load, still serving the previous one: ${(e as Error).message}`);
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
      if (after !== null && after === id) return { engine, id };
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
