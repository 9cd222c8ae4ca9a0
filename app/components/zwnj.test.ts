import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

// The interface's Persian strings live in the components and pages; a suffix
// glued on without its ZWNJ («نیامدهاند») or attached by a JSX expression
// («نیامده{…'اند'}») reads as a misspelling.
const ROOTS = ['app'];
const files = (dir: string): string[] =>
  readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return files(path);
    return /\.(ts|tsx)$/.test(name) && !/\.test\.ts$/.test(name) ? [path] : [];
  });

const BROKEN = [
  // «نیامدهاند», «شدهای», «آمدهایم»: a verb's ه then a personal ending with no ZWNJ.
  /[\u0600-\u06FF]ه(?:اند|ایم|اید)(?![\u0600-\u06FF])/u,
  // «نیامده{n > 1 ? 'اند' : …}»: the ending joined in JSX, where no ZWNJ can be.
  /ه\{[^}]*['"](?:اند|ایم|اید|ها|های)['"]/u,
  // «می شود»: the prefix split by a space instead of a ZWNJ.
  /(?<![\u0600-\u06FF])ن?می (?:شود|شوند|کند|کنند|دهد|دهند|آید|آیند|توان|تواند)(?![\u0600-\u06FF])/u,
];

describe('Persian interface strings keep their ZWNJ', () => {
  it('has no word that lost its ZWNJ («نیامدهاند», «نیامده{…اند}», «می شود»)', () => {
    const found: string[] = [];
    for (const root of ROOTS) {
      for (const file of files(root)) {
        readFileSync(file, 'utf8')
          .split('\n')
          .forEach((line, i) => BROKEN.some((re) => re.test(line)) && found.push(`${file}:${i + 1}: ${line.trim()}`));
      }
    }
    expect(found).toEqual([]);
  });

  it('would catch the forms it looks for', () => {
    expect(BROKEN.some((re) => re.test('در هیچ خبری نیامدهاند'))).toBe(true);
    expect(BROKEN.some((re) => re.test("نیامده{n > 1 ? 'اند' : ' است'}"))).toBe(true);
    expect(BROKEN.some((re) => re.test('نیامده‌اند'))).toBe(false);
  });
});
