// What every benchmark prints the same way: its section headings, and a hash of
// the sources it measured, so a figure can be tied to the code behind it.
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';

export const heading = (title: string) => console.log(`\n== ${title} ${'='.repeat(Math.max(0, 76 - title.length))}`);

/** A short hash of the TypeScript sources (tests left out) under `dirs`, walked in name order. */
export function sourceFingerprint(dirs: readonly string[]): string {
  const hash = createHash('sha1');
  const walk = (dir: string) => {
    for (const name of readdirSync(dir).sort()) {
      const p = path.join(dir, name);
      if (statSync(p).isDirectory()) walk(p);
      else if (/\.tsx?$/.test(name) && !name.includes('.test.')) hash.update(name).update(readFileSync(p));
    }
  };
  for (const dir of dirs) walk(dir);
  return hash.digest('hex').slice(0, 12);
}
