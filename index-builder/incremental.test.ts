import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { MANIFEST_FILE } from '../lib/search/layout';
import { loadEngine } from '../lib/search/load';
import { parseSearchParams } from '../lib/search/params';
import { buildIndex } from './build';
import { snapshot, tempFiles } from './testing';

const { dir: root } = tempFiles('kavosh-incremental-');

const WORDS = ['بارش', 'برف', 'تهران', 'کتابخانه', 'ملی', 'همکاری‌های', 'اقتصادی', 'زمین‌لرزه', 'نمایشگاه', 'کتاب', 'مجلس', 'بودجه'];
/** Article i: a title and two paragraphs from the word list, different for each i. */
const record = (i: number, extra = '') =>
  JSON.stringify({
    id: `n${i}`,
    title: `${WORDS[i % WORDS.length]} ${WORDS[(i * 5 + 1) % WORDS.length]}`,
    body: `${WORDS[(i * 3) % WORDS.length]} و ${WORDS[(i * 7 + 2) % WORDS.length]} در روز ${i}. ${extra}\n\nبند دوم ${WORDS[(i + 4) % WORDS.length]}`,
    date: `1402/0${(i % 9) + 1}/1${i % 10}`,
    source: i % 2 ? 'ایرنا' : 'ایسنا',
  });

/** A folder of JSON Lines files, written afresh. */
function archive(name: string, files: Record<string, string[]>): string {
  const dir = path.join(root, name);
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  for (const [file, lines] of Object.entries(files)) writeFileSync(path.join(dir, file), lines.join('\n') + '\n');
  return dir;
}

const range = (from: number, to: number) => Array.from({ length: to - from }, (_, k) => from + k);
const base = range(0, 21).map((i) => record(i));

/** Builds `before`, then `after` over it; and `after` alone with --full elsewhere. */
async function rebuildAndFull(name: string, before: string, after: string) {
  const out = path.join(root, `${name}-incremental`);
  const full = path.join(root, `${name}-full`);
  await buildIndex({ inputs: [before], out });
  const summary = await buildIndex({ inputs: [after], out });
  await buildIndex({ inputs: [after], out: full, full: true });
  return { out, full, summary };
}

describe('incremental rebuild', () => {
  it('adds new articles by analyzing only them, and writes exactly what a full build writes', async () => {
    const before = archive('add-a', { 'a.jsonl': base });
    const after = archive('add-b', { 'a.jsonl': base, 'b.jsonl': [record(30, 'سیل ویرانگر'), record(31)] });
    const { out, full, summary } = await rebuildAndFull('add', before, after);
    expect(summary.analyzed).toBe(2);
    expect(summary.fullBecause).toBeNull();
    expect(summary.diff).toEqual({ added: 2, updated: 0, removed: 0, unchanged: 21 });
    expect(snapshot(out)).toEqual(snapshot(full));
  });

  it('re-analyzes a changed article, drops a removed one, and still equals a full build', async () => {
    const before = archive('change-a', { 'a.jsonl': base });
    const changed = base.map((line, i) => (i === 3 ? record(3, 'خبر تازه درباره سیل') : line)).filter((_, i) => i !== 7);
    const after = archive('change-b', { 'a.jsonl': changed });
    const { out, full, summary } = await rebuildAndFull('change', before, after);
    expect(summary.analyzed).toBe(1);
    expect(summary.diff).toEqual({ added: 0, updated: 1, removed: 1, unchanged: 19 });
    expect(snapshot(out)).toEqual(snapshot(full));
  });

  it('finds the words of an added article, and no longer the words only a removed article had', async () => {
    const before = archive('find-a', { 'a.jsonl': [...base, record(40, 'واژه‌ای یگانه: آتشفشان')] });
    const after = archive('find-b', { 'a.jsonl': base, 'b.jsonl': [record(41, 'گردباد')] });
    const { out } = await rebuildAndFull('find', before, after);
    const engine = await loadEngine(out);
    expect(engine.search(parseSearchParams({ q: 'گردباد' })).total).toBe(1);
    expect(engine.search(parseSearchParams({ q: 'آتشفشان' })).total).toBe(0);
  });

  it('analyzes everything with --full, even over an index of the same articles', async () => {
    const input = archive('full', { 'a.jsonl': base });
    const out = path.join(root, 'full-flag');
    await buildIndex({ inputs: [input], out });
    const summary = await buildIndex({ inputs: [input], out, full: true });
    expect(summary.analyzed).toBe(21);
    expect(summary.fullBecause).toBe('--full');
  });

  it('analyzes everything again when the previous index was made by other analyzer code', async () => {
    const input = archive('other', { 'a.jsonl': base });
    const out = path.join(root, 'other-analyzer');
    await buildIndex({ inputs: [input], out });
    const manifestFile = path.join(out, MANIFEST_FILE);
    writeFileSync(manifestFile, JSON.stringify({ ...JSON.parse(readFileSync(manifestFile, 'utf8')), analyzer: 'older' }));
    const summary = await buildIndex({ inputs: [input], out });
    expect(summary.analyzed).toBe(21);
    expect(summary.fullBecause).toMatch(/other analyzer code/);
  });
});
