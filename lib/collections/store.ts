// The browser's copy of what is kept: one document per index in IndexedDB (through idb-keyval), under the
// index's id, so two archives served from one origin never share a collection. Changes are read-modify-write in
// one IndexedDB transaction (idb-keyval's update), and other tabs hear of them over a BroadcastChannel.
import { createStore, get, update, type UseStore } from 'idb-keyval';
import { readStored } from './migrate';
import { emptyStore, type StoredCollections } from './schema';

export const DB_NAME = 'kavosh';
export const STORE_NAME = 'collections';

export const storageKey = (indexId: string) => `index:${indexId}`;

/** A stored document this code cannot read: never overwritten, so a newer Kavosh's data is not lost. */
export class UnreadableStoreError extends Error {}

function readOrEmpty(raw: unknown, indexId: string): StoredCollections {
  if (raw === undefined) return emptyStore(indexId);
  const read = readStored(raw, indexId);
  if (!read.ok) throw new UnreadableStoreError(read.message);
  return read.data;
}

export interface CollectionsStore {
  readonly indexId: string;
  load(): Promise<StoredCollections>;
  /** Applies `change` to the stored document and returns the new one. */
  change(change: (data: StoredCollections) => StoredCollections): Promise<StoredCollections>;
}

let dbStore: UseStore | null = null;
const idb = () => (dbStore ??= createStore(DB_NAME, STORE_NAME));

export function openStore(indexId: string, store: UseStore = idb()): CollectionsStore {
  const key = storageKey(indexId);
  return {
    indexId,
    load: async () => readOrEmpty(await get(key, store), indexId),
    async change(change) {
      let next: StoredCollections | null = null;
      let failure: unknown = null;
      await update(
        key,
        (raw) => {
          try {
            next = change(readOrEmpty(raw, indexId));
            return next;
          } catch (e) {
            // Written back as read: idb-keyval's update has no abort.
            failure = e;
            return raw;
          }
        },
        store,
      );
      if (failure) throw failure;
      return next!;
    },
  };
}

export type Snapshot = { status: 'loading' } | { status: 'ready'; data: StoredCollections } | { status: 'error'; message: string };

/**
 * One live copy per index for a page: every keep button reads it, every change goes through it, and it is told
 * when another tab changed the store.
 */
export class LiveCollections {
  private snapshot: Snapshot = { status: 'loading' };
  private readonly listeners = new Set<() => void>();
  private channel: BroadcastChannel | null = null;
  private started = false;

  constructor(readonly store: CollectionsStore) {}

  getSnapshot = (): Snapshot => this.snapshot;

  subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    if (!this.started) this.start();
    return () => this.listeners.delete(listener);
  };

  private set(snapshot: Snapshot) {
    this.snapshot = snapshot;
    for (const l of this.listeners) l();
  }

  private start() {
    this.started = true;
    void this.reload();
    if (typeof BroadcastChannel !== 'undefined') {
      this.channel = new BroadcastChannel(`kavosh-collections:${this.store.indexId}`);
      this.channel.onmessage = () => void this.reload();
    }
  }

  async reload(): Promise<void> {
    try {
      this.set({ status: 'ready', data: await this.store.load() });
    } catch (e) {
      this.set({ status: 'error', message: errorMessage(e) });
    }
  }

  async change(change: (data: StoredCollections) => StoredCollections): Promise<StoredCollections> {
    const data = await this.store.change(change);
    this.set({ status: 'ready', data });
    this.channel?.postMessage('changed');
    return data;
  }
}

export function errorMessage(e: unknown): string {
  if (e instanceof UnreadableStoreError) return e.message;
  const name = (e as { name?: string })?.name;
  if (name === 'QuotaExceededError') return 'جای ذخیره در مرورگر پر است: مجموعه‌ای را پاک کنید یا «خروجی همه» بگیرید.';
  return `مرورگر اجازهٔ ذخیره نداد (${(e as Error)?.message ?? String(e)}): شاید در حالت خصوصی است یا IndexedDB بسته است.`;
}

const live = new Map<string, LiveCollections>();

/** The page's live copy for `indexId`. */
export function liveCollections(indexId: string): LiveCollections {
  let l = live.get(indexId);
  if (!l) live.set(indexId, (l = new LiveCollections(openStore(indexId))));
  return l;
}
