// Helpers for the index builder's tests.
import { mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll } from 'vitest';

/**
 * Every file under a directory by relative path, sorted: two equal snapshots are byte-for-byte equal trees, but
 * for the time of writing in the manifest (`builtAt`), which no two builds share.
 */
export function snapshot(dir: string): Map<string, Buffer> {
  const files: [string, Buffer][] = [];
  for (const entry of readdirSync(dir, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile()) continue;
    const full = path.join(entry.parentPath, entry.name);
    let bytes = readFileSync(full);
    if (entry.name === 'manifest.json') bytes = Buffer.from(bytes.toString('utf8').replace(/\n  "builtAt": "[^"]*",/, ''));
    files.push([path.relative(dir, full), bytes]);
  }
  return new Map(files.sort(([a], [b]) => (a < b ? -1 : 1)));
}

/**
 * A fresh temp directory removed after the test file, and a writer that puts
 * each file under a unique name in it (the readers' tests write many small inputs).
 */
export function tempFiles(prefix: string): { dir: string; write: (name: string, content: string | Buffer) => string } {
  const dir = mkdtempSync(path.join(os.tmpdir(), prefix));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  let count = 0;
  return {
    dir,
    write(name, content) {
      const file = path.join(dir, `${count++}-${name}`);
      writeFileSync(file, content);
      return file;
    },
  };
}
