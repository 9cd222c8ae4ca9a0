import { gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { JsonElementSplitter, readJsonArray } from './json-array';
import type { ReadOutcome } from './types';
import { tempFiles } from '../testing';

const { write } = tempFiles('kavosh-json-');

async function readAll(file: string): Promise<ReadOutcome[]> {
  const out: ReadOutcome[] = [];
  for await (const outcome of readJsonArray(file)) out.push(outcome);
  return out;
}

const rec = (id: string, extra: Record<string, unknown> = {}) => ({ id, title: `خبر ${id}`, body: 'متن خبر', ...extra });
const pretty = (records: unknown[]) => JSON.stringify(records, null, 2);

/** "id" for an article, "✗ reason" for a reject, with the record number. */
const brief = (outcomes: ReadOutcome[]) => outcomes.map((o) => `${o.record ?? '-'} ${o.ok ? o.article.id : `✗ ${o.reason}`}`);

describe('readJsonArray: good files', () => {
  it('reads every record of an array, with its number and the line it starts on', async () => {
    const outcomes = await readAll(write('a.json', pretty([rec('1'), rec('2')])));
    expect(outcomes.map((o) => [o.ok && o.article.id, o.record, o.line])).toEqual([
      ['1', 1, 2],
      ['2', 2, 7],
    ]);
  });

  it('reads a gzipped array like the plain one', async () => {
    const records = [rec('1'), rec('2', { tags: ['نان', 'گندم'] })];
    const plain = await readAll(write('p.json', pretty(records)));
    const zipped = await readAll(write('z.json.gz', gzipSync(pretty(records))));
    expect(zipped.map((o) => o.ok && o.article)).toEqual(plain.map((o) => o.ok && o.article));
    expect(zipped).toHaveLength(2);
  });

  it('is not confused by brackets, braces and escaped quotes inside strings', async () => {
    const tricky = rec('1', { title: 'نقل قول: \\"[}{]\\" و «]»', body: 'آرایه [1, 2] و {شیء}\\\\' });
    const [outcome] = await readAll(write('tricky.json', JSON.stringify([tricky])));
    expect(outcome.ok && outcome.article.title).toBe(tricky.title);
  });

  it('reads a record split across the 1 MiB chunks the file is read in', async () => {
    const long = 'بند '.repeat(300_000);
    const outcomes = await readAll(write('long.json', JSON.stringify([rec('1'), rec('2', { body: long }), rec('3')])));
    expect(brief(outcomes)).toEqual(['1 1', '2 2', '3 3']);
    expect(outcomes[1].ok && outcomes[1].article.body).toEqual([long.trim()]);
  });

  it('reads JSON Lines saved as .json, and a lone object', async () => {
    expect(brief(await readAll(write('lines.json', `${JSON.stringify(rec('1'))}\n${JSON.stringify(rec('2'))}\n`)))).toEqual(['1 1', '2 2']);
    expect(brief(await readAll(write('one.json', JSON.stringify(rec('9')))))).toEqual(['1 9']);
  });

  it('reads an empty array as no records and CRLF line ends', async () => {
    expect(await readAll(write('empty.json', '[ ]'))).toEqual([]);
    const outcomes = await readAll(write('crlf.json', pretty([rec('1'), rec('2')]).replace(/\n/g, '\r\n')));
    expect(outcomes.map((o) => o.line)).toEqual([2, 7]);
  });
});

describe('readJsonArray: a record over --max-record-bytes', () => {
  it('is rejected alone, by number and line, and the records after it are read', async () => {
    const file = write('long.json', pretty([rec('1'), rec('2', { body: 'خبر طولانی '.repeat(1000) }), rec('3')]));
    const outcomes: ReadOutcome[] = [];
    for await (const o of readJsonArray(file, { maxRecordBytes: 2048 })) outcomes.push(o);
    expect(brief(outcomes)).toEqual([
      '1 1',
      expect.stringMatching(/^2 ✗ record too large: [\d,]+ bytes, over --max-record-bytes 2,048; not read \(the records after it are\)$/),
      '3 3',
    ]);
    expect(outcomes[1]).toMatchObject({ line: 7 });
  });

  it('is cut out by structure even when split across chunks (the splitter holds none of it)', () => {
    const splitter = new JsonElementSplitter(100);
    const text = JSON.stringify([rec('1'), rec('2', { body: 'ب'.repeat(500) }), rec('3')]);
    const elements = [...splitter.push(text.slice(0, 150)), ...splitter.push(text.slice(150, 700)), ...splitter.push(text.slice(700)), ...splitter.end()];
    expect(elements.map((e) => (e.oversized === undefined ? JSON.parse(e.text).id : `oversized ${e.oversized}`))).toEqual([
      '1',
      `oversized ${Buffer.byteLength(JSON.stringify(rec('2', { body: 'ب'.repeat(500) })))}`,
      '3',
    ]);
  });
});

describe('readJsonArray: what is rejected', () => {
  it('rejects a broken record alone and reads the rest', async () => {
    const text = `[\n${JSON.stringify(rec('1'))},\n{"id": "2", "title": "خبر" "body": "متن"},\n${JSON.stringify(rec('3'))}\n]`;
    const outcomes = await readAll(write('broken.json', text));
    expect(brief(outcomes).map((b) => b.replace(/✗ invalid JSON: .*/, '✗ invalid JSON'))).toEqual(['1 1', '2 ✗ invalid JSON', '3 3']);
    expect(outcomes[1]).toMatchObject({ ok: false, line: 3, record: 2 });
  });

  it('rejects a record that is not an object, by number', async () => {
    const outcomes = await readAll(write('mixed.json', `[${JSON.stringify(rec('1'))}, "خبر", 42]`));
    expect(brief(outcomes)).toEqual(['1 1', '2 ✗ a record must be a JSON object', '3 ✗ a record must be a JSON object']);
  });

  it('keeps the records before a missing comma and ends the file with one reject', async () => {
    const outcomes = await readAll(write('nocomma.json', `[${JSON.stringify(rec('1'))}\n${JSON.stringify(rec('2'))}]`));
    expect(brief(outcomes)).toEqual(['1 1', '- ✗ invalid JSON: expected "," or "]" after record 1, found "{"']);
    expect(outcomes[1].line).toBe(2);
  });

  it('rejects a file cut off inside a record, saying where the record starts', async () => {
    const text = pretty([rec('1'), rec('2')]);
    const outcomes = await readAll(write('cut.json', text.slice(0, text.length - 20)));
    expect(brief(outcomes)).toEqual(['1 1', '- ✗ invalid JSON: the file ends inside record 2, which starts at line 7']);
  });

  it('rejects an array without its closing "]"', async () => {
    const outcomes = await readAll(write('open.json', `[${JSON.stringify(rec('1'))},`));
    expect(brief(outcomes)).toEqual(['1 1', '- ✗ invalid JSON: the file ends before the closing "]" of the array']);
  });

  it('rejects an empty file and a file that is not an array of records', async () => {
    expect(brief(await readAll(write('blank.json', '\n')))).toEqual(['- ✗ invalid JSON: the file is empty: expected an array of records']);
    expect(brief(await readAll(write('string.json', '"خبر"')))).toEqual([
      '- ✗ invalid JSON: a .json file must hold an array of records ("[…]"); it starts with """',
    ]);
  });

  it('rejects text after the closing "]"', async () => {
    const outcomes = await readAll(write('after.json', `[${JSON.stringify(rec('1'))}]\n]`));
    expect(brief(outcomes)).toEqual(['1 1', '- ✗ invalid JSON: unexpected "]" after the closing "]"']);
  });
});

describe('JsonElementSplitter', () => {
  it('cuts the same elements whatever the chunk boundaries', () => {
    const text = JSON.stringify([rec('1', { tags: ['a', 'b'] }), { n: [1, { m: '}' }] }, 3.5, null, 'x\\"y']);
    const whole = new JsonElementSplitter();
    const expected = [...whole.push(text), ...whole.end()].map((e) => e.text);
    for (let size = 1; size <= 7; size++) {
      const s = new JsonElementSplitter();
      const got: string[] = [];
      for (let i = 0; i < text.length; i += size) got.push(...s.push(text.slice(i, i + size)).map((e) => e.text));
      got.push(...s.end().map((e) => e.text));
      expect(got).toEqual(expected);
    }
    expect(expected.map((t) => JSON.parse(t))).toEqual(JSON.parse(text));
  });
});
