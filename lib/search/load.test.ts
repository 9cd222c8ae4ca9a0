import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildIndex } from '../../index-builder/build';
import { tempFiles } from '../../index-builder/testing';
import { FLEX_DIR, MANIFEST_FILE, VOCABULARY_FILE, type IndexManifest } from './layout';
import { importFlexIndex, loadEngine } from './load';
import { parseSearchParams } from './params';
import { encodePostingParts } from './postings-file';

const { dir, write } = tempFiles('kavosh-load-');
const WORDS = ['آب', 'باران', 'تهران', 'ثبت', 'جنگل', 'چای', 'حافظ', 'خبر', 'دریا', 'ذرت', 'رود', 'زمین', 'سیل', 'شهر', 'صلح', 'طوفان'];

describe('loading postings part by part', () => {
  it('answers every word as an index loaded whole does, with one posting part per term', async () => {
    const input = write('a.jsonl', WORDS.map((w, i) => JSON.stringify({ id: `n${i}`, title: `${w} ${WORDS[(i + 3) % WORDS.length]}`, body: `خبر ${w}` })).join('\n'));
    const out = path.join(dir, 'index');
    await buildIndex({ inputs: [input], out });
    // Re-cut the postings into parts of one term each, as a large archive has many parts.
    const manifest = JSON.parse(readFileSync(path.join(out, MANIFEST_FILE), 'utf8')) as IndexManifest;
    const vocabulary = JSON.parse(readFileSync(path.join(out, VOCABULARY_FILE), 'utf8')) as string[];
    const { index } = await importFlexIndex(out, manifest, vocabulary);
    const parts = encodePostingParts(index, vocabulary, 1);
    parts.forEach((bytes, i) => writeFileSync(path.join(out, FLEX_DIR, `part-${i}.bin`), bytes));
    manifest.flex = [manifest.flex[0], ...parts.map((_, i) => ({ key: '1.map', file: `part-${i}.bin` }))];
    writeFileSync(path.join(out, MANIFEST_FILE), JSON.stringify(manifest));
    expect(parts.length).toBe(vocabulary.length);

    const engine = await loadEngine(out);
    for (const w of [...WORDS, 'ناموجود']) {
      const got = engine.search(parseSearchParams({ q: w, size: '100' }));
      const expected = WORDS.flatMap((x, i) => (x === w || WORDS[(i + 3) % WORDS.length] === w || w === 'خبر' ? [`n${i}`] : []));
      expect(got.results.map((r) => r.id).sort()).toEqual(expected.sort());
    }
  });
});
