// What a walk of the input folders reads: names that are not UTF-8, links
// followed once, and never the index being written.
import { mkdirSync, mkdtempSync, readdirSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { planInputs, readArticles } from './files';
import { fsPath, nameFromBytes, printable } from './paths';
import { formatReject } from './types';
import type { ReadOutcome } from './types';

const root = mkdtempSync(path.join(os.tmpdir(), 'kavosh-walk-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));
let n = 0;
const fresh = () => {
  const dir = path.join(root, `case-${n++}`);
  mkdirSync(dir);
  return dir;
};

const record = (id: string) => JSON.stringify({ id, title: 'عنوان ' + id, body: 'متن خبر درباره ' + id });

async function collect(inputs: string[], out?: string): Promise<ReadOutcome[]> {
  const outcomes: ReadOutcome[] = [];
  for await (const o of readArticles(await planInputs(inputs, { out }))) outcomes.push(o);
  return outcomes;
}
const ids = (outcomes: ReadOutcome[]) => outcomes.flatMap((o) => (o.ok ? [o.article.id] : []));

describe('walk: a file whose name is not valid UTF-8', () => {
  // "اخبار" in Windows-1256, as an old archive tool names files: not UTF-8.
  const cp1256Name = Buffer.concat([Buffer.from([0xc7, 0xce, 0xc8, 0xc7, 0xd1]), Buffer.from('.jsonl')]);

  it('is read (its records indexed), not skipped as ENOENT', async () => {
    const dir = fresh();
    writeFileSync(Buffer.concat([Buffer.from(dir + '/'), cp1256Name]), record('نام-ویندوز') + '\n');
    const outcomes = await collect([dir]);
    expect(outcomes.map((o) => (o.ok ? o.article.id : formatReject(o)))).toEqual(['نام-ویندوز']);
  });

  it('is printed with its bytes escaped, and opens as the same file', async () => {
    const dir = fresh();
    writeFileSync(Buffer.concat([Buffer.from(dir + '/'), cp1256Name]), '[1]\n');
    const [outcome] = await collect([dir]);
    expect(outcome.ok).toBe(false);
    expect(formatReject(outcome as Extract<ReadOutcome, { ok: false }>)).toBe(`${dir}/\\xc7\\xce\\xc8\\xc7\\xd1.jsonl:1: a record must be a JSON object`);
    expect(fsPath(outcome.file)).toEqual(Buffer.concat([Buffer.from(dir + '/'), cp1256Name]));
  });

  it('keeps valid UTF-8 names as they are (Persian, emoji), and escapes no byte of them', () => {
    for (const name of ['اخبار ۱۴۰۰.jsonl', 'خبر🙂.json', 'plain.csv']) {
      expect(nameFromBytes(Buffer.from(name))).toBe(name);
      expect(fsPath(name)).toBe(name);
      expect(printable(name)).toBe(name);
    }
  });
});

describe('walk: symbolic links', () => {
  it('reads a folder reached by two links once', async () => {
    const dir = fresh();
    mkdirSync(path.join(dir, 'real'));
    writeFileSync(path.join(dir, 'real', 'a.jsonl'), record('یک') + '\n');
    symlinkSync(path.join(dir, 'real'), path.join(dir, 'link1'));
    symlinkSync(path.join(dir, 'real'), path.join(dir, 'link2'));
    const outcomes = await collect([dir]);
    expect(ids(outcomes)).toEqual(['یک']);
    expect(outcomes.filter((o) => !o.ok)).toEqual([]);
  });

  it('reports a loop a → b → a once and does not walk it again', async () => {
    const dir = fresh();
    mkdirSync(path.join(dir, 'a'));
    mkdirSync(path.join(dir, 'b'));
    writeFileSync(path.join(dir, 'a', 'x.jsonl'), record('الف') + '\n');
    writeFileSync(path.join(dir, 'b', 'y.jsonl'), record('ب') + '\n');
    symlinkSync(path.join(dir, 'b'), path.join(dir, 'a', 'to-b'));
    symlinkSync(path.join(dir, 'a'), path.join(dir, 'b', 'to-a'));
    const outcomes = await collect([dir]);
    expect(ids(outcomes).sort()).toEqual(['الف', 'ب']);
    const rejects = outcomes.filter((o) => !o.ok);
    expect(rejects).toEqual([
      { ok: false, file: path.join(dir, 'a', 'to-b', 'to-a'), reason: `symbolic link loop: leads back to ${path.join(dir, 'a')}; not followed` },
    ]);
  });

  it('does not go down a deep nest of links exponentially (each folder once)', async () => {
    // Ten folders each linking to all the others: 10^10 paths if followed naively.
    const dir = fresh();
    for (let i = 0; i < 10; i++) mkdirSync(path.join(dir, `d${i}`));
    for (let i = 0; i < 10; i++) {
      writeFileSync(path.join(dir, `d${i}`, 'x.jsonl'), record(`خبر${i}`) + '\n');
      for (let j = 0; j < 10; j++) if (i !== j) symlinkSync(path.join(dir, `d${j}`), path.join(dir, `d${i}`, `l${j}`));
    }
    const outcomes = await collect([dir]);
    expect(ids(outcomes).sort()).toEqual(Array.from({ length: 10 }, (_, i) => `خبر${i}`).sort());
  });
});

describe('walk: an input folder that holds the index', () => {
  function withIndex(): { dir: string; out: string } {
    const dir = fresh();
    writeFileSync(path.join(dir, 'a.jsonl'), record('خبر') + '\n');
    const out = path.join(dir, 'index');
    for (const d of [out, `${out}.tmp-123`, `${out}.old-456`]) {
      mkdirSync(d);
      writeFileSync(path.join(d, 'rejects.jsonl'), '{"file":"x","reason":"y"}\n');
      writeFileSync(path.join(d, 'vocabulary.json'), '[]');
    }
    writeFileSync(`${out}.lock`, '{"pid":1}');
    return { dir, out };
  }

  it('reads none of the index, its lock or the build folders beside it', async () => {
    const { dir, out } = withIndex();
    const plan = await planInputs([dir], { out });
    expect(plan.entries).toEqual([{ file: path.join(dir, 'a.jsonl') }]);
    expect(plan.notes).toHaveLength(4);
  });

  it('reads none of it when a link in the input leads to the index either', async () => {
    const { dir, out } = withIndex();
    const other = fresh();
    symlinkSync(out, path.join(other, 'shortcut'));
    writeFileSync(path.join(other, 'b.jsonl'), record('دیگر') + '\n');
    expect(ids(await collect([other], out))).toEqual(['دیگر']);
    expect(readdirSync(dir)).toContain('index');
  });

  it('still reads a folder of the same name elsewhere (only the index itself is left out)', async () => {
    const { out } = withIndex();
    const other = fresh();
    mkdirSync(path.join(other, 'index'));
    writeFileSync(path.join(other, 'index', 'c.jsonl'), record('هم‌نام') + '\n');
    expect(ids(await collect([other], out))).toEqual(['هم‌نام']);
  });
});
