// The server's engine follows the index on disk: a rebuild is served from the
// next check on, without a restart, and a broken one never replaces a good one.
import { mkdirSync, mkdtempSync, readFileSync, readdirSync, readlinkSync, rmSync, unlinkSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { afterAll, afterEach, describe, expect, it, vi } from 'vitest';
import { buildIndex } from '../../index-builder/build';
import type { SearchEngine } from './engine';
import { EngineSource, RELOAD_CHECK_MS, RETRY_FIRST_MS } from './instance';
import { ARTICLES_FILE, BINARY_FILES, MANIFEST_FILE, VOCABULARY_FILE } from './layout';
import { loadEngine } from './load';
import { parseSearchParams } from './params';

const root = mkdtempSync(path.join(os.tmpdir(), 'kavosh-instance-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));

const EARTHQUAKE = { id: 'e1', title: 'زلزله در کرمان', body: 'زمین‌لرزه‌ای به بزرگی پنج ریشتر کرمان را لرزاند.', date_jalali: '1401/05/02' };
const SNOW = { id: 's1', title: 'بارش برف در تهران', body: 'برف راه‌های شمال تهران را بست.', date_jalali: '1401/10/12' };
const FLOOD = { id: 'f1', title: 'سیل در خوزستان', body: 'آب رودخانه کارون بالا آمد و زلزله‌ای هم نبود.', date_jalali: '1401/12/20' };

let fixtures = 0;

/** A folder of articles and an index built from it, with a way to rebuild it after adding one. */
async function indexed(...records: object[]) {
  const dir = path.join(root, `case-${fixtures++}`);
  const input = path.join(dir, 'articles');
  const out = path.join(dir, 'index');
  mkdirSync(input, { recursive: true });
  const write = (name: string, rs: object[]) => writeFileSync(path.join(input, name), rs.map((r) => JSON.stringify(r)).join('\n') + '\n');
  write('a.jsonl', records);
  await buildIndex({ inputs: [input], out });
  let added = 0;
  return {
    out,
    /** Adds an article and rebuilds through the builder, which swaps the new index in. */
    async add(record: object) {
      write(`added-${added++}.jsonl`, [record]);
      await buildIndex({ inputs: [input], out });
    },
  };
}

const ids = (engine: SearchEngine, q: string) =>
  engine
    .search(parseSearchParams({ q }))
    .results.map((r) => r.id)
    .sort();

/** An EngineSource on `dir` with a clock the test moves by hand and its log kept. */
function sourceOn(dir: string, load?: (dir: string) => Promise<SearchEngine>) {
  const clock = { t: 0 };
  const log: string[] = [];
  const source = new EngineSource({ dir: () => dir, now: () => clock.t, log: (l) => log.push(l), load });
  return { source, clock, log };
}

describe('EngineSource: following the index on disk', () => {
  it('serves the index at its directory', async () => {
    const fx = await indexed(EARTHQUAKE, SNOW);
    const { source } = sourceOn(fx.out);
    expect(ids(await source.get(), 'زلزله')).toEqual(['e1']);
  });

  it('serves a rebuilt index from the first search after the check interval, without a restart', async () => {
    const fx = await indexed(EARTHQUAKE, SNOW);
    const { source, clock, log } = sourceOn(fx.out);
    const before = await source.get();
    await fx.add(FLOOD);

    clock.t += RELOAD_CHECK_MS;
    expect(await source.get()).toBe(before); // the check starts; the old engine answers meanwhile
    await source.settled();
    const after = await source.get();
    expect(after).not.toBe(before);
    expect(ids(after, 'سیل')).toEqual(['f1']);
    expect(ids(after, 'زلزله')).toEqual(['e1', 'f1']);
    expect(log).toEqual([`search: now serving the new index at ${fx.out} (3 articles)`]);
  });

  it('does not look for a new index again before the interval has passed', async () => {
    const fx = await indexed(EARTHQUAKE, SNOW);
    const { source, clock } = sourceOn(fx.out);
    const before = await source.get();
    await fx.add(FLOOD);

    clock.t += RELOAD_CHECK_MS - 1;
    await source.get();
    await source.settled();
    expect(await source.get()).toBe(before);

    clock.t += 1;
    await source.get();
    await source.settled();
    expect(await source.get()).not.toBe(before);
  });

  it('keeps answering with the old engine while the new one loads', async () => {
    const fx = await indexed(EARTHQUAKE, SNOW);
    let release = () => {};
    const gate = new Promise<void>((resolve) => (release = resolve));
    let slow = false;
    const { source, clock } = sourceOn(fx.out, async (dir) => {
      if (slow) await gate;
      return loadEngine(dir);
    });
    const before = await source.get();
    await fx.add(FLOOD);

    slow = true;
    clock.t += RELOAD_CHECK_MS;
    await source.get();
    clock.t += 5 * RELOAD_CHECK_MS;
    const during = await source.get();
    expect(during).toBe(before);
    expect(ids(during, 'زلزله')).toEqual(['e1']);

    release();
    await source.settled();
    expect(ids(await source.get(), 'زلزله')).toEqual(['e1', 'f1']);
  });

  it('never serves an engine read across a second swap: it loads again', async () => {
    const fx = await indexed(EARTHQUAKE);
    let loads = 0;
    let swapDuringLoad = false;
    const { source, clock } = sourceOn(fx.out, async (dir) => {
      loads++;
      const engine = await loadEngine(dir);
      if (swapDuringLoad) {
        swapDuringLoad = false;
        await fx.add(FLOOD); // replaced again before the load was done
      }
      return engine;
    });
    await source.get();
    await fx.add(SNOW);

    swapDuringLoad = true;
    loads = 0;
    clock.t += RELOAD_CHECK_MS;
    await source.get();
    await source.settled();
    expect(loads).toBe(2);
    expect(ids(await source.get(), 'سیل')).toEqual(['f1']);
  });
});

describe('EngineSource: a broken index never replaces a good one', () => {
  it('keeps the old engine answering when the new index fails to load, and logs why once', async () => {
    const fx = await indexed(EARTHQUAKE, SNOW);
    let loads = 0;
    const { source, clock, log } = sourceOn(fx.out, (dir) => (loads++, loadEngine(dir)));
    const before = await source.get();
    await fx.add(FLOOD);
    unlinkSync(path.join(fx.out, VOCABULARY_FILE));

    loads = 0;
    for (let i = 0; i < 3; i++) {
      clock.t += RELOAD_CHECK_MS;
      await source.get();
      await source.settled();
    }
    const after = await source.get();
    expect(after).toBe(before);
    expect(ids(after, 'زلزله')).toEqual(['e1']);
    expect(loads).toBe(1); // the broken index is not read again every second
    expect(log).toEqual([expect.stringMatching(/^search: the new index at .* did not load, still serving the previous one: .*vocabulary\.json/)]);
  });

  it('keeps the old engine answering when the new index has a damaged file, and says which in /api/health', async () => {
    const fx = await indexed(EARTHQUAKE, SNOW);
    const { source, clock } = sourceOn(fx.out, loadEngine);
    const before = await source.get();
    await fx.add(FLOOD);
    const positions = path.join(fx.out, BINARY_FILES.positions);
    const bytes = readFileSync(positions);
    bytes[0] ^= 0x01;
    writeFileSync(positions, bytes);

    clock.t += RELOAD_CHECK_MS;
    await source.get();
    await source.settled();
    const after = await source.get();
    expect(after).toBe(before);
    expect(ids(after, 'سیل')).toEqual([]);
    expect(source.status().lastError?.message).toMatch(/positions\.bin does not match its checksum/);
  });

  it('tries a broken index again after a backoff, and serves it once its file is back', async () => {
    const fx = await indexed(EARTHQUAKE, SNOW);
    const { source, clock } = sourceOn(fx.out);
    const before = await source.get();
    await fx.add(FLOOD);
    const vocabulary = path.join(fx.out, VOCABULARY_FILE);
    const saved = readFileSync(vocabulary);
    unlinkSync(vocabulary);
    clock.t += RELOAD_CHECK_MS;
    await source.get();
    await source.settled();
    expect(source.status().lastError?.message).toMatch(/vocabulary\.json/);

    writeFileSync(vocabulary, saved); // the same manifest: only a retry can see it
    clock.t += RETRY_FIRST_MS;
    await source.get();
    await source.settled();
    const after = await source.get();
    expect(after).not.toBe(before);
    expect(ids(after, 'سیل')).toEqual(['f1']);
    expect(source.status().lastError).toBeNull();
  });

  it('waits twice as long before each further retry of the same broken index', async () => {
    const fx = await indexed(EARTHQUAKE, SNOW);
    let loads = 0;
    const { source, clock } = sourceOn(fx.out, (dir) => (loads++, loadEngine(dir)));
    await source.get();
    await fx.add(FLOOD);
    unlinkSync(path.join(fx.out, VOCABULARY_FILE));
    loads = 0;
    const tick = async (ms: number) => {
      clock.t += ms;
      await source.get();
      await source.settled();
    };
    await tick(RELOAD_CHECK_MS); // fails: retry in 5 s
    await tick(RETRY_FIRST_MS); // fails: retry in 10 s
    expect(loads).toBe(2);
    await tick(RETRY_FIRST_MS);
    expect(loads).toBe(2);
    await tick(RETRY_FIRST_MS);
    expect(loads).toBe(3);
    expect(source.status().lastError?.retryInMs).toBe(4 * RETRY_FIRST_MS);
  });

  it('reports what it serves: articles, build date, load time', async () => {
    const fx = await indexed(EARTHQUAKE, SNOW);
    const { source } = sourceOn(fx.out);
    expect(source.status().serving).toBeNull();
    await source.get();
    const { serving, lastError } = source.status();
    expect(serving).toMatchObject({ dir: fx.out, articles: 2 });
    expect(Date.parse(serving!.builtAt!)).toBeLessThanOrEqual(Date.parse(serving!.loadedAt));
    expect(lastError).toBeNull();
  });

  it('loads the next good index after a broken one', async () => {
    const fx = await indexed(EARTHQUAKE, SNOW);
    const { source, clock } = sourceOn(fx.out);
    await source.get();
    await fx.add({ id: 'x1', title: 'خبر', body: 'متن' });
    unlinkSync(path.join(fx.out, VOCABULARY_FILE));
    clock.t += RELOAD_CHECK_MS;
    await source.get();
    await source.settled();

    await fx.add(FLOOD);
    clock.t += RELOAD_CHECK_MS;
    await source.get();
    await source.settled();
    expect(ids(await source.get(), 'سیل')).toEqual(['f1']);
  });

  it('keeps the old engine, silently, when the manifest is gone', async () => {
    const fx = await indexed(EARTHQUAKE, SNOW);
    const { source, clock, log } = sourceOn(fx.out);
    const before = await source.get();
    unlinkSync(path.join(fx.out, MANIFEST_FILE));

    clock.t += RELOAD_CHECK_MS;
    await source.get();
    await source.settled();
    const after = await source.get();
    expect(after).toBe(before);
    expect(ids(after, 'زلزله')).toEqual(['e1']);
    expect(log).toEqual([]);
  });

  it('fails a search while there is no index, and serves the one built afterwards', async () => {
    const input = path.join(root, 'later-articles');
    const out = path.join(root, 'later-index');
    const { source } = sourceOn(out);
    await expect(source.get()).rejects.toThrow(/no search index at/);

    mkdirSync(input);
    writeFileSync(path.join(input, 'a.jsonl'), JSON.stringify(EARTHQUAKE) + '\n');
    await buildIndex({ inputs: [input], out });
    expect(ids(await source.get(), 'زلزله')).toEqual(['e1']);
  });
});

describe('EngineSource: the replaced engine', () => {
  /** Open descriptors of this process on files whose path begins with `prefix`. */
  const openFilesUnder = (prefix: string) =>
    readdirSync('/proc/self/fd')
      .map((fd) => {
        try {
          return readlinkSync(`/proc/self/fd/${fd}`);
        } catch {
          return '';
        }
      })
      .filter((target) => target.startsWith(prefix));

  it('closes the old article file once nothing can use the old engine', { timeout: 20_000 }, async () => {
    setFlagsFromString('--expose-gc');
    const gc = runInNewContext('gc') as () => void;
    const fx = await indexed(EARTHQUAKE, SNOW);
    const { source, clock } = sourceOn(fx.out);
    await source.get().then((e) => expect(ids(e, 'زلزله')).toEqual(['e1']));
    await fx.add(FLOOD);
    clock.t += RELOAD_CHECK_MS;
    await source.get();
    await source.settled();
    expect(openFilesUnder(fx.out)).toHaveLength(2); // the old file, deleted but open, and the new one

    await vi.waitFor(
      () => {
        gc();
        expect(openFilesUnder(fx.out)).toEqual([path.join(fx.out, ARTICLES_FILE)]);
      },
      { timeout: 10_000, interval: 50 },
    );
  });
});

describe('getEngine', () => {
  afterEach(() => {
    vi.useRealTimers();
    vi.restoreAllMocks();
    vi.unstubAllEnvs();
    vi.resetModules();
  });

  it('serves the index at SEARCH_INDEX_DIR, and a rebuild of it once a second has passed', async () => {
    vi.useFakeTimers({ toFake: ['performance'] });
    vi.spyOn(console, 'error').mockImplementation(() => {});
    const fx = await indexed(EARTHQUAKE, SNOW);
    vi.stubEnv('SEARCH_INDEX_DIR', fx.out);
    vi.resetModules();
    const { getEngine } = await import('./instance');
    expect(ids(await getEngine(), 'سیل')).toEqual([]);

    await fx.add(FLOOD);
    expect(ids(await getEngine(), 'سیل')).toEqual([]);
    vi.advanceTimersByTime(RELOAD_CHECK_MS);
    await vi.waitFor(async () => expect(ids(await getEngine(), 'سیل')).toEqual(['f1']));
  });
});
