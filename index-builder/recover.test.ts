// What a builder killed mid-way leaves beside the index, the next build undoes.
import { cpSync, existsSync, mkdirSync, readdirSync, renameSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadEngine } from '../lib/search/load';
import { buildIndex } from './build';
import { snapshot, tempFiles } from './testing';
import { lockOut } from './out-lock';
import { recoverInterruptedBuilds } from './write';

const { dir: root } = tempFiles('kavosh-recover-');
/** No process has this id (Linux caps ids far lower). */
const DEAD = 2 ** 30;

async function indexAt(name: string): Promise<string> {
  const input = path.join(root, `${name}-in`);
  mkdirSync(input, { recursive: true });
  writeFileSync(path.join(input, 'a.jsonl'), JSON.stringify({ id: '1', title: 'بارش برف در تهران', body: 'برف آمد.' }) + '\n');
  const out = path.join(root, name, 'index');
  await buildIndex({ inputs: [input], out });
  return out;
}

describe('after a builder was killed', () => {
  it('puts back the previous index it had moved aside when it was killed between the two renames of the swap', async () => {
    const out = await indexAt('between');
    const before = snapshot(out);
    renameSync(out, `${out}.old-${DEAD}`);
    recoverInterruptedBuilds(out);
    expect(snapshot(out)).toEqual(before);
    expect((await loadEngine(out)).size).toBe(1);
  });

  it('deletes its half-written index', async () => {
    const out = await indexAt('half');
    cpSync(out, `${out}.tmp-${DEAD}`, { recursive: true });
    recoverInterruptedBuilds(out);
    expect(readdirSync(path.dirname(out))).toEqual(['index']);
  });

  it('leaves alone the folders of the build holding the lock on --out', async () => {
    const out = await indexAt('running');
    const lock = await lockOut(out);
    mkdirSync(`${out}.tmp-${process.pid}`);
    recoverInterruptedBuilds(out);
    expect(existsSync(`${out}.tmp-${process.pid}`)).toBe(true);
    lock.release();
  });

  it('deletes the folders of a pid that is alive but holds no lock: not a build of this index', async () => {
    const out = await indexAt('alive');
    mkdirSync(`${out}.tmp-${process.pid}`);
    mkdirSync(`${out}.old-${process.ppid}`);
    recoverInterruptedBuilds(out);
    expect(readdirSync(path.dirname(out))).toEqual(['index']);
  });

  it('does so by itself at the start of the next build', async () => {
    const out = await indexAt('next');
    renameSync(out, `${out}.old-${DEAD}`);
    const summary = await buildIndex({ inputs: [path.join(root, 'next-in')], out });
    expect(summary.diff).toEqual({ added: 0, updated: 0, removed: 0, unchanged: 1 });
    expect(readdirSync(path.dirname(out))).toEqual(['index']);
  });
});
