// When `npm run dev` rebuilds the index: once the articles have been quiet for
// a moment (saving or copying many files is one change, not hundreds), never
// two builds at once, and a change during a build queues exactly one more, so
// the last change is always built and no build is wasted on a half-copied folder.

export const DEBOUNCE_MS = 300;

export interface RebuildQueueOptions {
  /** Runs one build. A failure should be reported by the build itself; a rejection is passed to onError. */
  rebuild: () => Promise<unknown>;
  debounceMs?: number;
  onError?: (error: unknown) => void;
}

interface Waiting {
  promise: Promise<void>;
  resolve: () => void;
}

function waiting(): Waiting {
  let resolve = () => {};
  const promise = new Promise<void>((r) => (resolve = r));
  return { promise, resolve };
}

export class RebuildQueue {
  private readonly rebuild: () => Promise<unknown>;
  private readonly debounceMs: number;
  private readonly onError: (error: unknown) => void;
  private timer: ReturnType<typeof setTimeout> | null = null;
  private running: Promise<void> | null = null;
  /** The one build queued behind the running one. */
  private queued: Waiting | null = null;
  private stopped = false;

  constructor({ rebuild, debounceMs = DEBOUNCE_MS, onError = (e) => console.error(e) }: RebuildQueueOptions) {
    this.rebuild = rebuild;
    this.debounceMs = debounceMs;
    this.onError = onError;
  }

  /** Something changed: build once nothing more has changed for debounceMs. */
  changed(): void {
    if (this.stopped) return;
    if (this.timer) clearTimeout(this.timer);
    this.timer = setTimeout(() => {
      this.timer = null;
      void this.trigger();
    }, this.debounceMs);
  }

  /** Builds now, or right after the running build; resolves when that build has ended. */
  trigger(): Promise<void> {
    if (this.stopped) return Promise.resolve();
    if (!this.running) return this.start();
    this.queued ??= waiting();
    return this.queued.promise;
  }

  /** No more builds: drops the pending and queued ones; resolves when the running one has ended. */
  stop(): Promise<void> {
    this.stopped = true;
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    this.queued?.resolve();
    this.queued = null;
    return this.running ?? Promise.resolve();
  }

  private start(): Promise<void> {
    const build = (async () => {
      try {
        await this.rebuild();
      } catch (e) {
        this.onError(e);
      }
    })();
    this.running = build.then(() => {
      this.running = null;
      const next = this.queued;
      this.queued = null;
      if (next) void this.start().then(next.resolve);
    });
    return build;
  }
}
