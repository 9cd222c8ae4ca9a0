// `npm run dev` without `next dev`: its arguments, which changes rebuild, and
// the watch-and-rebuild loop against the real builder in child processes.
import { existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync, unlinkSync, watch, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it, vi } from 'vitest';
import { snapshot } from '../index-builder/testing';
import { loadEngine } from '../lib/search/load';
import { parseSearchParams } from '../lib/search/params';
import { type Indexing, affectsIndex, indexContinuously, parseDevArgs } from './dev';

const root = mkdtempSync(path.join(os.tmpdir(), 'kavosh-dev-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));

describe('parseDevArgs', () => {
  it('indexes data/articles when no input is named', () => {
    expect(parseDevArgs([])).toEqual({ inputs: ['data/articles'], maps: [], nextArgs: [] });
  });

  it('takes repeated --input and --map, in either spelling, and gives every other argument to next dev', () => {
    expect(parseDevArgs(['--input', 'a', '--port', '4000', '--input=b.jsonl', '--map', 'title=headline', '--', '--turbopack'])).toEqual({
      inputs: ['a', 'b.jsonl'],
      maps: ['title=headline'],
      nextArgs: ['--port', '4000', '--turbopack'],
    });
  });

  it('takes --source-aliases, in either spelling, the last one given', () => {
    expect(parseDevArgs(['--source-aliases', 'a.csv', '--source-aliases=b.json']).sourceAliases).toBe('b.json');
    expect(parseDevArgs([]).sourceAliases).toBeUndefined();
  });

  it('refuses --input without a path', () => {
    expect(() => parseDevArgs(['--input'])).toThrow('--input needs a value');
  });
});

describe('affectsIndex: which changes rebuild', () => {
  const watched = '/p/data';
  const out = '/p/data/index';

  it('an article file, at any depth', () => {
    expect(affectsIndex('/p/data/a.jsonl', watched, out)).toBe(true);
    expect(affectsIndex('/p/data/1400/08/خبر.txt', watched, out)).toBe(true);
  });

  it('not dotfiles, dot folders, editor backups or .md notes, which the builder skips', () => {
    for (const file of ['/p/data/.a.jsonl.swp', '/p/data/.git/index', '/p/data/a.jsonl~', '/p/data/README.md']) {
      expect(affectsIndex(file, watched, out), file).toBe(false);
    }
  });

  it('not the index or the folders written beside it, so an index inside the articles does not rebuild forever', () => {
    for (const file of ['/p/data/index/manifest.json', '/p/data/index.tmp-123/flex/000.json', '/p/data/index.old-123', '/p/data/index.build-key']) {
      expect(affectsIndex(file, watched, out), file).toBe(false);
    }
    expect(affectsIndex('/p/data/index.jsonl', watched, out)).toBe(true);
  });
});

const article = (id: string, title: string) => JSON.stringify({ id, title, body: `${title}: متن خبر.`, date_jalali: '1401/05/02' }) + '\n';
const idsIn = async (out: string, q: string) => {
  const engine = await loadEngine(out);
  return engine
    .search(parseSearchParams({ q }))
    .results.map((r) => r.id)
    .sort();
};

describe('indexContinuously: the watch-and-rebuild loop', () => {
  let running: Indexing | null = null;
  afterAll(() => running?.stop());

  function start(name: string) {
    const input = path.join(root, name, 'articles');
    const out = path.join(root, name, 'index');
    mkdirSync(input, { recursive: true });
    writeFileSync(path.join(input, 'a.jsonl'), article('e1', 'زلزله در کرمان'));
    const log: string[] = [];
    running = indexContinuously({ inputs: [input], out, log: (l) => log.push(l), debounceMs: 100 });
    return { input, out, log, indexing: running };
  }

  it('builds the index, then rebuilds it when an article is added', { timeout: 30_000 }, async () => {
    const { input, out, indexing } = start('adds');
    await indexing.firstBuild;
    expect(await idsIn(out, 'زلزله')).toEqual(['e1']);

    mkdirSync(path.join(input, '1401'));
    writeFileSync(path.join(input, '1401', 'b.jsonl'), article('f1', 'سیل و زلزله در خوزستان'));
    await vi.waitFor(async () => expect(await idsIn(out, 'زلزله')).toEqual(['e1', 'f1']), { timeout: 20_000, interval: 100 });
    await indexing.stop();
  });

  it('keeps the previous index when a rebuild fails, and prints the builder’s error', { timeout: 30_000 }, async () => {
    const { input, out, log, indexing } = start('fails');
    await indexing.firstBuild;
    const before = snapshot(out);

    writeFileSync(path.join(input, 'a.jsonl'), '\n'); // no records left: the builder refuses
    await vi.waitFor(() => expect(log).toContain('dev: the index was not rebuilt (exit 1): the server keeps the previous one'), {
      timeout: 20_000,
      interval: 100,
    });
    expect(log).toContain(`index: no articles to index in ${input} (0 records read, 0 rejected): the existing index was left untouched`);
    expect(snapshot(out)).toEqual(before);
    expect(await idsIn(out, 'زلزله')).toEqual(['e1']);
    await indexing.stop();
  });

  it('stopped during a build, leaves the previous index and nothing beside it', { timeout: 30_000 }, async () => {
    const { input, out, indexing } = start('stops');
    await indexing.firstBuild;
    const before = snapshot(out);

    const staging = new Promise<void>((resolve) => {
      const w = watch(path.dirname(out), (_e, name) => {
        if (name?.startsWith('index.tmp-')) {
          w.close();
          resolve();
        }
      });
    });
    const many = Array.from({ length: 1500 }, (_, i) => article(`g${i}`, `خبر شماره ${i} درباره بارش باران و برف در استان‌های کشور`)).join('');
    writeFileSync(path.join(input, 'many.jsonl'), many);
    await staging;
    await indexing.stop('SIGKILL');

    expect(snapshot(out)).toEqual(before);
    expect(readdirSync(path.dirname(out)).sort()).toEqual(['articles', 'index']);
  });

  it('rebuilds when the source aliases file changes', { timeout: 30_000 }, async () => {
    const input = path.join(root, 'aliases', 'articles');
    const out = path.join(root, 'aliases', 'index');
    const aliases = path.join(root, 'aliases', 'aliases.csv');
    mkdirSync(input, { recursive: true });
    writeFileSync(path.join(input, 'a.jsonl'), JSON.stringify({ id: 't1', title: 'زلزله', body: 'متن خبر.', source: 'tabnak.ir' }) + '\n');
    writeFileSync(aliases, 'tabnak.ir,تابناک\n');
    const indexing = (running = indexContinuously({ inputs: [input], out, sourceAliases: aliases, log: () => {}, debounceMs: 100 }));
    const sources = async () => (await loadEngine(out)).search(parseSearchParams({ q: 'زلزله' })).facets.sources.map((f) => f.value);
    await indexing.firstBuild;
    expect(await sources()).toEqual(['تابناک']);

    writeFileSync(aliases, 'tabnak.ir,سایت تابناک\n');
    await vi.waitFor(async () => expect(await sources()).toEqual(['سایت تابناک']), { timeout: 20_000, interval: 100 });
    await indexing.stop();
  });

  it('does not rebuild after stop', { timeout: 30_000 }, async () => {
    const { input, out, indexing } = start('stopped');
    await indexing.firstBuild;
    await indexing.stop();
    unlinkSync(path.join(out, 'manifest.json'));
    writeFileSync(path.join(input, 'b.jsonl'), article('f1', 'سیل'));
    await new Promise((r) => setTimeout(r, 1_000));
    expect(existsSync(path.join(out, 'manifest.json'))).toBe(false);
  });
});
