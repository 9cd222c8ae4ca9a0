// Helpers for the index builder's tests.
import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';

/** Every file under a directory by relative path, sorted: two equal snapshots are byte-for-byte equal trees. */
export function snapshot(dir: string): Map<string, Buffer> {
  const files: [string, Buffer][] = [];
  for (const entry of readdirSync(dir, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile()) continue;
    const full = path.join(entry.parentPath, entry.name);
    files.push([path.relative(dir, full), readFileSync(full)]);
  }
  return new Map(files.sort(([a], [b]) => (a < b ? -1 : 1)));
}
