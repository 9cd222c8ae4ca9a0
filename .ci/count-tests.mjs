// Sums the JSON reports of vitest and Playwright into the one line CI reads:
// "N passed, N failed". A failing command whose failure no report records (a
// type error, a build error) counts as one failed test, so it is never hidden.
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';

const [dir = 'reports', statusArg = '0'] = process.argv.slice(2);
let passed = 0;
let failed = 0;
let skipped = 0;

const read = (file) => {
  const p = path.join(dir, file);
  return existsSync(p) ? JSON.parse(readFileSync(p, 'utf8')) : null;
};

const vitest = read('vitest.json');
if (vitest) {
  passed += vitest.numPassedTests ?? 0;
  failed += vitest.numFailedTests ?? 0;
  skipped += (vitest.numPendingTests ?? 0) + (vitest.numTodoTests ?? 0);
}
const playwright = read('playwright.json');
if (playwright?.stats) {
  passed += (playwright.stats.expected ?? 0) + (playwright.stats.flaky ?? 0);
  failed += playwright.stats.unexpected ?? 0;
  skipped += playwright.stats.skipped ?? 0;
}
if (Number(statusArg) !== 0 && failed === 0) failed = 1;

console.log(`vitest: ${vitest ? 'ran' : 'did not run'}; playwright: ${playwright ? 'ran' : 'did not run'}`);
console.log(`${passed} passed, ${failed} failed${skipped ? `, ${skipped} skipped` : ''}`);
