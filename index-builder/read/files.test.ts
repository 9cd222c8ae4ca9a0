import { chmodSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readArticles } from './files';
import type { ReadOutcome } from './types';

const root = mkdtempSync(path.join(os.tmpdir(), 'kavosh-files-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));

const archive = path.join(root, 'archive');
const at = (...parts: string[]) => path.join(archive, ...parts);

const article = (code: string) =>
  ['کد خبر ' + code, 'تاریخ انتشار: ۱۰ آبان ۱۴۰۰ - ۲۳:۵۶', '', 'مسکو - ایرنا- لاوروف با میرزویان گفت و گو کرد.', '', 'منبع: ایرنا'].join('\n');
const record = (id: string) => JSON.stringify({ id, title: 'عنوان ' + id, body: 'متن خبر', date: null, date_jalali: null, source: 'فارس', category: null, tags: [], url: null });

beforeAll(() => {
  mkdirSync(at('a', 'sub'), { recursive: true });
  mkdirSync(at('.git'), { recursive: true });
  writeFileSync(at('b.txt'), article('200'));
  writeFileSync(at('a', 'x.jsonl'), [record('x1'), record('x2')].join('\n'));
  writeFileSync(at('a', 'sub', 'y.ndjson.gz'), gzipSync(record('y1') + '\n'));
  writeFileSync(at('.hidden.txt'), article('900'));
  writeFileSync(at('.git', 'inside.txt'), article('901'));
  writeFileSync(at('README.md'), '# archive');
  writeFileSync(at('a', 'notes.md'), 'notes');
});

async function collect(inputs: string[]): Promise<ReadOutcome[]> {
  const out: ReadOutcome[] = [];
  for await (const outcome of readArticles(inputs)) out.push(outcome);
  return out;
}

/** "a/x.jsonl x1" or "data.csv ✗": what came out, in order. */
const summary = (outcomes: ReadOutcome[]) =>
  outcomes.map((o) => `${path.relative(archive, o.file)} ${o.ok ? o.article.id : '✗'}`);

describe('readArticles: walking folders', () => {
  it('reads every supported file under a folder, recursively, sorted by path', async () => {
    expect(summary(await collect([archive]))).toEqual([
      'a/sub/y.ndjson.gz y1',
      'a/x.jsonl x1',
      'a/x.jsonl x2',
      'b.txt 200',
    ]);
  });

  it('skips dotfiles, dot-folders and Markdown notes', async () => {
    const files = (await collect([archive])).map((o) => path.basename(o.file));
    expect(files).not.toContain('.hidden.txt');
    expect(files).not.toContain('inside.txt');
    expect(files).not.toContain('README.md');
    expect(files).not.toContain('notes.md');
  });

  it('gives the same order on every run', async () => {
    expect(summary(await collect([archive]))).toEqual(summary(await collect([archive])));
  });

  it('reads a file given directly, and inputs in the order given', async () => {
    expect(summary(await collect([at('b.txt'), at('a', 'x.jsonl')]))).toEqual(['b.txt 200', 'a/x.jsonl x1', 'a/x.jsonl x2']);
  });

  it('carries the line of each JSON Lines record', async () => {
    expect((await collect([at('a', 'x.jsonl')])).map((o) => o.line)).toEqual([1, 2]);
  });
});

describe('readArticles: problems', () => {
  it('rejects a file of another type without stopping', async () => {
    const dir = path.join(root, 'mixed');
    mkdirSync(dir, { recursive: true });
    writeFileSync(path.join(dir, 'a.csv'), 'id,title\n1,خبر');
    writeFileSync(path.join(dir, 'b.txt'), article('300'));
    const outcomes = await collect([dir]);
    expect(outcomes).toHaveLength(2);
    expect(outcomes[0]).toMatchObject({ ok: false, file: path.join(dir, 'a.csv'), reason: expect.stringMatching(/^unsupported file type/) });
    expect(outcomes[1]).toMatchObject({ ok: true, article: { id: '300' } });
  });

  it('reports a text file that is not an article with its line and reason', async () => {
    const file = path.join(root, 'bad-date.txt');
    writeFileSync(file, article('1').replace('۱۰ آبان', '۳۱ مهر'));
    const [outcome] = await collect([file]);
    expect(outcome).toMatchObject({ ok: false, file, line: 2 });
    expect(!outcome.ok && outcome.reason).toContain('month 7 has 30 days');
  });

  it('rejects a text file that is not UTF-8 instead of garbling it', async () => {
    const file = path.join(root, 'cp1256.txt');
    writeFileSync(file, Buffer.from([0xc7, 0xed, 0xd1, 0xc7, 0xe4, 0x0a]));
    const [outcome] = await collect([file]);
    expect(outcome).toMatchObject({ ok: false, file, reason: expect.stringContaining('not valid UTF-8') });
  });

  it('throws "input not found" for a missing path, before reading anything', async () => {
    const missing = path.join(root, 'nope');
    const seen: ReadOutcome[] = [];
    await expect(async () => {
      for await (const outcome of readArticles([archive, missing])) seen.push(outcome);
    }).rejects.toThrow(`input not found: ${missing}`);
    expect(seen).toEqual([]);
  });

  it.skipIf(process.getuid?.() === 0)('rejects an unreadable file with the system reason', async () => {
    const file = path.join(root, 'locked.txt');
    writeFileSync(file, article('1'));
    chmodSync(file, 0o000);
    const [outcome] = await collect([file]);
    chmodSync(file, 0o644);
    expect(outcome).toMatchObject({ ok: false, file, reason: expect.stringContaining('EACCES') });
  });
});
