import { cpSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { BINARY_FILES, INPUTS_FILE, MANIFEST_FILE, REJECTS_FILE, WORD_COUNTS_FILE } from '../lib/search/layout';
import { loadEngine } from '../lib/search/load';
import { parseSearchParams } from '../lib/search/params';
import { type BuildOptions, type BuildSummary, buildIndex } from './build';
import type { BuildProgress } from './progress';
import { formatSummary } from './summary';
import { SourceAliases } from './source-aliases';
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

  it('reads back the hamza keys and elongated spellings of unchanged articles, and equals a full build', async () => {
    // The read-back path rebuilds an article's terms from the postings: keys and spellings are terms like any other.
    const spelled = [record(50, 'هیئت مسئولان و هیأت مسؤول'), record(51, 'خیییلی ممممکن است')];
    const before = archive('spell-a', { 'a.jsonl': [...base, ...spelled] });
    const changed = [...base.map((line, i) => (i === 2 ? record(2, 'خبر تازه') : line)), ...spelled];
    const after = archive('spell-b', { 'a.jsonl': changed });
    const { out, full, summary } = await rebuildAndFull('spell', before, after);
    expect(summary.analyzed).toBe(1);
    expect(snapshot(out)).toEqual(snapshot(full));
    const engine = await loadEngine(out);
    expect(engine.search(parseSearchParams({ q: 'مسوولان ' })).results.map((r) => r.id)).toEqual(['n50']);
    expect(engine.search(parseSearchParams({ q: 'ممکن ' })).results.map((r) => r.id)).toEqual(['n51']);
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

/**
 * Builds `before` into an index; then writes the same folder afresh as
 * `after` (unchanged files too: new modification times, same bytes) and
 * builds it over that index, over a copy of it without its record of the
 * inputs (so every file is read), and with --full into a folder of its own.
 */
async function rebuildInPlace(
  name: string,
  before: Record<string, string[]>,
  after: Record<string, string[]>,
  {
    fields = {},
    fieldsAfter = fields,
    aliases,
    aliasesAfter = aliases,
  }: { fields?: BuildOptions['fields']; fieldsAfter?: BuildOptions['fields']; aliases?: SourceAliases; aliasesAfter?: SourceAliases } = {},
) {
  const dir = archive(name, before);
  const out = path.join(root, `${name}-index`);
  const unrecorded = path.join(root, `${name}-unrecorded`);
  const full = path.join(root, `${name}-full`);
  await buildIndex({ inputs: [dir], out, fields, sourceAliases: aliases });
  cpSync(out, unrecorded, { recursive: true });
  rmSync(path.join(unrecorded, INPUTS_FILE));
  archive(name, after);
  const summary = await buildIndex({ inputs: [dir], out, fields: fieldsAfter, sourceAliases: aliasesAfter });
  const read = await buildIndex({ inputs: [dir], out: unrecorded, fields: fieldsAfter, sourceAliases: aliasesAfter });
  await buildIndex({ inputs: [dir], out: full, fields: fieldsAfter, sourceAliases: aliasesAfter, full: true });
  return { dir, out, unrecorded, full, summary, read };
}

/** What a summary says, but where the index went, how long the build took and how many files it did not read. */
const counts = ({ out: _out, ms: _ms, skippedFiles: _skipped, ...rest }: BuildSummary) => rest;

/** The rebuild over the index wrote what a full build writes, and reported what reading every file reports. */
function expectSameAsReadingAll(r: Awaited<ReturnType<typeof rebuildInPlace>>) {
  expect(snapshot(r.out)).toEqual(snapshot(r.full));
  expect(snapshot(r.unrecorded)).toEqual(snapshot(r.full));
  expect(r.read.skippedFiles).toBe(0);
  expect(counts(r.summary)).toEqual(counts(r.read));
}

describe('incremental rebuild that only adds articles', () => {
  it('extends the previous index instead of assembling it again, and writes what a full build writes', async () => {
    const before = archive('extend-a', { 'a.jsonl': base });
    const after = archive('extend-b', { 'a.jsonl': base, 'b.jsonl': [record(30, 'زلزله در کرمان'), record(31)] });
    const { out, full, summary } = await rebuildAndFull('extend', before, after);
    expect(summary.extended).toBe(true);
    expect(snapshot(out)).toEqual(snapshot(full));
  });

  it('extends the previous index with articles under another name of an outlet, as a full build writes them', async () => {
    const before = archive('extend-alias-a', { 'a.jsonl': base });
    const domain = (i: number) => record(i).replace(/"source":"[^"]+"/, '"source":"www.irna.ir"');
    const after = archive('extend-alias-b', { 'a.jsonl': base, 'b.jsonl': [domain(31), domain(33)] });
    const { out, full, summary } = await rebuildAndFull('extend-alias', before, after);
    expect(summary.extended).toBe(true);
    expect(summary.sourceMerges).toEqual([{ source: 'ایرنا', count: 12, names: [{ name: 'ایرنا', count: 10 }, { name: 'www.irna.ir', count: 2 }] }]);
    expect(snapshot(out)).toEqual(snapshot(full));
  });

  it('codes the words again when an added article makes a word the most frequent', async () => {
    const before = archive('recode-a', { 'a.jsonl': base });
    const after = archive('recode-b', { 'a.jsonl': base, 'b.jsonl': [record(30, Array(60).fill('آتشفشان').join(' '))] });
    const out = path.join(root, 'recode-incremental');
    const full = path.join(root, 'recode-full');
    await buildIndex({ inputs: [before], out });
    const positionsBefore = readFileSync(path.join(out, BINARY_FILES.positions));
    const summary = await buildIndex({ inputs: [after], out });
    await buildIndex({ inputs: [after], out: full, full: true });
    expect(summary.extended).toBe(true);
    // The previous articles' words are coded anew, not copied.
    expect(readFileSync(path.join(out, BINARY_FILES.positions)).subarray(0, positionsBefore.length)).not.toEqual(positionsBefore);
    expect(snapshot(out)).toEqual(snapshot(full));
  });

  it('assembles the index again, as a full build would, when the previous index has no word counts', async () => {
    const before = archive('uncounted-a', { 'a.jsonl': base });
    const after = archive('uncounted-b', { 'a.jsonl': base, 'b.jsonl': [record(30)] });
    const out = path.join(root, 'uncounted-incremental');
    const full = path.join(root, 'uncounted-full');
    await buildIndex({ inputs: [before], out });
    rmSync(path.join(out, WORD_COUNTS_FILE));
    const summary = await buildIndex({ inputs: [after], out });
    await buildIndex({ inputs: [after], out: full, full: true });
    expect(summary.extended).toBe(false);
    expect(summary.analyzed).toBe(1);
    expect(snapshot(out)).toEqual(snapshot(full));
  });

  it('assembles the index again when an article is also removed', async () => {
    const before = archive('extend-removed-a', { 'a.jsonl': base });
    const after = archive('extend-removed-b', { 'a.jsonl': base.filter((_, i) => i !== 7), 'b.jsonl': [record(30)] });
    const { out, full, summary } = await rebuildAndFull('extend-removed', before, after);
    expect(summary.extended).toBe(false);
    expect(summary.diff).toEqual({ added: 1, updated: 0, removed: 1, unchanged: 20 });
    expect(snapshot(out)).toEqual(snapshot(full));
  });

  it('assembles the index again when an article is also updated', async () => {
    const before = archive('extend-updated-a', { 'a.jsonl': base });
    const after = archive('extend-updated-b', { 'a.jsonl': base.map((line, i) => (i === 3 ? record(3, 'خبر تازه') : line)), 'b.jsonl': [record(30)] });
    const { out, full, summary } = await rebuildAndFull('extend-updated', before, after);
    expect(summary.extended).toBe(false);
    expect(summary.diff).toEqual({ added: 1, updated: 1, removed: 0, unchanged: 20 });
    expect(snapshot(out)).toEqual(snapshot(full));
  });

  it('assembles the index again when an unchanged article moves to the end', async () => {
    const before = archive('moved-a', { 'a.jsonl': base });
    const after = archive('moved-b', { 'a.jsonl': base.filter((_, i) => i !== 3), 'b.jsonl': [base[3]] });
    const { out, full, summary } = await rebuildAndFull('moved', before, after);
    expect(summary.extended).toBe(false);
    expect(summary.diff).toEqual({ added: 0, updated: 0, removed: 0, unchanged: 21 });
    expect(snapshot(out)).toEqual(snapshot(full));
  });
});

describe('incremental rebuild of a large vocabulary', () => {
  // The read-back enters the previous vocabulary into the term table at once, so an article analyzed
  // after it meets term ids far past the analyzer's per-term arrays: they must grow until the id fits
  // (growing once made a duplicate posting, 5 of them at 100,000 articles + 100).
  it('equals a full build when the previous index has more terms than the analyzer has seen', async () => {
    const letters = [...'ابپتثجچحخدذرزژسشصضطظعغفقکگلمنوهی'];
    const word = (k: number) => letters[k % 32] + letters[Math.floor(k / 32) % 32] + letters[Math.floor(k / 1024) % 32] + 'ان';
    const many = (i: number) =>
      JSON.stringify({ id: `w${i}`, title: word(i * 100), body: Array.from({ length: 100 }, (_, k) => word(i * 100 + k)).join(' '), date: '1402/01/01' });
    // 3,000 terms; «یگپان» sorts among the last, so its id is above 2,048.
    const before = archive('vocabulary-a', { 'a.jsonl': range(0, 30).map(many) });
    const twice = JSON.stringify({ id: 'twice', title: word(2911), body: word(2911), date: '1402/01/01' });
    const after = archive('vocabulary-b', { 'a.jsonl': range(0, 30).map(many), 'b.jsonl': [twice] });
    const { out, full } = await rebuildAndFull('vocabulary', before, after);
    expect(snapshot(out)).toEqual(snapshot(full));
  });
});

describe('rebuild: input files not read again', () => {
  it('skips a file that has not changed while another file changes, and equals a full build', async () => {
    const r = await rebuildInPlace(
      'skip',
      { 'a.jsonl': base, 'b.jsonl': [record(30)] },
      { 'a.jsonl': base, 'b.jsonl': [record(30, 'سیل ویرانگر'), record(31)] },
    );
    expect(r.summary.skippedFiles).toBe(1);
    expect(r.summary.analyzed).toBe(2);
    expect(r.summary.diff).toEqual({ added: 1, updated: 1, removed: 0, unchanged: 21 });
    expectSameAsReadingAll(r);
  });

  it('reads a file again whose bytes changed though its size did not', async () => {
    const edited = base.map((line, i) => (i === 4 ? line.replace('روز 4', 'روز 5') : line));
    expect(edited[4]).not.toBe(base[4]);
    expect(Buffer.byteLength(edited.join('\n'))).toBe(Buffer.byteLength(base.join('\n')));
    const r = await rebuildInPlace('same-size', { 'a.jsonl': base }, { 'a.jsonl': edited });
    expect(r.summary.skippedFiles).toBe(0);
    expect(r.summary.diff).toEqual({ added: 0, updated: 1, removed: 0, unchanged: 20 });
    expectSameAsReadingAll(r);
  });

  it('lets a record of a file read later replace an article of a skipped file, reported as a full read reports it', async () => {
    const r = await rebuildInPlace(
      'dup-later-read',
      { 'a.jsonl': base, 'b.jsonl': [record(30)] },
      { 'a.jsonl': base, 'b.jsonl': [record(30), record(5, 'نسخهٔ اصلاح شده')] },
    );
    expect(r.summary.skippedFiles).toBe(1);
    expect(r.summary.replaced).toEqual([expect.objectContaining({ file: path.join(r.dir, 'a.jsonl'), line: 6, id: 'n5' })]);
    expectSameAsReadingAll(r);
  });

  it('lets a record of a skipped file replace an article of a file read before it', async () => {
    const r = await rebuildInPlace(
      'dup-later-skipped',
      { 'a.jsonl': [record(30)], 'b.jsonl': base },
      { 'a.jsonl': [record(30, 'سیل'), record(5, 'نسخهٔ پیشین')], 'b.jsonl': base },
    );
    expect(r.summary.skippedFiles).toBe(1);
    expect(r.summary.replaced).toEqual([expect.objectContaining({ file: path.join(r.dir, 'a.jsonl'), line: 2, id: 'n5', replacedBy: `${path.join(r.dir, 'b.jsonl')}:6` })]);
    expectSameAsReadingAll(r);
  });

  it('reads an unchanged file after all when one of its records comes back that the previous index held in another version', async () => {
    // n5 of a.jsonl was replaced by b.jsonl's; with b.jsonl gone, a.jsonl's n5 is indexed, and only a.jsonl has it.
    const r = await rebuildInPlace('dup-gone', { 'a.jsonl': base, 'b.jsonl': [record(5, 'نسخهٔ اصلاح شده')] }, { 'a.jsonl': base });
    expect(r.summary.skippedFiles).toBe(0);
    expect(r.summary.diff).toEqual({ added: 0, updated: 1, removed: 0, unchanged: 20 });
    expectSameAsReadingAll(r);
  });

  it('keeps the rejects of a skipped file in the report and the summary', async () => {
    const withRejects = [base[0], '{"id": "bad", "title": "بی‌تاریخ", "body": "متن", "date": "2021-02-30"}', '{not json', ...base.slice(1)];
    const r = await rebuildInPlace('rejects', { 'a.jsonl': withRejects, 'b.jsonl': [record(30)] }, { 'a.jsonl': withRejects, 'b.jsonl': [record(31)] });
    expect(r.summary.skippedFiles).toBe(1);
    expect(r.summary.rejected).toBe(2);
    expect(r.summary.rejects.map((x) => x.line)).toEqual([2, 3]);
    expect(readFileSync(path.join(r.out, REJECTS_FILE), 'utf8').trimEnd().split('\n')).toHaveLength(2);
    expectSameAsReadingAll(r);
  });

  it('reads every file again when the --map fields change', async () => {
    const renamed = base.map((line) => line.replace('"title"', '"headline_fa"'));
    const r = await rebuildInPlace('map', { 'a.jsonl': renamed }, { 'a.jsonl': renamed }, { fields: { title: 'headline_fa' }, fieldsAfter: { title: 'headline_fa', source: 'source' } });
    expect(r.summary.skippedFiles).toBe(0);
    expectSameAsReadingAll(r);
  });

  it('reads every file again when the source alias table changes, and equals a full build with the new table', async () => {
    const renamed = new SourceAliases([{ alias: 'ایسنا', canonical: 'خبرگزاری دانشجویان ایران', where: 'aliases.csv:1' }]);
    const r = await rebuildInPlace('aliases', { 'a.jsonl': base, 'b.jsonl': [record(30)] }, { 'a.jsonl': base, 'b.jsonl': [record(30)] }, { aliasesAfter: renamed });
    expect(r.summary.skippedFiles).toBe(0);
    // The 11 ISNA articles (even i of 0..20) now carry another name; ایرنا's are unchanged.
    expect(r.summary.diff).toEqual({ added: 0, updated: 12, removed: 0, unchanged: 10 });
    expect(r.summary.sourceMerges).toEqual([{ source: 'خبرگزاری دانشجویان ایران', count: 12, names: [{ name: 'ایسنا', count: 12 }] }]);
    expectSameAsReadingAll(r);
  });

  it('goes back to the built-in table when the user\'s table is dropped, and equals a full build', async () => {
    const renamed = new SourceAliases([{ alias: 'ایسنا', canonical: 'خبرگزاری دانشجویان ایران', where: 'aliases.csv:1' }]);
    const r = await rebuildInPlace('aliases-dropped', { 'a.jsonl': base }, { 'a.jsonl': base }, { aliases: renamed, aliasesAfter: new SourceAliases() });
    expect(r.summary.skippedFiles).toBe(0);
    expect(r.summary.sourceMerges).toEqual([]);
    expectSameAsReadingAll(r);
  });

  it('replays the names as written of a skipped file, so the merges listed are those of reading every file', async () => {
    const domains = range(0, 21).map((i) => record(i).replace(/"source":"[^"]+"/, i % 3 ? '"source":"https://www.isna.ir/"' : '"source":"isna.ir"'));
    const r = await rebuildInPlace('aliases-replayed', { 'a.jsonl': domains, 'b.jsonl': [record(30)] }, { 'a.jsonl': domains, 'b.jsonl': [record(31)] });
    expect(r.summary.skippedFiles).toBe(1);
    expect(r.summary.sourceMerges).toEqual([
      { source: 'ایسنا', count: 21, names: [{ name: 'https://www.isna.ir/', count: 14 }, { name: 'isna.ir', count: 7 }] },
    ]);
    expectSameAsReadingAll(r);
  });

  it('says in the summary line how many files it skipped as unchanged', async () => {
    const r = await rebuildInPlace('summary', { 'a.jsonl': base, 'b.jsonl': [record(30)] }, { 'a.jsonl': base, 'b.jsonl': [record(31)] });
    expect(formatSummary({ ...r.summary, ms: 1234 })).toBe(
      `index: 2 files, 22 records read; 22 indexed (1 added, 0 updated, 1 removed, 21 unchanged); 0 rejected; 1 analyzed, 21 read back from the previous index; 1 file skipped as unchanged; 1.2 s → ${r.out}`,
    );
  });

  it('counts a skipped file as read at once, records and bytes, for the progress', async () => {
    const dir = archive('progress', { 'a.jsonl': base, 'b.jsonl': [record(30)] });
    const out = path.join(root, 'progress-index');
    await buildIndex({ inputs: [dir], out });
    writeFileSync(path.join(dir, 'b.jsonl'), record(31) + '\n');
    const states: { files: number; records: number; bytes: number }[] = [];
    let plan = { files: 0, bytes: 0 };
    const progress: BuildProgress = {
      reading: (p) => (plan = p),
      read: (state) => states.push({ ...state }),
      analyzing() {},
      analyzed() {},
      writing() {},
      stop() {},
    };
    const summary = await buildIndex({ inputs: [dir], out, progress });
    expect(summary.skippedFiles).toBe(1);
    expect(states[0]).toEqual({ files: 1, records: 1, bytes: readFileSync(path.join(dir, 'a.jsonl')).length });
    expect(states.at(-1)).toEqual({ files: 2, records: 22, bytes: plan.bytes });
  });
});

