// A rebuild reads the previous index through files it opened at its start:
// another index moved into --out while it runs changes nothing it reads.
import { closeSync, cpSync, mkdirSync, openSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadEngine } from '../lib/search/load';
import { parseSearchParams } from '../lib/search/params';
import { buildIndex } from './build';
import type { BuildProgress } from './progress';
import { snapshot, tempFiles } from './testing';
import { copyPinned } from './write';

const { dir: root } = tempFiles('kavosh-previous-');

const WORDS = ['بارش', 'برف', 'تهران', 'کتابخانه', 'ملی', 'اقتصادی', 'زمین‌لرزه', 'نمایشگاه', 'کتاب', 'مجلس', 'بودجه'];
const record = (prefix: string, i: number) =>
  JSON.stringify({ id: `${prefix}${i}`, title: `${WORDS[i % WORDS.length]} ${prefix}${i}`, body: `${WORDS[(i * 3) % WORDS.length]} در روز ${i}` });

function archive(name: string, prefix: string, count: number): string {
  const dir = path.join(root, name);
  mkdirSync(dir, { recursive: true });
  writeFileSync(path.join(dir, 'a.jsonl'), Array.from({ length: count }, (_, i) => record(prefix, i)).join('\n') + '\n');
  return dir;
}

/** Progress that does `then` once reading starts: after the build has opened the previous index. */
const onReading = (then: () => void): BuildProgress => ({
  reading: then,
  read: () => {},
  analyzing: () => {},
  analyzed: () => {},
  writing: () => {},
  stop: () => {},
});

describe('an incremental rebuild and the previous index', () => {
  it('reads the previous index it opened, though another index is moved into --out while it runs', { timeout: 60_000 }, async () => {
    const input = archive('grows', 'خبر', 600);
    const out = path.join(root, 'index');
    await buildIndex({ inputs: [input], out });
    // Another index, of other articles, to move in mid-build.
    const other = path.join(root, 'other-index');
    await buildIndex({ inputs: [archive('other', 'دیگر', 450)], out: other });

    // The archive grows at its end: the rebuild appends, reusing blocks, word counts and the articles file's prefix.
    writeFileSync(path.join(input, 'b.jsonl'), Array.from({ length: 30 }, (_, i) => record('تازه', i)).join('\n') + '\n');
    const s = await buildIndex({
      inputs: [input],
      out,
      progress: onReading(() => {
        renameSync(out, path.join(root, 'moved-away'));
        cpSync(other, out, { recursive: true });
      }),
    });
    expect([s.analyzed, s.extended]).toEqual([30, true]);

    const full = path.join(root, 'full');
    await buildIndex({ inputs: [input], out: full });
    expect(snapshot(out)).toEqual(snapshot(full));
    const engine = await loadEngine(out);
    expect(engine.search(parseSearchParams({ q: 'خبر599' })).total).toBe(1);
    expect(engine.search(parseSearchParams({ q: 'دیگر1' })).total).toBe(0);
  });
});

describe('copyPinned: the start of the previous articles file, by its descriptor', () => {
  for (const [how, procFds] of [['through /proc/self/fd', undefined], ['read through the descriptor where there is no /proc', '/nonexistent']] as const) {
    it(`copies the file that was opened, not the one now at its path (${how})`, async () => {
      const file = path.join(root, `articles-${procFds ? 'fd' : 'proc'}.bin`);
      writeFileSync(file, 'بلوک‌های قدیمی و بقیه');
      const fd = openSync(file, 'r');
      try {
        renameSync(file, `${file}.moved`);
        writeFileSync(file, 'چیزی دیگر به جای آن');
        const to = path.join(root, `copy-${procFds ? 'fd' : 'proc'}.bin`);
        const bytes = Buffer.byteLength('بلوک‌های قدیمی');
        await copyPinned({ file, fd }, to, bytes, procFds);
        expect(readFileSync(to, 'utf8')).toBe('بلوک‌های قدیمی');
      } finally {
        closeSync(fd);
      }
    });
  }
});
