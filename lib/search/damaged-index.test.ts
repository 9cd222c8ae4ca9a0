// A damaged index is refused with the file named, never served wrongly or
// decoded forever (issue 13: one flipped byte in a posting part hung the server).
import { cpSync, readFileSync, truncateSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildIndex } from '../../index-builder/build';
import { tempFiles } from '../../index-builder/testing';
import { ARTICLES_FILE, BINARY_FILES, FLEX_DIR, MANIFEST_FILE, VOCABULARY_FILE, type IndexManifest } from './layout';
import { IndexLoadError, isIndexLoadError, loadEngine } from './load';
import { parseSearchParams } from './params';
import { PostingsFileError, countPostingPart, decodePostingPart } from './postings-file';

const { dir, write } = tempFiles('kavosh-damaged-');
const WORDS = ['آب', 'باران', 'تهران', 'ثبت', 'جنگل', 'چای', 'حافظ', 'خبر', 'دریا', 'ذرت', 'رود', 'زمین', 'سیل', 'شهر', 'صلح', 'طوفان'];
const good = path.join(dir, 'good');
let manifest: IndexManifest;
let vocabulary: string[];
let part: Buffer;
let input: string;

beforeAll(async () => {
  // Ids past 127 make gaps of two bytes: the cut can fall inside a number.
  const lines = Array.from({ length: 300 }, (_, i) =>
    JSON.stringify({ id: `n${i}`, title: `${WORDS[i % 16]} ${WORDS[(i * 7) % 16]}`, body: `خبر ${WORDS[(i * 3) % 16]} درباره ${WORDS[(i * 5) % 16]}` }),
  );
  input = write('a.jsonl', lines.join('\n'));
  await buildIndex({ inputs: [input], out: good });
  manifest = JSON.parse(readFileSync(path.join(good, MANIFEST_FILE), 'utf8')) as IndexManifest;
  vocabulary = JSON.parse(readFileSync(path.join(good, VOCABULARY_FILE), 'utf8')) as string[];
  part = readFileSync(path.join(good, FLEX_DIR, manifest.flex[1].file));
});

/** A copy of the good index, damaged by `harm` (given the copy's folder). */
function damaged(name: string, harm: (copy: string) => void): string {
  const copy = path.join(dir, name);
  cpSync(good, copy, { recursive: true });
  harm(copy);
  return copy;
}

/** Decodes `bytes` both ways, as the loader does: each either throws PostingsFileError/RangeError or returns. */
function decodeOrThrow(bytes: Uint8Array): 'decoded' | 'refused' {
  let outcome: 'decoded' | 'refused' = 'decoded';
  for (const decode of [() => countPostingPart(bytes, vocabulary.length, new Uint32Array(vocabulary.length)), () => decodePostingPart(bytes, vocabulary, null)]) {
    try {
      decode();
    } catch (e) {
      if (!(e instanceof PostingsFileError || e instanceof RangeError)) throw e;
      outcome = 'refused';
    }
  }
  return outcome;
}

describe('decoding a damaged posting part', () => {
  it('refuses a part whose last number is cut (it was read past the end forever)', { timeout: 2000 }, () => {
    // A byte of 0x80 or more at the very end: a number that never ends.
    const cut = Buffer.concat([part, Buffer.from([0x85])]);
    expect(() => countPostingPart(cut, vocabulary.length, new Uint32Array(vocabulary.length))).toThrow(PostingsFileError);
    expect(() => decodePostingPart(cut, vocabulary, null)).toThrow(RangeError);
  });

  it('refuses a count of ids larger than the bytes left, without counting to it', { timeout: 2000 }, () => {
    // Term gap 1, one slot, then 2^34 ids claimed in a few bytes.
    const claim = Uint8Array.from([1, 1, 0xff, 0xff, 0xff, 0xff, 0x7f, 3, 4]);
    expect(() => countPostingPart(claim, vocabulary.length, new Uint32Array(vocabulary.length))).toThrow(/claims/);
    expect(() => decodePostingPart(claim, vocabulary, null)).toThrow(/claims/);
  });

  it('throws or decodes at every truncation point of a real part, never hangs', { timeout: 20_000 }, () => {
    expect(part.length).toBeGreaterThan(100);
    const outcomes = { decoded: 0, refused: 0 };
    for (let end = 0; end < part.length; end++) {
      const started = performance.now();
      outcomes[decodeOrThrow(part.subarray(0, end))]++;
      expect(performance.now() - started, `cut at byte ${end}`).toBeLessThan(500);
    }
    // Cuts between terms decode (to fewer terms); the checksum refuses those.
    expect(outcomes.refused).toBeGreaterThan(0);
  });

  it('throws or decodes with any value of each byte of a real part, never hangs', { timeout: 30_000 }, () => {
    for (let at = 0; at < part.length; at++) {
      for (const value of [0x00, 0x7f, 0x80, 0xff]) {
        const flipped = Buffer.from(part);
        flipped[at] = value;
        const started = performance.now();
        decodeOrThrow(flipped);
        expect(performance.now() - started, `byte ${at} set to ${value}`).toBeLessThan(500);
      }
    }
  });
});

describe('loading a damaged index', () => {
  const refusal = async (copy: string) => {
    const e = await loadEngine(copy).then(
      () => null,
      (error: unknown) => error,
    );
    expect(e).toBeInstanceOf(IndexLoadError);
    expect(isIndexLoadError(e)).toBe(true);
    return (e as Error).message;
  };

  it('loads the undamaged index, with a checksum for every file it reads', async () => {
    expect(Object.keys(manifest.files ?? {})).toEqual(expect.arrayContaining([ARTICLES_FILE, BINARY_FILES.positions, `${FLEX_DIR}/${manifest.flex[1].file}`]));
    const engine = await loadEngine(good);
    expect(engine.search(parseSearchParams({ q: 'باران' })).total).toBeGreaterThan(0);
  });

  it('refuses a posting part with one flipped byte, naming the part', async () => {
    const file = path.join(FLEX_DIR, manifest.flex[1].file);
    const copy = damaged('flipped', (c) => {
      const bytes = readFileSync(path.join(c, file));
      bytes[Math.floor(bytes.length / 2)] ^= 0x01;
      writeFileSync(path.join(c, file), bytes);
    });
    expect(await refusal(copy)).toMatch(new RegExp(`${manifest.flex[1].file} does not match its checksum`));
  });

  it('refuses a flipped byte in a part even without checksums (an older manifest), when the part no longer decodes', async () => {
    const file = path.join(FLEX_DIR, manifest.flex[1].file);
    const copy = damaged('unchecked', (c) => {
      const m = JSON.parse(readFileSync(path.join(c, MANIFEST_FILE), 'utf8')) as IndexManifest;
      delete m.files;
      writeFileSync(path.join(c, MANIFEST_FILE), JSON.stringify(m));
      writeFileSync(path.join(c, file), Buffer.concat([readFileSync(path.join(c, file)), Buffer.from([0xff])]));
    });
    expect(await refusal(copy)).toContain(manifest.flex[1].file);
  });

  it('refuses a truncated articles.bin at load (searches and pages answered 500 before), naming it', async () => {
    const copy = damaged('articles-cut', (c) => truncateSync(path.join(c, ARTICLES_FILE), 100));
    expect(await refusal(copy)).toMatch(/articles\.bin: 100 bytes where the other files say \d+/);
  });

  it('refuses positions cut short even without checksums, naming the file', async () => {
    const copy = damaged('positions-cut', (c) => {
      const m = JSON.parse(readFileSync(path.join(c, MANIFEST_FILE), 'utf8')) as IndexManifest;
      delete m.files;
      writeFileSync(path.join(c, MANIFEST_FILE), JSON.stringify(m));
      truncateSync(path.join(c, BINARY_FILES.positions), 10);
    });
    expect(await refusal(copy)).toMatch(/positions\.bin: 10 entries where the other files say \d+/);
  });

  it('refuses a file swapped for another of the same size, by its checksum', async () => {
    const copy = damaged('swapped', (c) => writeFileSync(path.join(c, BINARY_FILES.docLength), readFileSync(path.join(c, BINARY_FILES.docLength)).reverse()));
    expect(await refusal(copy)).toMatch(/doc-length\.u32 does not match its checksum/);
  });

  it('refuses a missing vocabulary, naming it', async () => {
    const copy = damaged('no-vocabulary', (c) => truncateSync(path.join(c, VOCABULARY_FILE), 0));
    expect(await refusal(copy)).toMatch(/vocabulary\.json/);
  });
});

describe('building over a damaged index', () => {
  it('rebuilds in full, without hanging, when a posting part of the previous index is cut inside a number', { timeout: 30_000 }, async () => {
    const out = damaged('rebuilt', (c) => {
      const m = JSON.parse(readFileSync(path.join(c, MANIFEST_FILE), 'utf8')) as IndexManifest;
      delete m.files; // as an index written before the checksums: the decoder alone must refuse it
      writeFileSync(path.join(c, MANIFEST_FILE), JSON.stringify(m));
      const file = path.join(c, FLEX_DIR, m.flex[1].file);
      writeFileSync(file, Buffer.concat([readFileSync(file), Buffer.from([0x85])]));
    });
    const added = write('b.jsonl', JSON.stringify({ id: 'new1', title: 'گزارش زلزله کرمان', body: 'زلزله در کرمان' }));
    const summary = await buildIndex({ inputs: [input, added], out });
    expect(summary.indexed).toBe(301);
    const engine = await loadEngine(out);
    expect(engine.search(parseSearchParams({ q: 'زلزله' })).results.map((r) => r.id)).toEqual(['new1']);
    expect(engine.search(parseSearchParams({ q: 'باران' })).total).toBeGreaterThan(0);
  });
});
